package dev.destek.testsupport;

import dev.destek.claim.Claim;
import dev.destek.claim.ClaimEvent;
import dev.destek.claim.ClaimRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The claims' event store in memory, with the same "one event per version" guarantee as the table. */
public final class InMemoryClaimRepository implements ClaimRepository {
    private final Map<String, TreeMap<Long, ClaimEvent>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(ClaimEvent event) {
        TreeMap<Long, ClaimEvent> stream = streams.computeIfAbsent(event.claimId(), id -> new TreeMap<>());
        synchronized (stream) {
            if (stream.containsKey(event.version())) {
                throw new VersionConflictException(event.claimId(), event.version());
            }
            stream.put(event.version(), event);
        }
    }

    @Override
    public Optional<Claim> find(String claimId) {
        TreeMap<Long, ClaimEvent> stream = streams.get(claimId);
        if (stream == null) {
            return Optional.empty();
        }
        synchronized (stream) {
            return Optional.of(stream.lastEntry().getValue().after());
        }
    }

    @Override
    public List<ClaimEvent> history(String claimId) {
        TreeMap<Long, ClaimEvent> stream = streams.get(claimId);
        if (stream == null) {
            return List.of();
        }
        synchronized (stream) {
            return new ArrayList<>(stream.values());
        }
    }

    @Override
    public List<QueueEntry> reviewQueue() {
        return streams.keySet().stream().map(id -> find(id).orElseThrow()).filter(c -> c.state().isInReviewQueue())
                .sorted(Comparator.comparing(Claim::updatedAt))
                .map(c -> new QueueEntry(c.id(), c.companyId(), c.applicationId(), c.supportItem(), c.state(),
                        c.version(), c.updatedAt()))
                .collect(Collectors.toList());
    }

    @Override
    public List<ClaimEvent> audit(String companyId, String applicationId) {
        return streams.keySet().stream().flatMap(id -> history(id).stream())
                .filter(e -> e.companyId().equals(companyId))
                .filter(e -> applicationId == null || e.applicationId().equals(applicationId))
                .sorted(Comparator.comparing(ClaimEvent::at).thenComparing(ClaimEvent::claimId)
                        .thenComparingLong(ClaimEvent::version))
                .collect(Collectors.toList());
    }
}
