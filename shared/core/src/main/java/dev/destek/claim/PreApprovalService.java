package dev.destek.claim;

import dev.destek.application.ApplicationRepository;
import dev.destek.application.ApplicationService;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pre-approval and pre-notification requests: the applicant asks, a reviewer decides with a decision date, and the
 * claims of the application read that date as {@code activity.preApprovalDate} (see {@link ClaimService}).
 */
public final class PreApprovalService {
    private final PreApprovalRepository preApprovals;
    private final ApplicationRepository applications;
    private final Clock clock;
    private final Supplier<String> ids;

    public PreApprovalService(PreApprovalRepository preApprovals, ApplicationRepository applications, Clock clock,
                              Supplier<String> ids) {
        this.preApprovals = preApprovals;
        this.applications = applications;
        this.clock = clock;
        this.ids = ids;
    }

    /** The request body: which kind, and when the activity starts (lead times run back from it). */
    public record Request(String kind, LocalDate activityStart, String note) { }

    public record Decision(String outcome, LocalDate decisionDate, String reason) { }

    public PreApproval request(Caller caller, String applicationId, Request request) {
        applications.find(caller.companyId(), applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
        PreApproval.Kind kind;
        try {
            kind = PreApproval.Kind.valueOf(request.kind() == null ? "" : request.kind());
        } catch (IllegalArgumentException e) {
            throw invalid("/kind", "one of PRE_APPROVAL, PRE_NOTIFICATION");
        }
        Instant now = clock.instant();
        PreApproval created = new PreApproval(ids.get(), caller.companyId(), applicationId, kind,
                PreApproval.State.REQUESTED, 1, LocalDate.ofInstant(now, ApplicationService.LEGAL_ZONE),
                request.activityStart(), request.note(), null, null, null, now, now);
        preApprovals.append(new PreApprovalEvent(created.id(), created.companyId(), applicationId, 1, "REQUESTED",
                caller.subject(), Role.APPLICANT, now, null, null, created));
        return created;
    }

    public PreApproval decide(Caller caller, String preApprovalId, Long ifMatch, Decision decision) {
        if (!caller.has(Role.REVIEWER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Deciding a pre-approval needs the role REVIEWER");
        }
        PreApproval current = preApprovals.find(preApprovalId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No pre-approval " + preApprovalId));
        if (ifMatch != null && ifMatch != current.version()) {
            throw new ProblemException(new Problem(ProblemType.PRECONDITION_FAILED, "Pre-approval " + preApprovalId
                    + " is at version " + current.version(), List.of(), Map.of("currentVersion", current.version())));
        }
        if (current.state() != PreApproval.State.REQUESTED) {
            throw new ProblemException(new Problem(ProblemType.INVALID_TRANSITION, "Pre-approval " + preApprovalId
                    + " is " + current.state() + "; a decision is final. From " + current.state()
                    + " it may move to: nothing (final)", List.of(),
                    Map.of("currentState", current.state().name(), "allowedNextStates", List.of())));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ApplicationService.LEGAL_ZONE);
        PreApproval.State outcome = "APPROVE".equals(decision.outcome()) ? PreApproval.State.APPROVED
                : "REJECT".equals(decision.outcome()) ? PreApproval.State.REJECTED : null;
        if (outcome == null) {
            throw invalid("/outcome", "one of APPROVE, REJECT");
        }
        LocalDate on = decision.decisionDate() == null ? today : decision.decisionDate();
        if (on.isAfter(today) || on.isBefore(current.requestedOn())) {
            throw invalid("/decisionDate", "between the request date " + current.requestedOn() + " and today");
        }
        if (outcome == PreApproval.State.REJECTED && (decision.reason() == null || decision.reason().isBlank())) {
            throw invalid("/reason", "required: the applicant reads it");
        }
        PreApproval after = current.decided(outcome, on, caller.subject(), decision.reason(), now);
        try {
            preApprovals.append(new PreApprovalEvent(after.id(), after.companyId(), after.applicationId(),
                    after.version(), "DECIDED", caller.subject(), Role.REVIEWER, now, decision.reason(), current,
                    after));
        } catch (ClaimRepository.VersionConflictException e) {
            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, "Pre-approval " + preApprovalId
                    + " was decided by someone else meanwhile; reload it");
        }
        return after;
    }

    /** The application's pre-approvals; staff name the company. */
    public List<PreApproval> list(Caller caller, String applicationId, String companyId) {
        String company = (caller.has(Role.REVIEWER) || caller.has(Role.ADMIN)) && companyId != null ? companyId
                : caller.companyId();
        applications.find(company, applicationId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application " + applicationId));
        return preApprovals.ofApplication(company, applicationId);
    }

    private static ProblemException invalid(String pointer, String reason) {
        return new ProblemException(new Problem(ProblemType.INVALID_REQUEST, pointer.substring(1) + ": " + reason,
                List.of(new Problem.FieldError(pointer, reason))));
    }
}
