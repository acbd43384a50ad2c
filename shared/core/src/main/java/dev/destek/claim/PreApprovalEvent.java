package dev.destek.claim;

import dev.destek.tenancy.Role;
import java.time.Instant;
import java.util.Objects;

/** One change of a pre-approval and its audit record, stored once under its version like a {@link ClaimEvent}. */
public record PreApprovalEvent(String preApprovalId, String companyId, String applicationId, long version,
                               String action, String actor, Role role, Instant at, String reason, PreApproval before,
                               PreApproval after) {
    public PreApprovalEvent {
        Objects.requireNonNull(preApprovalId, "preApprovalId");
        Objects.requireNonNull(after, "after");
        if (after.version() != version) {
            throw new IllegalArgumentException("event version " + version + " != version " + after.version());
        }
    }
}
