package dev.destek.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The record of one integration file's ingestion, kept so a replayed S3 event finds the file already handled.
 *
 * @param stored     rows stored (rates or company debts); 0 when rejected
 * @param skipped    rate-table entries without a value in the configured column, so without a stored rate
 * @param errors     errors found; 0 when ingested
 * @param reportKey  the rejection report's key; null when ingested
 * @param dataDate   the rate bulletin's date (rates only); null otherwise
 */
public record IngestionRecord(String fileId, String key, String eTag, IntegrationKind kind, IngestionStatus status,
                              int stored, int skipped, int errors, String reportKey, LocalDate dataDate,
                              Instant recordedAt) {
    public IngestionRecord {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
