package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.intake.IntakeError;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class DynamoIntakeErrorLogTest {
    private DynamoIntakeErrorLog log;

    @BeforeEach
    void setUp(DynamoTable table) {
        log = new DynamoIntakeErrorLog(table::client, table.tableName());
    }

    @Test
    void record_sameErrorTwice_shouldKeepOneAndSayTheSecondWasAReplay() {
        // GIVEN
        IntakeError error = error("e1", "2026-03-01T09:00:00Z", "C1");

        // WHEN
        boolean first = log.record(error);
        boolean replay = log.record(new IntakeError("e1", "OTHER", "later", "inbox/x", "v2", null, null, null,
                Instant.parse("2026-03-02T09:00:00Z")));

        // THEN the first write stands, field by field
        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(log.recent(10)).containsExactly(error);
    }

    @Test
    void recent_severalErrors_shouldBeNewestFirstAndLimited() {
        log.record(error("old", "2026-03-01T09:00:00Z", "C1"));
        log.record(error("new", "2026-03-03T09:00:00Z", null));
        log.record(error("mid", "2026-03-02T09:00:00Z", "C2"));

        assertThat(log.recent(2)).extracting(IntakeError::id).containsExactly("new", "mid");
        assertThat(log.recent(10)).filteredOn(e -> e.id().equals("new")).singleElement()
                .satisfies(e -> assertThat(e.companyId()).isNull());
    }

    private static IntakeError error(String id, String at, String company) {
        return new IntakeError(id, IntakeError.UNKNOWN_APPLICATION, "Company has no application a9",
                "inbox/" + company + "/a9/INVOICE/x.pdf", "etag-1", "quarantine/inbox/" + company + "/a9/INVOICE/x.pdf",
                company, company == null ? null : "a9", Instant.parse(at));
    }
}
