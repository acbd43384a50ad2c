package dev.destek.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.destek.application.ApplicationService;
import dev.destek.application.NewApplication;
import dev.destek.application.NewDocument;
import dev.destek.claim.ClaimEvent.Action;
import dev.destek.document.Document;
import dev.destek.document.DocumentStatus;
import dev.destek.document.FileFacts;
import dev.destek.document.ScanVerdict;
import dev.destek.document.UploadSigner;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.StoredRate;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.rules.Offset;
import dev.destek.rules.OffsetRequest;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import dev.destek.testsupport.InMemoryApplicationRepository;
import dev.destek.testsupport.InMemoryClaimRepository;
import dev.destek.testsupport.InMemoryPreApprovalRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claims through {@link ClaimService}: the state machine, optimistic locking, the audit trail, Art. 35 and 36. */
class ClaimServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    private static final String SHA = "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff";
    private static final Caller ALICE = new Caller("alice", "COMPANY_A", Set.of(Role.APPLICANT));
    private static final Caller BORA = new Caller("bora", "COMPANY_B", Set.of(Role.APPLICANT));
    private static final Caller RITA = new Caller("rita", "MINISTRY", Set.of(Role.APPLICANT, Role.REVIEWER));
    private static final Caller REX = new Caller("rex", "MINISTRY", Set.of(Role.APPLICANT, Role.REVIEWER));
    private static final Caller ADA = new Caller("ada", "MINISTRY", Set.of(Role.APPLICANT, Role.ADMIN));
    private static final Rules RULES = Rules.load(Map.of());
    private static final QuoteRequest.Applicant IT_COMPANY =
            new QuoteRequest.Applicant("BENEFICIARY", "IT_COMPANY", "IT", "PROV_A");
    private static final QuoteRequest.Activity ACTIVITY = new QuoteRequest.Activity(List.of("XA"),
            LocalDate.parse("2025-05-10"), LocalDate.parse("2025-05-20"), null);

    private final InMemoryApplicationRepository applications = new InMemoryApplicationRepository();
    private final InMemoryClaimRepository claims = new InMemoryClaimRepository();
    private final InMemoryPreApprovalRepository preApprovals = new InMemoryPreApprovalRepository();
    private final List<StoredRate> rates = new CopyOnWriteArrayList<>();
    private final Map<String, CompanyDebts> debts = new ConcurrentHashMap<>();
    private final List<PaymentOrder> archived = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger();
    private final ApplicationService applicationService = new ApplicationService(applications,
            spec -> new UploadSigner.PresignedUpload("https://s3.example/" + spec.key(), "PUT", Map.of(),
                    NOW.plus(spec.ttl())),
            () -> RULES, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + ids.incrementAndGet(), Duration.ofMinutes(15),
            new dev.destek.testsupport.InMemoryReminderStore(), dev.destek.reminder.ReminderSettings.DEFAULTS);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    private ClaimService service(ClaimRepository repository) {
        return new ClaimService(repository, preApprovals, applications, applicationService, () -> RULES,
                (currencies, from, to) -> rates.stream().filter(r -> currencies.contains(r.currency()))
                        .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).collect(
                                java.util.stream.Collectors.toList()),
                companyId -> Optional.ofNullable(debts.get(companyId)),
                order -> {
                    archived.add(order);
                    return new PaymentOrderArchive.Stored(PaymentOrderArchive.keyPrefix(order) + ".json",
                            PaymentOrderArchive.keyPrefix(order) + ".pdf");
                },
                (key, ttl) -> new DocumentLinks.Link("https://s3.example/" + key + "?signed", NOW.plus(ttl)),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "c" + ids.incrementAndGet(), Duration.ofMinutes(5));
    }

    private final ClaimService service = service(claims);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void claimLife_submitReviewDecidePayAndPaid_shouldEndPaidWithEveryStepAudited() {
        // GIVEN a complete advertising application and a USD claim on it, and the company's debts (Art. 35)
        Fixture f = submittable("USD");
        debts.put("COMPANY_A", debts("USD", "1000.00", "2000.00"));

        // WHEN the whole life runs
        service.submit(ALICE, f.claimId, 1L);
        service.startReview(RITA, f.claimId, 2L);
        ClaimView approved = service.decide(RITA, f.claimId, 3L, new ClaimService.DecisionRequest("APPROVE", null));
        ClaimView ordered = service.orderPayment(RITA, f.claimId, 4L);
        ClaimView paid = service.markPaid(ADA, f.claimId, 5L);

        // THEN the order pays what the rules compute and offsets what Art. 35 says
        assertThat(approved.claim().state()).isEqualTo(ClaimState.APPROVED);
        BigDecimal entitlement = approved.payout().totalSupport().amount();
        assertThat(entitlement).isPositive();
        Offset expected = RULES.offset(new OffsetRequest(entitlement, new OffsetRequest.Debt(new BigDecimal("1000.00")),
                new OffsetRequest.Debt(new BigDecimal("2000.00"))));
        PaymentOrder order = archived.get(0);
        assertThat(order.entitlement()).isEqualByComparingTo(entitlement);
        assertThat(order.offset().toTaxAuthority()).isEqualByComparingTo(expected.toTaxAuthority());
        assertThat(order.offset().toSocialSecurity()).isEqualByComparingTo(expected.toSocialSecurity());
        assertThat(order.offset().toApplicant()).isEqualByComparingTo(expected.toApplicant());
        assertThat(ordered.claim().paymentOrder().pdfKey())
                .isEqualTo("payment-orders/COMPANY_A/" + f.claimId + "/payment-order.pdf");
        assertThat(paid.claim().state()).isEqualTo(ClaimState.PAID);
        // AND every step is one audit event: who, in which role, from which state to which
        assertThat(service.audit(ALICE, f.applicationId, null))
                .extracting(ClaimEvent::version, ClaimEvent::action, ClaimEvent::actor, ClaimEvent::role,
                        ClaimEvent::stateAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Action.CREATED, "alice", Role.APPLICANT,
                                ClaimState.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(2L, Action.SUBMITTED, "alice", Role.APPLICANT,
                                ClaimState.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(3L, Action.REVIEW_STARTED, "rita", Role.REVIEWER,
                                ClaimState.UNDER_REVIEW),
                        org.assertj.core.groups.Tuple.tuple(4L, Action.DECIDED, "rita", Role.REVIEWER,
                                ClaimState.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(5L, Action.PAYMENT_ORDERED, "rita", Role.REVIEWER,
                                ClaimState.PAYMENT_ORDERED),
                        org.assertj.core.groups.Tuple.tuple(6L, Action.PAID, "ada", Role.ADMIN, ClaimState.PAID));
    }

    @Test
    void stateMachine_everyInvalidTransition_shouldAnswer409NamingTheCurrentAndAllowedStates() {
        // GIVEN one action per target state
        Map<ClaimState, Function<String, ClaimView>> actions = new java.util.EnumMap<>(ClaimState.class);
        actions.put(ClaimState.SUBMITTED, id -> service.submit(ALICE, id, null));
        actions.put(ClaimState.UNDER_REVIEW, id -> service.startReview(RITA, id, null));
        actions.put(ClaimState.APPROVED, id -> service.decide(RITA, id, null,
                new ClaimService.DecisionRequest("APPROVE", null)));
        actions.put(ClaimState.REJECTED, id -> service.decide(RITA, id, null,
                new ClaimService.DecisionRequest("REJECT", "no evidence")));
        actions.put(ClaimState.RETURNED_FOR_CORRECTION, id -> service.decide(RITA, id, null,
                new ClaimService.DecisionRequest("RETURN", "fix line L1")));
        actions.put(ClaimState.PAYMENT_ORDERED, id -> service.orderPayment(RITA, id, null));
        actions.put(ClaimState.PAID, id -> service.markPaid(ADA, id, null));
        int refused = 0;
        for (ClaimState from : ClaimState.values()) {
            for (Map.Entry<ClaimState, Function<String, ClaimView>> action : actions.entrySet()) {
                boolean allowed = from.canMoveTo(action.getKey())
                        || action.getKey() == ClaimState.APPROVED && from.canMoveTo(ClaimState.PARTIALLY_APPROVED);
                if (allowed) {
                    continue;
                }
                // WHEN a claim in `from` is asked to move to the action's state
                String claimId = claimIn(from);
                ProblemException e = catchThrowableOfType(() -> action.getValue().apply(claimId),
                        ProblemException.class);

                // THEN 409 naming where it is and where it may go, and nothing was written
                assertThat(e).as(from + " -> " + action.getKey()).isNotNull();
                assertThat(e.problem().type()).as(from + " -> " + action.getKey())
                        .isEqualTo(ProblemType.INVALID_TRANSITION);
                assertThat(e.problem().extensions()).containsEntry("currentState", from.name())
                        .containsEntry("allowedNextStates", from.allowedNext().stream().map(Enum::name)
                                .collect(java.util.stream.Collectors.toList()));
                assertThat(e.problem().detail()).contains(from.name());
                assertThat(claims.history(claimId)).hasSize(1);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(9 * 7 - 9);
    }

    @Test
    void stateMachine_shouldAllowExactlyTheIssuesTransitions() {
        assertThat(ClaimState.DRAFT.allowedNext()).containsExactly(ClaimState.SUBMITTED);
        assertThat(ClaimState.SUBMITTED.allowedNext()).containsExactly(ClaimState.UNDER_REVIEW);
        assertThat(ClaimState.UNDER_REVIEW.allowedNext()).containsExactlyInAnyOrder(
                ClaimState.RETURNED_FOR_CORRECTION, ClaimState.APPROVED, ClaimState.PARTIALLY_APPROVED,
                ClaimState.REJECTED);
        assertThat(ClaimState.RETURNED_FOR_CORRECTION.allowedNext()).containsExactly(ClaimState.SUBMITTED);
        assertThat(ClaimState.APPROVED.allowedNext()).containsExactly(ClaimState.PAYMENT_ORDERED);
        assertThat(ClaimState.PARTIALLY_APPROVED.allowedNext()).containsExactly(ClaimState.PAYMENT_ORDERED);
        assertThat(ClaimState.PAYMENT_ORDERED.allowedNext()).containsExactly(ClaimState.PAID);
        assertThat(ClaimState.REJECTED.allowedNext()).isEmpty();
        assertThat(ClaimState.PAID.allowedNext()).isEmpty();
    }

    @Test
    void optimisticLock_twoReviewersAdjustingTheSameVersion_oneGetsConcurrentChange() throws Exception {
        // GIVEN a claim under review, and a store that lets both reviewers read it before either writes
        Fixture f = submittable("USD");
        service.submit(ALICE, f.claimId, null);
        service.startReview(RITA, f.claimId, null);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ClaimService racing = service(new ReadThenWait(claims, bothRead));

        // WHEN both adjust line L1 at version 3
        Future<ClaimView> first = pool.submit(() -> racing.adjust(RITA, f.claimId, "L1", null,
                new ClaimService.Adjustment(new BigDecimal("9000.00"), "invoice shows 9000")));
        Future<ClaimView> second = pool.submit(() -> racing.adjust(REX, f.claimId, "L1", null,
                new ClaimService.Adjustment(new BigDecimal("8000.00"), "half of the ad ran domestically")));
        List<Object> outcomes = new ArrayList<>();
        for (Future<ClaimView> r : List.of(first, second)) {
            try {
                outcomes.add(r.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }

        // THEN one wins, the other gets 409 and nothing of it is stored
        assertThat(outcomes).filteredOn(o -> o instanceof ClaimView).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ProblemException)
                .extracting(o -> ((ProblemException) o).problem().type())
                .containsExactly(ProblemType.CONCURRENT_CHANGE);
        assertThat(claims.history(f.claimId)).extracting(ClaimEvent::version).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void optimisticLock_staleIfMatch_shouldAnswer412WithTheCurrentVersion() {
        Fixture f = submittable("USD");
        service.submit(ALICE, f.claimId, 1L);

        ProblemException e = catchThrowableOfType(() -> service.startReview(RITA, f.claimId, 1L),
                ProblemException.class);

        assertThat(e.problem().type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
        assertThat(e.problem().extensions()).containsEntry("currentVersion", 2L);
    }

    @Test
    void submit_incompleteChecklistAndUnacceptedDocument_shouldBeRefusedWithReasonsAndArticles() {
        // GIVEN an application with only an EK-8, and a line linked to a document still awaiting upload
        String app = applicationService.open(ALICE, new NewApplication("ADVERTISING")).application().id();
        accept(upload(app, doc("EK_8", null)));
        Document pending = upload(app, doc("INVOICE", "TR"));
        String claimId = service.create(ALICE, app, draft("USD", "2025-06-02", List.of(pending.id())))
                .claim().id();

        // WHEN
        ProblemException e = catchThrowableOfType(() -> service.submit(ALICE, claimId, null), ProblemException.class);

        // THEN 422 with each reason and its article, and the claim is still a draft
        assertThat(e.problem().type()).isEqualTo(ProblemType.SUBMISSION_REFUSED);
        @SuppressWarnings("unchecked")
        List<ClaimService.SubmissionReason> reasons =
                (List<ClaimService.SubmissionReason>) e.problem().extensions().get("reasons");
        assertThat(reasons).extracting(ClaimService.SubmissionReason::code)
                .contains("DOCUMENT_NOT_ACCEPTED", "CHECKLIST_INCOMPLETE");
        assertThat(reasons).filteredOn(r -> r.code().equals("CHECKLIST_INCOMPLETE"))
                .extracting(ClaimService.SubmissionReason::article).allMatch(a -> a.startsWith("Art."));
        assertThat(service.get(ALICE, claimId).claim().state()).isEqualTo(ClaimState.DRAFT);
    }

    @Test
    void art34_submit_paymentMoreThanAYearAgo_shouldBeRefusedAsDeadlineMissed() {
        Fixture f = submittable("USD", "2024-06-03");

        ProblemException e = catchThrowableOfType(() -> service.submit(ALICE, f.claimId, null),
                ProblemException.class);

        @SuppressWarnings("unchecked")
        List<ClaimService.SubmissionReason> reasons =
                (List<ClaimService.SubmissionReason>) e.problem().extensions().get("reasons");
        assertThat(reasons).filteredOn(r -> r.code().equals("DEADLINE_MISSED")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.article()).contains("34"));
    }

    @Test
    void art36_paymentOrder_withoutTheRateOfTheSelectedDate_shouldWaitAndNeverGuess() {
        // GIVEN an approved EUR claim, debts known, but only a rate of another day
        Fixture f = submittable("EUR");
        debts.put("COMPANY_A", debts("USD", "0.00", "0.00"));
        rates.add(new StoredRate("EUR", LocalDate.parse("2025-06-03"), new BigDecimal("1.10"), "TCMB_INDICATIVE",
                "integrations/rates/x.xml"));
        approve(f.claimId);

        // WHEN
        ProblemException e = catchThrowableOfType(() -> service.orderPayment(RITA, f.claimId, null),
                ProblemException.class);

        // THEN it waits, names the missing rate, and the claim stays approved with no order written
        assertThat(e.problem().type()).isEqualTo(ProblemType.WAITING_FOR_RATES);
        assertThat(e.problem().extensions()).containsEntry("paymentStatus", "WAITING_FOR_RATES");
        assertThat(e.problem().detail()).contains("EUR", "2025-06-02");
        assertThat(service.get(RITA, f.claimId).paymentStatus()).isEqualTo("WAITING_FOR_RATES");
        assertThat(archived).isEmpty();

        // AND once the rate of that day is stored the order goes through, converted at exactly that rate
        rates.add(new StoredRate("EUR", LocalDate.parse("2025-06-02"), new BigDecimal("1.08"), "TCMB_INDICATIVE",
                "integrations/rates/y.xml"));
        assertThat(service.orderPayment(RITA, f.claimId, null).claim().state()).isEqualTo(ClaimState.PAYMENT_ORDERED);
        assertThat(archived.get(0).entitlementUsd()).isPositive();
    }

    @Test
    void art35_paymentOrder_withoutAnyDebtStatus_shouldWait() {
        Fixture f = submittable("USD");
        approve(f.claimId);

        ProblemException e = catchThrowableOfType(() -> service.orderPayment(RITA, f.claimId, null),
                ProblemException.class);

        assertThat(e.problem().type()).isEqualTo(ProblemType.WAITING_FOR_DEBT_STATUS);
        assertThat(service.get(RITA, f.claimId).claim().state()).isEqualTo(ClaimState.APPROVED);
    }

    @Test
    void art35_paymentOrder_debtsInTry_shouldConvertTheEntitlementAtTheStoredRateAndSplitProportionally() {
        // GIVEN debts in TRY larger than the entitlement, and the TRY rate of the order day
        Fixture f = submittable("USD");
        debts.put("COMPANY_A", debts("TRY", "600000.00", "900000.00"));
        rates.add(new StoredRate("TRY", LocalDate.parse("2026-01-14"), new BigDecimal("0.025"), "TCMB_INDICATIVE",
                "integrations/rates/z.xml"));
        approve(f.claimId);

        // WHEN
        service.orderPayment(RITA, f.claimId, null);

        // THEN the entitlement is USD / (USD per TRY), HALF_UP to 2 decimals, and split 60:90 (Art. 35(3))
        PaymentOrder order = archived.get(0);
        assertThat(order.conversion().date()).isEqualTo(LocalDate.parse("2026-01-14"));
        assertThat(order.entitlement()).isEqualByComparingTo(order.entitlementUsd()
                .divide(new BigDecimal("0.025"), 2, java.math.RoundingMode.HALF_UP));
        assertThat(order.offset().rule()).isEqualTo("PROPORTIONAL");
        assertThat(order.offset().toApplicant()).isEqualByComparingTo("0.00");
        assertThat(order.offset().toTaxAuthority().add(order.offset().toSocialSecurity()))
                .isEqualByComparingTo(order.entitlement());
    }

    @Test
    void review_adjustDownWithReason_thenApprove_shouldBePartiallyApprovedAndAuditedWithBeforeAndAfter() {
        Fixture f = submittable("USD");
        service.submit(ALICE, f.claimId, null);
        service.startReview(RITA, f.claimId, null);

        service.adjust(RITA, f.claimId, "L1", 3L, new ClaimService.Adjustment(new BigDecimal("4000.00"),
                "only 4000 of the invoice is advertising"));
        ClaimView decided = service.decide(RITA, f.claimId, 4L, new ClaimService.DecisionRequest("APPROVE", null));

        assertThat(decided.claim().state()).isEqualTo(ClaimState.PARTIALLY_APPROVED);
        ClaimEvent adjusted = claims.history(f.claimId).get(3);
        assertThat(adjusted.action()).isEqualTo(Action.LINE_ADJUSTED);
        assertThat(adjusted.reason()).isEqualTo("only 4000 of the invoice is advertising");
        assertThat(adjusted.before().lines().get(0).amountForRules()).isEqualByComparingTo("10000.00");
        assertThat(adjusted.after().lines().get(0).amountForRules()).isEqualByComparingTo("4000.00");
    }

    @Test
    void review_adjustWithoutReason_shouldBeRefusedAndChangeNothing() {
        Fixture f = submittable("USD");
        service.submit(ALICE, f.claimId, null);
        service.startReview(RITA, f.claimId, null);

        assertThatThrownBy(() -> service.adjust(RITA, f.claimId, "L1", null,
                new ClaimService.Adjustment(new BigDecimal("1.00"), " ")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.INVALID_REQUEST));
        assertThat(claims.history(f.claimId)).hasSize(3);
    }

    @Test
    void tenancy_anotherCompany_shouldNotFindTheClaim_andAnApplicantCannotReview() {
        Fixture f = submittable("USD");
        service.submit(ALICE, f.claimId, null);

        assertThatThrownBy(() -> service.get(BORA, f.claimId)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> service.audit(BORA, f.applicationId, "COMPANY_A"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> service.startReview(ALICE, f.claimId, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> service.queue(ALICE)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> service.export(RITA, "COMPANY_A")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().type()).isEqualTo(ProblemType.FORBIDDEN));
        // the reviewer sees it in the queue, with short-lived links to the evidence
        assertThat(service.queue(RITA)).extracting(ClaimRepository.QueueEntry::claimId).containsExactly(f.claimId);
        assertThat(service.get(RITA, f.claimId).documents()).hasSize(2)
                .allSatisfy(d -> assertThat(d.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5))));
        assertThat(service.get(ALICE, f.claimId).documents()).isEmpty();
    }

    @Test
    void art6_1_preApprovalDecisionDate_shouldFeedTheRulesOfTheApplicationsClaims() {
        // GIVEN a market-report claim paid on 2025-06-02 and no pre-approval: the rules reject it (Art. 6(1))
        String app = applicationService.open(ALICE, new NewApplication("MARKET_REPORT")).application().id();
        // the activity also states deck facts (Decree 2564 support period) and a hire date: filling in the
        // decision date keeps them
        QuoteRequest.Activity activity = new QuoteRequest.Activity(List.of("XA"), LocalDate.parse("2025-05-10"),
                LocalDate.parse("2025-05-20"), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, LocalDate.parse("2025-01-15"), null, null,
                "TURQUALITY", LocalDate.parse("2024-11-01"), 2, null);
        String claimId = service.create(ALICE, app, new ClaimDraft(null, IT_COMPANY, activity, List.of(
                new ClaimDraft.Line("L1", "REPORT", new BigDecimal("5000.00"), "USD", LocalDate.parse("2025-06-02"),
                        null, null, null, null, null, null, List.of())))).claim().id();
        assertThat(rejectionCodes(claimId)).contains("NO_PRE_APPROVAL");
        PreApprovalService preApprovalService = new PreApprovalService(preApprovals, applications,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "p" + ids.incrementAndGet());
        PreApproval requested = preApprovalService.request(ALICE, app,
                new PreApprovalService.Request("PRE_APPROVAL", LocalDate.parse("2026-02-01"), null));

        // WHEN a reviewer approves it; an applicant cannot, and a decision is final
        assertThatThrownBy(() -> preApprovalService.decide(ALICE, requested.id(), null,
                new PreApprovalService.Decision("APPROVE", null, null))).isInstanceOf(ProblemException.class);
        preApprovalService.decide(RITA, requested.id(), 1L, new PreApprovalService.Decision("APPROVE",
                LocalDate.parse("2026-01-15"), null));
        ProblemException again = catchThrowableOfType(() -> preApprovalService.decide(REX, requested.id(), null,
                new PreApprovalService.Decision("REJECT", null, "late")), ProblemException.class);

        // THEN the claim's quote reads the decision date: spending before it is still refused, by that rule
        assertThat(again.problem().type()).isEqualTo(ProblemType.INVALID_TRANSITION);
        assertThat(service.get(RITA, claimId).payout().lines().get(0).trace()).anySatisfy(step ->
                assertThat(step.inputs().values()).contains("2026-01-15"));
        assertThat(service.preApprovalAudit(ALICE, app, null)).extracting(PreApprovalEvent::action)
                .containsExactly("REQUESTED", "DECIDED");
        QuoteRequest.Activity read = service.quoteRequest(claims.find(claimId).orElseThrow(),
                LocalDate.parse("2026-02-01"), List.of()).activity();
        assertThat(read.preApprovalDate()).isEqualTo("2026-01-15");
        assertThat(read.programmeTrack()).isEqualTo("TURQUALITY");
        assertThat(read.hireDate()).isEqualTo(LocalDate.parse("2025-01-15"));
        assertThat(read.programmeStart()).isEqualTo("2024-11-01");
        assertThat(read.targetMarkets()).isEqualTo(2);
    }

    private List<String> rejectionCodes(String claimId) {
        return service.get(ALICE, claimId).payout().lines().stream().flatMap(l -> l.rejections().stream())
                .map(dev.destek.rules.Quote.Rejection::code).collect(java.util.stream.Collectors.toList());
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------------

    private record Fixture(String applicationId, String claimId) { }

    private Fixture submittable(String currency) {
        return submittable(currency, "2025-06-02");
    }

    /**
     * A complete advertising application (EK-3 on file in the company vault, EK-8, invoice and payment issued in
     * Türkiye) and a one-line claim.
     */
    private Fixture submittable(String currency, String paymentDate) {
        if (applicationService.vault(ALICE).items().isEmpty()) {
            accept(applicationService.requestVaultUpload(ALICE, new NewDocument("EK_3", "ek3.pdf", "application/pdf",
                    45L, SHA, LocalDate.parse("2025-01-10"), null, null, null, null, null, null, null)).document());
        }
        String app = applicationService.open(ALICE, new NewApplication("ADVERTISING")).application().id();
        accept(upload(app, doc("EK_8", null)));
        Document invoice = accept(upload(app, doc("INVOICE", "TR")));
        Document payment = accept(upload(app, doc("PAYMENT_DOC", "TR")));
        ClaimView created = service.create(ALICE, app, draft(currency, paymentDate,
                List.of(invoice.id(), payment.id())));
        return new Fixture(app, created.claim().id());
    }

    private void approve(String claimId) {
        service.submit(ALICE, claimId, null);
        service.startReview(RITA, claimId, null);
        service.decide(RITA, claimId, null, new ClaimService.DecisionRequest("APPROVE", null));
    }

    /** A claim stored directly in {@code state} (version 1), as if its history had led there. */
    private String claimIn(ClaimState state) {
        Fixture f = submittable("USD");
        Claim created = claims.find(f.claimId).orElseThrow();
        String id = "s" + ids.incrementAndGet();
        Claim claim = new Claim(id, created.companyId(), created.applicationId(), created.programme(),
                created.supportItem(), state, 1, created.applicant(), created.activity(), created.lines(), NOW, null,
                null, NOW, NOW);
        claims.append(new ClaimEvent(id, claim.companyId(), claim.applicationId(), 1, Action.CREATED, "test",
                Role.ADMIN, NOW, null, state, null, null, claim));
        debts.put("COMPANY_A", debts("USD", "0.00", "0.00"));
        return id;
    }

    private static ClaimDraft draft(String currency, String paymentDate, List<String> documentIds) {
        return new ClaimDraft(null, IT_COMPANY, ACTIVITY, List.of(new ClaimDraft.Line("L1", "ADVERTISING",
                new BigDecimal("10000.00"), currency, LocalDate.parse(paymentDate), null, null, null, null, null, null,
                documentIds)));
    }

    private static CompanyDebts debts(String currency, String tax, String sgk) {
        return new CompanyDebts("COMPANY_A", LocalDate.parse("2026-01-10"), currency,
                new CompanyDebts.Debt(new BigDecimal(tax), true, false, false),
                new CompanyDebts.Debt(new BigDecimal(sgk), true, false, false), "integrations/debts/d.csv");
    }

    private Document upload(String app, NewDocument request) {
        return applicationService.requestUpload(ALICE, app, request).document();
    }

    private Document accept(Document d) {
        Document accepted = d.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf",
                "v" + versions.incrementAndGet(), d.objectKey(),
                new FileFacts(SHA, 1, null, null, new ScanVerdict.NotScanned("no scanner"), null), NOW);
        applications.recordValidation(accepted);
        return accepted;
    }

    private static NewDocument doc(String type, String country) {
        return new NewDocument(type, type.toLowerCase() + ".pdf", "application/pdf", 45L, SHA, null, null,
                country == null ? null : false, country, null, null, null);
    }

    /** Lets two writers read the same version before either writes: the race the version condition must settle. */
    private static final class ReadThenWait implements ClaimRepository {
        private final ClaimRepository delegate;
        private final CyclicBarrier barrier;

        ReadThenWait(ClaimRepository delegate, CyclicBarrier barrier) {
            this.delegate = delegate;
            this.barrier = barrier;
        }

        @Override
        public void append(ClaimEvent event) {
            delegate.append(event);
        }

        @Override
        public Optional<Claim> find(String claimId) {
            Optional<Claim> claim = delegate.find(claimId);
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the second find of a call (the view after writing) does not wait for a partner
            }
            return claim;
        }

        @Override
        public List<ClaimEvent> history(String claimId) {
            return delegate.history(claimId);
        }

        @Override
        public List<QueueEntry> reviewQueue() {
            return delegate.reviewQueue();
        }

        @Override
        public List<ClaimEvent> audit(String companyId, String applicationId) {
            return delegate.audit(companyId, applicationId);
        }
    }
}
