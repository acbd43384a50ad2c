package dev.destek.claim;

import java.time.Duration;
import java.time.Instant;

/** Short-lived read links to stored documents, for reviewers. */
public interface DocumentLinks {
    Link presignGet(String key, Duration ttl);

    record Link(String url, Instant expiresAt) { }
}
