package dev.destek.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.lambda.SnapStartPriming;
import dev.destek.reminder.DueReminder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reminders handler fed the scheduler's input, against the emulators. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class RemindersHandlerTest {

    @Test
    void scheduledRun_twiceOnTheSameDay_shouldSendEachDueReminderOnce(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN one reminder due on the run's Istanbul day and one due the next day
        DynamoReminderStore store = new DynamoReminderStore(table::client, table.tableName());
        store.replaceSchedule("ACME_EXPORT", "app-1", java.util.List.of(
                new DueReminder("ACME_EXPORT", "app-1", "T42", "Art. 34(1)", null, LocalDate.parse("2026-03-09"),
                        LocalDate.parse("2026-03-02"), "BEFORE_7", "Claim", "Not considered", "Başvuru", "Dikkate alınmaz"),
                new DueReminder("ACME_EXPORT", "app-1", "T42", "Art. 34(1)", null, LocalDate.parse("2026-03-09"),
                        LocalDate.parse("2026-03-08"), "BEFORE_1", "Claim", "Not considered", "Başvuru", "Dikkate alınmaz")),
                java.time.Instant.parse("2026-03-01T00:00:00Z"));
        RemindersHandler handler = new RemindersHandler(FunctionEnvironment.of(table, bucket));

        // WHEN the scheduler's event is delivered twice
        Map<String, Object> first = invoke(handler);
        Map<String, Object> second = invoke(handler);

        // THEN
        assertThat(first).containsEntry("day", "2026-03-02").containsEntry("due", 1).containsEntry("sent", 1);
        assertThat(second).containsEntry("due", 0).containsEntry("sent", 0);
    }


    @Test
    void snapStartPriming_shouldSendNothing(DynamoTable table, S3Bucket bucket) throws Exception {
        String response = SnapStartPriming.of(new RemindersHandler(FunctionEnvironment.of(table, bucket)),
                RemindersHandler.PRIMING_EVENT).prime();

        assertThat(response).contains("\"sent\":0");
        assertThat(new DynamoReminderStore(table::client, table.tableName()).watermark()).isEmpty();
    }

    private static Map<String, Object> invoke(RemindersHandler handler) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of("events", "scheduled.json")), out, null);
        return new ObjectMapper().readValue(out.toByteArray(), new TypeReference<Map<String, Object>>() { });
    }
}
