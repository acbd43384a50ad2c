package dev.destek.integration;

import java.util.List;
import java.util.Optional;

/**
 * Where ingested files and their records go. Each write method stores the rows first and the record last, so a
 * file whose record exists is complete, and a crash in between is repaired by the retried event rewriting the same
 * rows (same keys, same values) before the record.
 */
public interface IngestionStore {
    Optional<IngestionRecord> find(String fileId);

    void ingestedRates(IngestionRecord record, List<StoredRate> rates);

    void ingestedDebts(IngestionRecord record, List<CompanyDebts> debts);

    void rejected(IngestionRecord record);
}
