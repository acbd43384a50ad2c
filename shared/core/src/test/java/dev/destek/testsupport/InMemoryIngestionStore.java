package dev.destek.testsupport;

import dev.destek.integration.CompanyDebts;
import dev.destek.integration.IngestionRecord;
import dev.destek.integration.IngestionStore;
import dev.destek.integration.StoredRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records and rows in memory; the first record of a file stays, as in {@code DynamoIngestionStore}. */
public final class InMemoryIngestionStore implements IngestionStore {
    public final Map<String, IngestionRecord> records = new LinkedHashMap<>();
    public final List<StoredRate> rates = new ArrayList<>();
    public final List<CompanyDebts> debts = new ArrayList<>();

    @Override
    public Optional<IngestionRecord> find(String fileId) {
        return Optional.ofNullable(records.get(fileId));
    }

    @Override
    public void ingestedRates(IngestionRecord record, List<StoredRate> stored) {
        rates.addAll(stored);
        records.putIfAbsent(record.fileId(), record);
    }

    @Override
    public void ingestedDebts(IngestionRecord record, List<CompanyDebts> rows) {
        debts.addAll(rows);
        records.putIfAbsent(record.fileId(), record);
    }

    @Override
    public void rejected(IngestionRecord record) {
        records.putIfAbsent(record.fileId(), record);
    }
}
