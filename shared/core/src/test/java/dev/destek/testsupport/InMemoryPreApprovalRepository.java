package dev.destek.testsupport;

import dev.destek.claim.ClaimRepository;
import dev.destek.claim.PreApproval;
import dev.destek.claim.PreApprovalEvent;
import dev.destek.claim.PreApprovalRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Pre-approval events in memory, one per (id, version) like the table. */
public final class InMemoryPreApprovalRepository implements PreApprovalRepository {
    private final List<PreApprovalEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(PreApprovalEvent event) {
        if (events.stream().anyMatch(e -> e.preApprovalId().equals(event.preApprovalId())
                && e.version() == event.version())) {
            throw new ClaimRepository.VersionConflictException(event.preApprovalId(), event.version());
        }
        events.add(event);
    }

    @Override
    public synchronized Optional<PreApproval> find(String preApprovalId) {
        return events.stream().filter(e -> e.preApprovalId().equals(preApprovalId))
                .max(Comparator.comparingLong(PreApprovalEvent::version)).map(PreApprovalEvent::after);
    }

    @Override
    public synchronized List<PreApprovalEvent> events(String companyId, String applicationId) {
        return events.stream().filter(e -> e.companyId().equals(companyId))
                .filter(e -> applicationId == null || e.applicationId().equals(applicationId))
                .collect(Collectors.toList());
    }
}
