package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.IngestionRecord;
import dev.destek.integration.IngestionStatus;
import dev.destek.integration.IntegrationKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ingestion records against dynalite: the record makes a debt file visible, and the first record stays. */
@ExtendWith(DynaliteExtension.class)
class DynamoIngestionStoreTest {
    private static final Instant AT = Instant.parse("2026-11-25T18:00:00Z");
    private DynamoIngestionStore store;
    private DynamoDebtLedger ledger;

    @BeforeEach
    void setUp(DynamoTable table) {
        store = new DynamoIngestionStore(table::client, table.tableName());
        ledger = new DynamoDebtLedger(table::client, table.tableName());
    }

    private static IngestionRecord record(String fileId, IngestionStatus status, Instant at) {
        return new IngestionRecord(fileId, "integrations/debts/" + fileId + ".csv", "etag-" + fileId,
                IntegrationKind.DEBTS, status, status == IngestionStatus.INGESTED ? 1 : 0, 0,
                status == IngestionStatus.REJECTED ? 3 : 0,
                status == IngestionStatus.REJECTED ? "integrations/debts/" + fileId + ".csv.report.json" : null,
                null, at);
    }

    private static CompanyDebts acme(String tax) {
        return new CompanyDebts("ACME", LocalDate.parse("2026-11-24"), "TRY",
                new CompanyDebts.Debt(new BigDecimal(tax), true, false, false),
                new CompanyDebts.Debt(new BigDecimal("0.00"), false, false, false), "integrations/debts/f1.csv");
    }

    @Test
    void art35_ingestedDebts_shouldBeReadableThroughTheLedgerWithTheirRecord() {
        store.ingestedDebts(record("f1", IngestionStatus.INGESTED, AT), List.of(acme("100.00")));

        assertThat(ledger.latest("ACME")).contains(acme("100.00"));
        assertThat(store.find("f1")).contains(record("f1", IngestionStatus.INGESTED, AT));
        assertThat(store.find("f2")).isEmpty();
    }

    @Test
    void rejected_recordedTwice_shouldKeepTheFirstRecord() {
        store.rejected(record("f3", IngestionStatus.REJECTED, AT));
        store.rejected(record("f3", IngestionStatus.REJECTED, AT.plusSeconds(60)));

        assertThat(store.find("f3")).contains(record("f3", IngestionStatus.REJECTED, AT));
    }

    @Test
    void fileSavedThroughTheLedgerOnly_shouldBeReadableButIsNoIngestionRecord() {
        ledger.save("f4", List.of(acme("5.00")));

        assertThat(ledger.latest("ACME")).contains(acme("5.00"));
        assertThat(store.find("f4")).isEmpty();
    }
}
