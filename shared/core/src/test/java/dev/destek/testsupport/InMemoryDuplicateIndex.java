package dev.destek.testsupport;

import dev.destek.document.DocumentRef;
import dev.destek.document.DuplicateIndex;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The duplicate index's contract in memory; the DynamoDB adapter is tested against dynalite. */
public final class InMemoryDuplicateIndex implements DuplicateIndex {
    private final Map<String, DocumentRef> holders = new ConcurrentHashMap<>();

    @Override
    public Optional<DocumentRef> claim(String companyId, String sha256, DocumentRef claimant) {
        DocumentRef holder = holders.putIfAbsent(companyId + "/" + sha256, claimant);
        return holder == null || holder.equals(claimant) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public boolean reassign(String companyId, String sha256, DocumentRef stale, DocumentRef claimant) {
        return holders.replace(companyId + "/" + sha256, stale, claimant);
    }
}
