package dev.destek.document;

import java.util.Optional;

/**
 * Which document of a company holds a given file (by SHA-256). Claims are first-come and idempotent: the holder
 * claiming again is not a duplicate, so replayed events change nothing. A claim is never deleted; when its holder
 * no longer has those bytes, it is handed on with {@link #reassign}.
 */
public interface DuplicateIndex {

    /**
     * Claims {@code sha256} for {@code claimant} unless another document of the company holds it.
     *
     * @return empty when {@code claimant} holds the claim (now or from before); otherwise the holder
     */
    Optional<DocumentRef> claim(String companyId, String sha256, DocumentRef claimant);

    /**
     * Hands the claim on from {@code stale} to {@code claimant}, only if {@code stale} still holds it.
     *
     * @return false when someone else holds it by now
     */
    boolean reassign(String companyId, String sha256, DocumentRef stale, DocumentRef claimant);
}
