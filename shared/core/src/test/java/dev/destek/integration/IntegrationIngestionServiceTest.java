package dev.destek.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.testsupport.InMemoryIngestionStore;
import dev.destek.testsupport.InMemoryIntegrationFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The ingestion's own decisions (key layout, size, report), on in-memory ports; the emulator tests do the rest. */
class IntegrationIngestionServiceTest {
    private final InMemoryIntegrationFiles files = new InMemoryIntegrationFiles();
    private final InMemoryIngestionStore store = new InMemoryIngestionStore();
    private final IntegrationIngestionService service = new IntegrationIngestionService(files, store,
            RateColumn.DEFAULT, Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC));

    @Test
    void keysOutsideTheTwoLayouts_shouldBeIgnoredUnread() {
        for (String key : new String[] {"integrations/rates/x.csv", "integrations/debts/x.xml",
                "integrations/rates/x.xml.report.json", "integrations/rates/.xml", "uploads/a/b/c"}) {
            assertThat(service.ingest(files.put(key, "e", new byte[] {1})))
                    .isEqualTo(new IngestionOutcome.Ignored(key, "NOT_AN_INTEGRATION_KEY"));
        }
        assertThat(store.records).isEmpty();
    }

    @Test
    void oversizedFile_shouldBeRejectedWithoutBeingParsed() {
        byte[] big = new byte[IntegrationIngestionService.MAX_RATES_BYTES + 10];

        IngestionOutcome outcome = service.ingest(files.put("integrations/rates/big.xml", "e1", big));

        assertThat(outcome).isInstanceOf(IngestionOutcome.Rejected.class);
        assertThat(((IngestionOutcome.Rejected) outcome).errors()).extracting(FileError::code)
                .containsExactly("FILE_TOO_LARGE");
        assertThat(files.reports).containsKey("integrations/rates/big.xml.report.json");
    }

    @Test
    void report_ofAFileBrokenOnEveryLine_shouldCountAllAndListAtMostAThousand() {
        StringBuilder csv = new StringBuilder(String.join(",", DebtFile.HEADER)).append('\n');
        for (int i = 0; i < 1500; i++) {
            csv.append("C").append(i).append(",2026-11-24,TRY,x,true,false,false,0,false,false,false\n");
        }

        service.ingest(files.put("integrations/debts/d.csv", "e2", csv.toString().getBytes(StandardCharsets.UTF_8)));

        String report = new String(files.reports.get("integrations/debts/d.csv.report.json"), StandardCharsets.UTF_8);
        assertThat(report).startsWith("{\"object\":\"integrations/debts/d.csv\",\"eTag\":\"e2\",\"kind\":\"DEBTS\","
                + "\"status\":\"REJECTED\",\"checkedAt\":\"2026-11-25T18:00:00Z\",\"errorCount\":1500,"
                + "\"errorsListed\":1000,\"errors\":[{\"line\":2,\"field\":\"taxAmount\",\"code\":\"INVALID_AMOUNT\"");
        assertThat(store.debts).isEmpty();
        assertThat(store.records.values()).singleElement().extracting(IngestionRecord::errors).isEqualTo(1500);
    }

    @Test
    void sameKeyWithNewBytes_shouldBeANewFile_whileTheSameBytesAgainAreNot() {
        byte[] csv = (String.join(",", DebtFile.HEADER) + "\nA,2026-11-24,TRY,1,true,false,false,0,false,false,false\n")
                .getBytes(StandardCharsets.UTF_8);
        IntegrationObject first = files.put("integrations/debts/d.csv", "e3", csv);
        assertThat(service.ingest(first)).isInstanceOf(IngestionOutcome.Ingested.class);
        assertThat(service.ingest(first)).isInstanceOf(IngestionOutcome.AlreadyDone.class);

        IntegrationObject second = files.put("integrations/debts/d.csv", "e4", csv);
        assertThat(service.ingest(second)).isInstanceOf(IngestionOutcome.Ingested.class);
        assertThat(store.records).hasSize(2);
    }
}
