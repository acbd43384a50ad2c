package dev.destek.claim;

import java.util.List;
import java.util.Optional;

/**
 * The claims' event store. The events are the truth: a claim's current state is its latest event's {@code after};
 * the queue is a projection kept for reading and repairable from the events.
 */
public interface ClaimRepository {

    /**
     * Stores the event only if no event with its version exists for the claim.
     *
     * @throws VersionConflictException when another change took that version first
     */
    void append(ClaimEvent event);

    /** The claim as of its latest event, whoever owns it; callers check tenancy. */
    Optional<Claim> find(String claimId);

    /** Every event of the claim, oldest first. */
    List<ClaimEvent> history(String claimId);

    /** Claims waiting for a reviewer (SUBMITTED, UNDER_REVIEW), across companies, oldest change first. */
    List<QueueEntry> reviewQueue();

    /** The company's audit events, oldest first; only one application's when {@code applicationId} is not null. */
    List<ClaimEvent> audit(String companyId, String applicationId);

    /** A row of the reviewer queue. */
    record QueueEntry(String claimId, String companyId, String applicationId, String supportItem, ClaimState state,
                      long version, java.time.Instant since) { }

    /** Another change was stored at the same version first. */
    class VersionConflictException extends RuntimeException {
        public VersionConflictException(String claimId, long version) {
            super("claim " + claimId + " already has version " + version, null, false, false);
        }
    }
}
