package dev.destek.claim;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository;
import dev.destek.application.ApplicationService;
import dev.destek.application.Checklist;
import dev.destek.claim.ClaimEvent.Action;
import dev.destek.document.Document;
import dev.destek.document.DocumentStatus;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.DebtLedger;
import dev.destek.integration.RateBook;
import dev.destek.integration.StoredRate;
import dev.destek.observability.JsonLog;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.Deadline;
import dev.destek.rules.Offset;
import dev.destek.rules.OffsetRequest;
import dev.destek.rules.Quote;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.QuoteRequestException;
import dev.destek.rules.RejectionCodes;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Claims from draft to payment (issue 6). Every change is one {@link ClaimEvent} appended at the next version: the
 * event is the change and its audit record at once, so neither can exist without the other, and two writers at the
 * same version cannot both win. Applicants act on their own company's claims only (another company's claim is a
 * 404); reviewers and admins see every company's claims but cannot write an applicant's lines.
 */
public final class ClaimService {
    public static final String DEFAULT_PROGRAMME = "DECREE_2015_8";
    private static final String USD = "USD";
    /** Art. 36(2) can move a line's rate date to the first business day after the 15th; holidays push it further. */
    private static final int RATE_WINDOW_AFTER_15TH_DAYS = 14;
    /** INTERPRETATION: USD to payout currency at the latest stored rate up to the order day, at most this old. */
    private static final int PAYOUT_RATE_LOOKBACK_DAYS = 7;
    private static final JsonLog LOG = JsonLog.of(ClaimService.class);

    private final ClaimRepository claims;
    private final PreApprovalRepository preApprovals;
    private final ApplicationRepository applications;
    private final ApplicationService applicationService;
    private final Supplier<Rules> rules;
    private final RateBook rateBook;
    private final DebtLedger debts;
    private final PaymentOrderArchive archive;
    private final DocumentLinks links;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Duration linkTtl;

    public ClaimService(ClaimRepository claims, PreApprovalRepository preApprovals,
                        ApplicationRepository applications, ApplicationService applicationService,
                        Supplier<Rules> rules, RateBook rateBook, DebtLedger debts, PaymentOrderArchive archive,
                        DocumentLinks links, Clock clock, Supplier<String> ids, Duration linkTtl) {
        this.claims = claims;
        this.preApprovals = preApprovals;
        this.applications = applications;
        this.applicationService = applicationService;
        this.rules = rules;
        this.rateBook = rateBook;
        this.debts = debts;
        this.archive = archive;
        this.links = links;
        this.clock = clock;
        this.ids = ids;
        this.linkTtl = linkTtl;
    }

    /** Request bodies of the reviewer's actions. */
    public record Adjustment(BigDecimal amount, String reason) { }

    public record DecisionRequest(String outcome, String reason) { }

    // ---- applicant ----------------------------------------------------------------------------------------------

    public ClaimView create(Caller caller, String applicationId, ClaimDraft draft) {
        Application application = applications.find(caller.companyId(), applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
        Instant now = clock.instant();
        String programme = draft.programme() == null ? DEFAULT_PROGRAMME : draft.programme();
        Claim claim = new Claim(ids.get(), caller.companyId(), application.id(), programme, application.supportItem(),
                ClaimState.DRAFT, 1, draft.applicant(), draft.activity(), lines(draft), null, null, null, now, now);
        append(null, claim, Action.CREATED, caller, Role.APPLICANT, null);
        return view(caller, claim);
    }

    public ClaimView update(Caller caller, String claimId, Long ifMatch, ClaimDraft draft) {
        Claim claim = own(caller, claimId, ifMatch);
        if (!claim.state().isEditable()) {
            throw refused(claim, "change its lines", "only a DRAFT or RETURNED_FOR_CORRECTION claim can be edited");
        }
        Claim after = claim.withContent(draft.applicant(), draft.activity(), lines(draft))
                .next(claim.state(), clock.instant());
        append(claim, after, Action.UPDATED, caller, Role.APPLICANT, null);
        return view(caller, after);
    }

    /**
     * Submits the claim unless something already rules it out: the checklist incomplete, a linked document not
     * accepted, a deadline missed, a line the rules reject. All reasons come back at once, each with its article.
     * A missing exchange rate does not block submission: the rates may arrive later (payment waits for them).
     */
    public ClaimView submit(Caller caller, String claimId, Long ifMatch) {
        Claim claim = own(caller, claimId, ifMatch);
        Instant now = clock.instant();
        Claim after = transition(claim, ClaimState.SUBMITTED, now);
        List<SubmissionReason> reasons = submissionReasons(caller, claim, LocalDate.ofInstant(now,
                ApplicationService.LEGAL_ZONE));
        if (!reasons.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.SUBMISSION_REFUSED,
                    "Claim " + claimId + " cannot be submitted: " + reasons.size() + " reason(s)",
                    reasons.stream().map(r -> new Problem.FieldError(r.pointer(), r.code() + " (" + r.article()
                            + "): " + r.message())).collect(Collectors.toList()),
                    Map.of("reasons", reasons, "state", claim.state().name())));
        }
        after = after.withSubmittedAt(now);
        append(claim, after, Action.SUBMITTED, caller, Role.APPLICANT, null);
        return view(caller, after);
    }

    /** One reason a submission is refused. */
    public record SubmissionReason(String pointer, String code, String article, String message) { }

    // ---- reviewer -------------------------------------------------------------------------------------------------

    public List<ClaimRepository.QueueEntry> queue(Caller caller) {
        staffRole(caller, Role.REVIEWER, Role.ADMIN);
        return claims.reviewQueue();
    }

    public ClaimView startReview(Caller caller, String claimId, Long ifMatch) {
        Role role = staffRole(caller, Role.REVIEWER);
        Claim claim = any(claimId, ifMatch);
        Claim after = transition(claim, ClaimState.UNDER_REVIEW, clock.instant());
        append(claim, after, Action.REVIEW_STARTED, caller, role, null);
        return view(caller, after);
    }

    /** A reviewer sets the amount a line is supported on; only with a written reason, only while under review. */
    public ClaimView adjust(Caller caller, String claimId, String lineId, Long ifMatch, Adjustment adjustment) {
        Role role = staffRole(caller, Role.REVIEWER);
        Claim claim = any(claimId, ifMatch);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (adjustment.reason() == null || adjustment.reason().isBlank()) {
            errors.add(new Problem.FieldError("/reason", "required: say why the amount changes"));
        }
        if (adjustment.amount() == null || adjustment.amount().signum() < 0 || adjustment.amount().scale() > 2) {
            errors.add(new Problem.FieldError("/amount", "a non-negative amount with at most 2 decimals"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "The adjustment is not acceptable",
                    errors));
        }
        if (claim.state() != ClaimState.UNDER_REVIEW) {
            throw refused(claim, "adjust a line", "lines are adjusted only UNDER_REVIEW");
        }
        ClaimLine line = claim.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No line " + lineId));
        if (adjustment.amount().compareTo(line.amount()) > 0) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "An adjustment cannot raise a line"
                    + " above the amount claimed (" + line.amount().toPlainString() + ")",
                    List.of(new Problem.FieldError("/amount", "at most the claimed amount"))));
        }
        List<ClaimLine> lines = claim.lines().stream().map(l -> l.id().equals(lineId)
                ? l.withAdjustment(adjustment.amount().setScale(2, RoundingMode.UNNECESSARY), adjustment.reason())
                : l).collect(Collectors.toList());
        Claim after = claim.withLines(lines).next(claim.state(), clock.instant());
        append(claim, after, Action.LINE_ADJUSTED, caller, role, adjustment.reason());
        return view(caller, after);
    }

    /**
     * APPROVE becomes APPROVED, or PARTIALLY_APPROVED when a line was adjusted down or the rules reject one; REJECT
     * and RETURN (for correction) need a reason the applicant will read.
     */
    public ClaimView decide(Caller caller, String claimId, Long ifMatch, DecisionRequest decision) {
        Role role = staffRole(caller, Role.REVIEWER);
        Claim claim = any(claimId, ifMatch);
        String outcome = decision.outcome() == null ? "" : decision.outcome();
        boolean hasReason = decision.reason() != null && !decision.reason().isBlank();
        ClaimState target;
        switch (outcome) {
            case "APPROVE":
                target = isPartial(claim) ? ClaimState.PARTIALLY_APPROVED : ClaimState.APPROVED;
                break;
            case "REJECT":
                target = ClaimState.REJECTED;
                break;
            case "RETURN":
                target = ClaimState.RETURNED_FOR_CORRECTION;
                break;
            default:
                throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "outcome: one of APPROVE, REJECT,"
                        + " RETURN", List.of(new Problem.FieldError("/outcome", "one of APPROVE, REJECT, RETURN"))));
        }
        if (!hasReason && target != ClaimState.APPROVED && target != ClaimState.PARTIALLY_APPROVED) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "reason: required for " + outcome,
                    List.of(new Problem.FieldError("/reason", "required: the applicant reads it"))));
        }
        Instant now = clock.instant();
        Claim after = transition(claim, target, now)
                .withDecision(new Claim.Decision(target, decision.reason(), caller.subject(), now));
        append(claim, after, target == ClaimState.RETURNED_FOR_CORRECTION ? Action.RETURNED : Action.DECIDED, caller,
                role, decision.reason());
        return view(caller, after);
    }

    // ---- payment (Art. 35, 36) -------------------------------------------------------------------------------------

    /**
     * Computes the entitlement with the stored rates of the dates the rules select (a missing one: 409
     * WAITING_FOR_RATES), offsets the company's latest debts (Art. 35; none stored: 409 WAITING_FOR_DEBT_STATUS),
     * stores the order as JSON and PDF, and moves the claim to PAYMENT_ORDERED.
     */
    public ClaimView orderPayment(Caller caller, String claimId, Long ifMatch) {
        Role role = staffRole(caller, Role.REVIEWER, Role.ADMIN);
        Claim claim = any(claimId, ifMatch);
        Instant now = clock.instant();
        Claim after = transition(claim, ClaimState.PAYMENT_ORDERED, now);
        Quote quote = quote(claim, storedRates(claim));
        List<String> missingRates = missingRates(quote);
        if (!missingRates.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.WAITING_FOR_RATES, "Claim " + claimId
                    + " waits for exchange rates (Art. 36(1)): " + String.join("; ", missingRates), List.of(),
                    Map.of("paymentStatus", "WAITING_FOR_RATES", "missing", missingRates)));
        }
        CompanyDebts companyDebts = debts.latest(claim.companyId()).orElseThrow(() -> new ProblemException(
                new Problem(ProblemType.WAITING_FOR_DEBT_STATUS, "No tax / social-security debt status of the company"
                        + " is stored yet (Art. 35(1))", List.of(),
                        Map.of("paymentStatus", "WAITING_FOR_DEBT_STATUS"))));
        BigDecimal entitlementUsd = quote.totalSupport().amount().setScale(2, RoundingMode.HALF_UP);
        LocalDate today = LocalDate.ofInstant(now, ApplicationService.LEGAL_ZONE);
        PaymentOrder.Conversion conversion = null;
        BigDecimal entitlement = entitlementUsd;
        if (!USD.equals(companyDebts.currency())) {
            conversion = payoutRate(companyDebts.currency(), today, claimId);
            entitlement = entitlementUsd.divide(conversion.usdPerUnit(), 2, RoundingMode.HALF_UP);
        }
        Offset offset = rules.get().offset(new OffsetRequest(entitlement, debt(companyDebts.tax()),
                debt(companyDebts.socialSecurity())));
        PaymentOrder order = new PaymentOrder(claim.id(), claim.companyId(), claim.applicationId(),
                claim.supportItem(), now, caller.subject(), entitlementUsd, companyDebts.currency(), conversion,
                entitlement, companyDebts.asOf(), companyDebts.sourceObject(), offset, lineSupport(claim, quote),
                quote.rulesVersion());
        PaymentOrderArchive.Stored stored = archive.store(order);
        after = after.withPaymentOrder(new Claim.PaymentOrderRef(stored.jsonKey(), stored.pdfKey(),
                companyDebts.currency(), entitlement, offset.toTaxAuthority(), offset.toSocialSecurity(),
                offset.toApplicant()));
        append(claim, after, Action.PAYMENT_ORDERED, caller, role, null);
        return view(caller, after);
    }

    public ClaimView markPaid(Caller caller, String claimId, Long ifMatch) {
        Role role = staffRole(caller, Role.ADMIN);
        Claim claim = any(claimId, ifMatch);
        Claim after = transition(claim, ClaimState.PAID, clock.instant());
        append(claim, after, Action.PAID, caller, role, null);
        return view(caller, after);
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    public ClaimView get(Caller caller, String claimId) {
        return view(caller, readable(caller, claimId));
    }

    /**
     * The audit trail of one application: every event of its claims, oldest first. Applicants read their own
     * company's; staff name the company ({@code companyId}) of the application they audit.
     */
    public List<ClaimEvent> audit(Caller caller, String applicationId, String companyId) {
        String company = isStaff(caller) && companyId != null ? companyId : caller.companyId();
        applications.find(company, applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
        return claims.audit(company, applicationId);
    }

    /** The pre-approval events of one application (same access as {@link #audit}). */
    public List<PreApprovalEvent> preApprovalAudit(Caller caller, String applicationId, String companyId) {
        String company = isStaff(caller) && companyId != null ? companyId : caller.companyId();
        applications.find(company, applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
        return preApprovals.events(company, applicationId);
    }

    /** Every pre-approval event of a company (admins only). */
    public List<PreApprovalEvent> preApprovalExport(Caller caller, String companyId) {
        export(caller, companyId);
        return preApprovals.events(companyId, null);
    }

    /** Every audit event of a company, oldest first (admins only). */
    public List<ClaimEvent> export(Caller caller, String companyId) {
        staffRole(caller, Role.ADMIN);
        if (companyId == null || companyId.isBlank()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "companyId: required",
                    List.of(new Problem.FieldError("companyId", "the query parameter naming the company"))));
        }
        return claims.audit(companyId, null);
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    private ClaimView view(Caller caller, Claim claim) {
        Quote quote = quote(claim, storedRates(claim));
        String paymentStatus = claim.state() != ClaimState.APPROVED && claim.state() != ClaimState.PARTIALLY_APPROVED
                ? "NOT_APPLICABLE" : missingRates(quote).isEmpty() ? "READY" : "WAITING_FOR_RATES";
        List<ClaimView.DocumentLink> documentLinks = new ArrayList<>();
        if (isStaff(caller)) {
            for (ClaimLine line : claim.lines()) {
                for (String documentId : line.documentIds()) {
                    applications.findDocument(claim.companyId(), claim.applicationId(), documentId)
                            .filter(d -> d.status() == DocumentStatus.ACCEPTED)
                            .ifPresent(d -> {
                                DocumentLinks.Link link = links.presignGet(d.objectKey(), linkTtl);
                                documentLinks.add(new ClaimView.DocumentLink(line.id(), d.id(), d.documentType(),
                                        d.status().name(), link.url(), link.expiresAt()));
                            });
                }
            }
        }
        return new ClaimView(claim, quote, paymentStatus, documentLinks);
    }

    private void append(Claim before, Claim after, Action action, Caller caller, Role role, String reason) {
        ClaimEvent event = new ClaimEvent(after.id(), after.companyId(), after.applicationId(), after.version(), action,
                caller.subject(), role, after.updatedAt(), before == null ? null : before.state(), after.state(),
                reason, before, after);
        try {
            claims.append(event);
        } catch (ClaimRepository.VersionConflictException e) {
            throw new ProblemException(new Problem(ProblemType.CONCURRENT_CHANGE, "Claim " + after.id()
                    + " was changed by someone else at version " + after.version() + "; reload it and retry",
                    List.of(), Map.of("conflictingVersion", after.version())));
        }
        LOG.info("claim changed", Map.of("claimId", after.id(), "version", after.version(), "action", action.name(),
                "state", after.state().name(), "role", role.name()));
    }

    private Claim transition(Claim claim, ClaimState target, Instant at) {
        if (!claim.state().canMoveTo(target)) {
            throw refused(claim, "move to " + target, null);
        }
        return claim.next(target, at);
    }

    /** 409 naming the current state and where it may go from there. */
    private static ProblemException refused(Claim claim, String what, String why) {
        Set<ClaimState> allowed = claim.state().allowedNext();
        return new ProblemException(new Problem(ProblemType.INVALID_TRANSITION, "Claim " + claim.id() + " is "
                + claim.state() + "; it cannot " + what + (why == null ? "" : " (" + why + ")") + ". From "
                + claim.state() + " it may move to: " + (allowed.isEmpty() ? "nothing (final)" : allowed), List.of(),
                Map.of("currentState", claim.state().name(), "allowedNextStates",
                        allowed.stream().map(Enum::name).collect(Collectors.toList()))));
    }

    private Claim own(Caller caller, String claimId, Long ifMatch) {
        Claim claim = claims.find(claimId).filter(c -> c.companyId().equals(caller.companyId()))
                .orElseThrow(() -> notFound(claimId));
        return matching(claim, ifMatch);
    }

    private Claim any(String claimId, Long ifMatch) {
        return matching(claims.find(claimId).orElseThrow(() -> notFound(claimId)), ifMatch);
    }

    private Claim readable(Caller caller, String claimId) {
        return claims.find(claimId).filter(c -> isStaff(caller) || c.companyId().equals(caller.companyId()))
                .orElseThrow(() -> notFound(claimId));
    }

    private static Claim matching(Claim claim, Long ifMatch) {
        if (ifMatch != null && ifMatch != claim.version()) {
            throw new ProblemException(new Problem(ProblemType.PRECONDITION_FAILED, "Claim " + claim.id() + " is at"
                    + " version " + claim.version() + ", not " + ifMatch, List.of(),
                    Map.of("currentVersion", claim.version())));
        }
        return claim;
    }

    private static ProblemException notFound(String claimId) {
        return new ProblemException(ProblemType.NOT_FOUND, "No claim " + claimId);
    }

    private static boolean isStaff(Caller caller) {
        return caller.has(Role.REVIEWER) || caller.has(Role.ADMIN);
    }

    /** The first of {@code allowed} the caller holds, recorded as the role they acted in. */
    private static Role staffRole(Caller caller, Role... allowed) {
        for (Role role : allowed) {
            if (caller.has(role)) {
                return role;
            }
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "This action needs the role "
                + java.util.Arrays.toString(allowed));
    }

    private static List<ClaimLine> lines(ClaimDraft draft) {
        List<ClaimLine> out = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ClaimDraft.Line> lines = draft.lines() == null ? List.of() : draft.lines();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ClaimDraft.Line l = lines.get(i);
            String id = l.id() == null || l.id().isBlank() ? "L" + (i + 1) : l.id();
            if (!seen.add(id)) {
                errors.add(new Problem.FieldError("/lines/" + i + "/id", "duplicate line id " + id));
            }
            if (l.kind() == null || l.kind().isBlank()) {
                errors.add(new Problem.FieldError("/lines/" + i + "/kind", "required"));
            }
            if (l.amount() == null || l.amount().signum() <= 0 || l.amount().scale() > 2) {
                errors.add(new Problem.FieldError("/lines/" + i + "/amount", "a positive amount, at most 2 decimals"));
            }
            if (l.currency() == null || !l.currency().matches("[A-Z]{3}")) {
                errors.add(new Problem.FieldError("/lines/" + i + "/currency", "an ISO 4217 code such as EUR"));
            }
            if (l.paymentDate() == null) {
                errors.add(new Problem.FieldError("/lines/" + i + "/paymentDate", "required (Art. 36(4))"));
            }
            out.add(new ClaimLine(id, l.kind(), l.amount() == null ? null : l.amount().setScale(2, RoundingMode.DOWN),
                    l.currency(), l.paymentDate(), l.documentIssueDate(), l.eTicketIssueDate(), l.socialOrSearchAd(),
                    l.persons(), l.nights(), l.days(), l.documentIds(), null, null));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "The claim's lines are not acceptable",
                    errors));
        }
        return out;
    }

    private List<SubmissionReason> submissionReasons(Caller caller, Claim claim, LocalDate today) {
        List<SubmissionReason> reasons = new ArrayList<>();
        if (claim.lines().isEmpty()) {
            reasons.add(new SubmissionReason("/lines", "NO_LINES", "Art. 34", "a claim needs at least one expense"));
        }
        for (int i = 0; i < claim.lines().size(); i++) {
            ClaimLine line = claim.lines().get(i);
            if (line.documentIds().isEmpty()) {
                reasons.add(new SubmissionReason("/lines/" + i + "/documentIds", "NO_EVIDENCE", "Art. 36(4)",
                        "link the accepted payment documents of line " + line.id()));
            }
            for (String documentId : line.documentIds()) {
                Optional<Document> d = applications.findDocument(claim.companyId(), claim.applicationId(), documentId);
                if (d.isEmpty() || d.get().status() != DocumentStatus.ACCEPTED) {
                    reasons.add(new SubmissionReason("/lines/" + i + "/documentIds", "DOCUMENT_NOT_ACCEPTED",
                            "Art. 36(4)", "document " + documentId + " is not an ACCEPTED document of application "
                            + claim.applicationId() + (d.isEmpty() ? "" : " (" + d.get().status() + ")")));
                }
            }
        }
        Checklist checklist = applicationService.checklist(caller, claim.applicationId());
        for (Checklist.Missing m : checklist.missing()) {
            reasons.add(new SubmissionReason("/checklist/" + m.documentType(), "CHECKLIST_INCOMPLETE", m.article(),
                    m.documentType() + " is required and has no accepted document"));
        }
        for (Checklist.Line entry : checklist.entries()) {
            for (Checklist.Finding f : entry.findings()) {
                reasons.add(new SubmissionReason("/checklist/" + entry.documentType(), f.code(), f.article(),
                        f.messageEn()));
            }
        }
        QuoteRequest request = quoteRequest(claim, today, List.of());
        try {
            for (Deadline d : rules.get().deadlines(request, today)) {
                if (d.status() == Deadline.Status.MISSED && "LATEST".equals(d.kind())) {
                    reasons.add(new SubmissionReason("/deadlines/" + d.ruleId()
                            + (d.subject() == null ? "" : "/" + d.subject()), "DEADLINE_MISSED", d.article(),
                            d.ruleId() + ": " + d.description() + " by " + d.date() + " — " + d.consequence()));
                }
            }
        } catch (QuoteRequestException e) {
            throw invalidForRules(e);
        }
        Quote quote = quote(claim, storedRates(claim));
        for (Quote.Rejection r : quote.rejections()) {
            reasons.add(new SubmissionReason("/claim", r.code(), r.article(), "the rules reject the claim"));
        }
        for (int i = 0; i < quote.lines().size(); i++) {
            for (Quote.Rejection r : quote.lines().get(i).rejections()) {
                if (!RejectionCodes.NEEDS_CONVERSION.equals(r.code()) && !quote.rejections().contains(r)) {
                    reasons.add(new SubmissionReason("/lines/" + i, r.code(), r.article(),
                            "the rules reject line " + quote.lines().get(i).id()));
                }
            }
        }
        return reasons;
    }

    private boolean isPartial(Claim claim) {
        if (claim.lines().stream().anyMatch(l -> l.approvedAmount() != null
                && l.approvedAmount().compareTo(l.amount()) < 0)) {
            return true;
        }
        return quote(claim, storedRates(claim)).lines().stream().flatMap(l -> l.rejections().stream())
                .anyMatch(r -> !RejectionCodes.NEEDS_CONVERSION.equals(r.code()));
    }

    private Quote quote(Claim claim, List<QuoteRequest.ExchangeRate> rates) {
        LocalDate filing = claim.submittedAt() != null
                ? LocalDate.ofInstant(claim.submittedAt(), ApplicationService.LEGAL_ZONE)
                : LocalDate.ofInstant(clock.instant(), ApplicationService.LEGAL_ZONE);
        try {
            return rules.get().quote(quoteRequest(claim, filing, rates));
        } catch (QuoteRequestException e) {
            throw invalidForRules(e);
        }
    }

    private static ProblemException invalidForRules(QuoteRequestException e) {
        return new ProblemException(new Problem(ProblemType.INVALID_REQUEST, "The claim's facts are not usable by"
                + " the rules at " + e.pointer() + ": " + e.reason(), List.of(new Problem.FieldError(e.pointer(),
                e.reason()))));
    }

    QuoteRequest quoteRequest(Claim claim, LocalDate filingDate, List<QuoteRequest.ExchangeRate> rates) {
        List<QuoteRequest.Expense> expenses = claim.lines().stream().map(l -> new QuoteRequest.Expense(l.id(),
                l.kind(), l.amountForRules(), l.currency(), l.paymentDate(), l.documentIssueDate(), l.persons(),
                l.nights(), l.days(), null, null, null, null, null, null, null, null, null, null, null, null,
                l.socialOrSearchAd(), l.eTicketIssueDate(), null, null, null, null, null))
                .collect(Collectors.toList());
        return new QuoteRequest(claim.programme(), claim.supportItem(), claim.applicant(), activityFacts(claim),
                filingDate, expenses, rates);
    }

    /**
     * The claim's activity with the reviewer's pre-approval decision date (and the request date) filled in where the
     * applicant left them open: read, not copied, so the rules always see the decision as recorded.
     */
    private QuoteRequest.Activity activityFacts(Claim claim) {
        QuoteRequest.Activity a = claim.activity();
        if (a == null || a.preApprovalDate() != null) {
            return a;
        }
        Optional<PreApproval> approved = preApprovals.ofApplication(claim.companyId(), claim.applicationId())
                .stream().filter(p -> p.state() == PreApproval.State.APPROVED)
                .max(Comparator.comparing(PreApproval::decisionDate));
        if (approved.isEmpty()) {
            return a;
        }
        PreApproval p = approved.get();
        return new QuoteRequest.Activity(a.countries(), a.start(), a.end(), p.decisionDate(),
                a.priorApplicationDate() != null ? a.priorApplicationDate() : p.requestedOn(), a.projectStart(),
                a.firstSupportedMonth(), a.filmReleaseDate(), a.firstTrainingStart(), a.secondFairEnd(),
                a.unitClosureDate(), a.ownershipChangeDate(), a.authorisationCancelledDate(), a.ministryOrganised(),
                a.subtype(), a.programmeDays(), a.participants(), a.quotes(), a.protocolSignedDate(),
                a.delegationsInYear(), a.eventId(), a.supportReceivedUsd(), a.province(), a.supportYear(),
                a.hireDate(), a.claimPeriodFrom(), a.claimPeriodTo(), a.programmeTrack(), a.programmeStart(),
                a.targetMarkets(), a.projectYears());
    }

    /** Every stored rate of the claim's currencies over the days the rules may select (Art. 36(2)–(4)). */
    private List<QuoteRequest.ExchangeRate> storedRates(Claim claim) {
        Set<String> currencies = new TreeSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (ClaimLine l : claim.lines()) {
            if (l.currency() == null || USD.equals(l.currency()) || l.paymentDate() == null) {
                continue;
            }
            currencies.add(l.currency());
            LocalDate first = l.eTicketIssueDate() != null && l.eTicketIssueDate().isBefore(l.paymentDate())
                    ? l.eTicketIssueDate() : l.paymentDate();
            LocalDate last = YearMonth.from(l.paymentDate()).atDay(15).plusDays(RATE_WINDOW_AFTER_15TH_DAYS);
            last = l.paymentDate().isAfter(last) ? l.paymentDate() : last;
            last = l.eTicketIssueDate() != null && l.eTicketIssueDate().isAfter(last) ? l.eTicketIssueDate() : last;
            from = from == null || first.isBefore(from) ? first : from;
            to = to == null || last.isAfter(to) ? last : to;
        }
        if (currencies.isEmpty()) {
            return List.of();
        }
        return rateBook.rates(currencies, from, to).stream()
                .map(r -> new QuoteRequest.ExchangeRate(r.currency(), r.date(), r.usdPerUnit(), r.source()))
                .collect(Collectors.toList());
    }

    /** The rules' own words for each line that has no rate ("NEEDS_CONVERSION: no EUR rate for 2025-02-01"). */
    private static List<String> missingRates(Quote quote) {
        List<String> missing = new ArrayList<>();
        for (Quote.Line line : quote.lines()) {
            if (line.rejections().stream().anyMatch(r -> RejectionCodes.NEEDS_CONVERSION.equals(r.code()))) {
                String why = line.trace().stream().map(Quote.TraceStep::output).filter(o -> o != null
                        && o.startsWith(RejectionCodes.NEEDS_CONVERSION)).findFirst()
                        .orElse(RejectionCodes.NEEDS_CONVERSION);
                missing.add(line.id() + ": " + why);
            }
        }
        return missing;
    }

    private PaymentOrder.Conversion payoutRate(String currency, LocalDate today, String claimId) {
        return rateBook.rates(Set.of(currency), today.minusDays(PAYOUT_RATE_LOOKBACK_DAYS), today).stream()
                .max(Comparator.comparing(StoredRate::date))
                .map(r -> new PaymentOrder.Conversion(r.date(), r.usdPerUnit(), r.source(), r.sourceObject()))
                .orElseThrow(() -> new ProblemException(new Problem(ProblemType.WAITING_FOR_RATES, "Claim " + claimId
                        + " waits for a " + currency + " rate (payout currency) of the " + PAYOUT_RATE_LOOKBACK_DAYS
                        + " days up to " + today, List.of(), Map.of("paymentStatus", "WAITING_FOR_RATES",
                        "missing", List.of(currency + " " + today)))));
    }

    private static OffsetRequest.Debt debt(CompanyDebts.Debt d) {
        return new OffsetRequest.Debt(d.amount(), d.overdue(), d.restructured(), d.restructuringComplied());
    }

    private static List<PaymentOrder.LineSupport> lineSupport(Claim claim, Quote quote) {
        Map<String, ClaimLine> byId = new LinkedHashMap<>();
        claim.lines().forEach(l -> byId.put(l.id(), l));
        return quote.lines().stream().map(q -> new PaymentOrder.LineSupport(q.id(),
                byId.containsKey(q.id()) ? byId.get(q.id()).kind() : null, q.currency(), q.claimed(), q.support()))
                .collect(Collectors.toList());
    }
}
