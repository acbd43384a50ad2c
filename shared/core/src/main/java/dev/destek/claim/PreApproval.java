package dev.destek.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A pre-approval or pre-notification request for an application (e.g. Art. 6(1), 10(1), 18(1)) and the reviewer's
 * decision. The decision date is a fact the rules read ({@code activity.preApprovalDate}: only spending after it is
 * supported), and the request date is {@code activity.priorApplicationDate} (lead times).
 */
public record PreApproval(String id, String companyId, String applicationId, Kind kind, State state, long version,
                          LocalDate requestedOn, LocalDate activityStart, String note, LocalDate decisionDate,
                          String decidedBy, String reason, Instant createdAt, Instant updatedAt) {
    public PreApproval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    public enum Kind { PRE_APPROVAL, PRE_NOTIFICATION }

    /** REQUESTED → APPROVED | REJECTED; a decision is final (a new request is a new pre-approval). */
    public enum State { REQUESTED, APPROVED, REJECTED }

    PreApproval decided(State outcome, LocalDate on, String by, String why, Instant at) {
        return new PreApproval(id, companyId, applicationId, kind, outcome, version + 1, requestedOn, activityStart,
                note, on, by, why, createdAt, at);
    }
}
