package dev.destek.claim;

import java.util.List;
import java.util.Optional;

/** Pre-approvals as append-only events, with the same one-event-per-version guarantee as the claims. */
public interface PreApprovalRepository {

    /** @throws ClaimRepository.VersionConflictException when that version exists already */
    void append(PreApprovalEvent event);

    Optional<PreApproval> find(String preApprovalId);

    /** The application's pre-approval events, oldest first. */
    List<PreApprovalEvent> events(String companyId, String applicationId);

    /** The latest state of each of the application's pre-approvals. */
    default List<PreApproval> ofApplication(String companyId, String applicationId) {
        java.util.Map<String, PreApproval> latest = new java.util.LinkedHashMap<>();
        for (PreApprovalEvent e : events(companyId, applicationId)) {
            latest.merge(e.preApprovalId(), e.after(), (a, b) -> a.version() >= b.version() ? a : b);
        }
        return List.copyOf(latest.values());
    }
}
