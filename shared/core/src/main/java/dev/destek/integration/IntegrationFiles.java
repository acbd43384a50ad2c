package dev.destek.integration;

import java.util.Optional;

/** The integration files in the bucket, and the reports written next to them. */
public interface IntegrationFiles {
    /**
     * The bytes of exactly this object (key and ETag), at most {@code maxBytes + 1} of them so an oversized file is
     * recognised without being read whole. Empty when the key is gone or now holds other bytes (a newer file,
     * whose own event will follow).
     */
    Optional<byte[]> read(IntegrationObject object, int maxBytes);

    /** Writes (or overwrites with the same content) a report as JSON. */
    void writeReport(String key, byte[] json);
}
