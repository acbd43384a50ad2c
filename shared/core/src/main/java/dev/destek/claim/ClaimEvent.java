package dev.destek.claim;

import dev.destek.tenancy.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a claim and, at the same time, its audit record: who (subject and the role they acted in), when,
 * what, the claim before and after, and the reason. Stored once, under its version number, never updated or
 * deleted; the store refuses a second event with the same version, which is the optimistic lock.
 *
 * @param before the claim before the change; null for {@link Action#CREATED}
 */
public record ClaimEvent(String claimId, String companyId, String applicationId, long version, Action action,
                         String actor, Role role, Instant at, ClaimState stateBefore, ClaimState stateAfter,
                         String reason, Claim before, Claim after) {
    public ClaimEvent {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(after, "after");
        if (after.version() != version) {
            throw new IllegalArgumentException("event version " + version + " != claim version " + after.version());
        }
    }

    /** What changed. */
    public enum Action {
        CREATED, UPDATED, SUBMITTED, REVIEW_STARTED, LINE_ADJUSTED, RETURNED, DECIDED, PAYMENT_ORDERED, PAID
    }
}
