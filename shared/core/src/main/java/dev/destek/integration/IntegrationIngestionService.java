package dev.destek.integration;

import dev.destek.observability.JsonLog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ingests the files integrations drop into the bucket: the central bank's rate bulletin and the debt snapshots.
 * A file is checked whole before anything of it is stored; a malformed one is rejected whole, with a report of
 * every error written next to it, and nothing of it is stored.
 *
 * <p>Idempotent per object (key + ETag): the record is looked up first, so a replayed or duplicate event for a
 * file already ingested or rejected reads nothing and writes nothing — not even when a later file has since
 * changed the same rates. The record is written last, so a crash before it is repaired by the retried event.
 */
public final class IntegrationIngestionService {
    /** Today's bulletin is ~20 KB; a debt row ~100 bytes, so 20 MB is some 200,000 companies. */
    public static final int MAX_RATES_BYTES = 1 << 20;
    public static final int MAX_DEBTS_BYTES = 20 << 20;
    private static final JsonLog LOG = JsonLog.of(IntegrationIngestionService.class);

    private final IntegrationFiles files;
    private final IngestionStore store;
    private final TcmbRatesFile rates;
    private final Clock clock;

    public IntegrationIngestionService(IntegrationFiles files, IngestionStore store, RateColumn column, Clock clock) {
        this.files = Objects.requireNonNull(files, "files");
        this.store = Objects.requireNonNull(store, "store");
        this.rates = new TcmbRatesFile(column);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IngestionOutcome ingest(IntegrationObject object) {
        Optional<IntegrationKind> kind = object.kind();
        if (kind.isEmpty()) {
            return new IngestionOutcome.Ignored(object.key(), "NOT_AN_INTEGRATION_KEY");
        }
        String fileId = object.fileId();
        Optional<IngestionRecord> done = store.find(fileId);
        if (done.isPresent()) {
            LOG.info("integration file already handled", Map.of("fileId", fileId, "status", done.get().status()));
            return new IngestionOutcome.AlreadyDone(object.key(), done.get());
        }
        int max = kind.get() == IntegrationKind.RATES ? MAX_RATES_BYTES : MAX_DEBTS_BYTES;
        Optional<byte[]> bytes = files.read(object, max);
        if (bytes.isEmpty()) {
            return new IngestionOutcome.Ignored(object.key(), "OBJECT_GONE_OR_REPLACED");
        }
        if (bytes.get().length > max) {
            return reject(object, fileId, kind.get(), List.of(new FileError(0, null, "FILE_TOO_LARGE",
                    "the file is larger than " + max + " bytes")));
        }
        return kind.get() == IntegrationKind.RATES
                ? rates(object, fileId, bytes.get()) : debts(object, fileId, bytes.get());
    }

    private IngestionOutcome rates(IntegrationObject object, String fileId, byte[] bytes) {
        TcmbRatesFile.Result result = rates.parse(bytes, object.key());
        if (result instanceof TcmbRatesFile.Result.Invalid invalid) {
            return reject(object, fileId, IntegrationKind.RATES, invalid.errors());
        }
        TcmbRatesFile.Result.Parsed parsed = (TcmbRatesFile.Result.Parsed) result;
        IngestionRecord record = record(object, fileId, IntegrationKind.RATES, IngestionStatus.INGESTED,
                parsed.rates().size(), parsed.skipped().size(), 0, null, parsed.date());
        store.ingestedRates(record, parsed.rates());
        LOG.info("rates ingested", Map.of("fileId", fileId, "date", parsed.date(), "rates", parsed.rates().size(),
                "skipped", parsed.skipped()));
        return new IngestionOutcome.Ingested(object.key(), record);
    }

    private IngestionOutcome debts(IntegrationObject object, String fileId, byte[] bytes) {
        DebtFile.Result result = DebtFile.parse(bytes, object.key());
        if (result instanceof DebtFile.Result.Invalid invalid) {
            return reject(object, fileId, IntegrationKind.DEBTS, invalid.errors());
        }
        List<CompanyDebts> rows = ((DebtFile.Result.Parsed) result).rows();
        IngestionRecord record = record(object, fileId, IntegrationKind.DEBTS, IngestionStatus.INGESTED,
                rows.size(), 0, 0, null, null);
        store.ingestedDebts(record, rows);
        // counts only: company ids and amounts are the companies' data
        LOG.info("debts ingested", Map.of("fileId", fileId, "companies", rows.size()));
        return new IngestionOutcome.Ingested(object.key(), record);
    }

    /** The report first, the record last: a crash in between leaves no record, and the retry writes both. */
    private IngestionOutcome reject(IntegrationObject object, String fileId, IntegrationKind kind,
                                    List<FileError> errors) {
        IngestionRecord record = record(object, fileId, kind, IngestionStatus.REJECTED, 0, 0, errors.size(),
                object.reportKey(), null);
        files.writeReport(object.reportKey(), IngestionReport.json(record, errors));
        store.rejected(record);
        LOG.warn("integration file rejected", Map.of("fileId", fileId, "kind", kind, "errors", errors.size(),
                "codes", errors.stream().map(FileError::code).distinct().toList()));
        return new IngestionOutcome.Rejected(object.key(), record, errors);
    }

    private IngestionRecord record(IntegrationObject object, String fileId, IntegrationKind kind,
                                   IngestionStatus status, int stored, int skipped, int errors, String reportKey,
                                   LocalDate dataDate) {
        return new IngestionRecord(fileId, object.key(), object.eTag(), kind, status, stored, skipped, errors,
                reportKey, dataDate, clock.instant());
    }
}
