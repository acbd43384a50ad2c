package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.reminder.DueReminder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class DynamoReminderStoreTest {
    private static final LocalDate DAY = LocalDate.parse("2026-04-10");
    private static final Instant NOW = Instant.parse("2026-04-10T06:00:00Z");

    private DynamoTable table;
    private DynamoReminderStore store;

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        store = new DynamoReminderStore(table::client, table.tableName());
    }

    @Test
    void dueOn_remindersOfSeveralDaysAndCompanies_shouldReturnExactlyThatDays() {
        // GIVEN
        DueReminder acme = reminder("acme", "app-1", "R1", DAY);
        DueReminder globex = reminder("globex", "app-9", "R1", DAY);
        store.schedule(acme);
        store.schedule(globex);
        store.schedule(reminder("acme", "app-1", "R2", DAY.plusDays(1)));
        store.schedule(reminder("acme", "app-2", "R1", DAY.minusDays(1)));

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).containsExactlyInAnyOrder(acme, globex);
        assertThat(store.dueOn(DAY.plusDays(30))).isEmpty();
    }

    @Test
    void dueOn_sameReminderScheduledTwice_shouldReturnItOnce() {
        // GIVEN
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        store.schedule(reminder);
        store.schedule(reminder);

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).containsExactly(reminder);
    }

    @Test
    void dueOn_manyReminders_shouldReturnAllAcrossPages() {
        // GIVEN about 1.2 MB due the same day: the index query pages at 1 MB
        String article = "Art. 12 " + "x".repeat(12_000);
        IntStream.range(0, 100).forEach(i -> store.schedule(
                new DueReminder("acme", "app-" + i, "R1", article, DAY.plusDays(7), DAY)));

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).hasSize(100);
    }

    @Test
    void dueOn_claimMarkers_shouldNotAppearInTheIndex() {
        // GIVEN
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        store.schedule(reminder);
        store.claim(reminder, NOW);

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).containsExactly(reminder);
    }

    @Test
    void claim_twice_shouldSucceedOnlyTheFirstTime() {
        // GIVEN
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        store.schedule(reminder);

        // WHEN
        boolean first = store.claim(reminder, NOW);
        boolean second = store.claim(reminder, NOW.plusSeconds(1));

        // THEN
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.claim(reminder("globex", "app-1", "R1", DAY), NOW)).isTrue();
    }

    @Test
    void claim_twoThreadsRacing_shouldLetExactlyOneWin() throws Exception {
        // GIVEN 20 reminders, each claimed by two threads released at the same instant
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                DueReminder reminder = reminder("acme", "app-" + i, "R1", DAY);
                store.schedule(reminder);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store.claim(reminder, NOW);
                };
                List<Future<Boolean>> racers = new ArrayList<>(List.of(pool.submit(claim), pool.submit(claim)));

                // WHEN
                start.countDown();
                long winners = 0;
                for (Future<Boolean> racer : racers) {
                    winners += racer.get() ? 1 : 0;
                }

                // THEN
                assertThat(winners).as("winners for reminder %d", i).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static DueReminder reminder(String companyId, String applicationId, String ruleId, LocalDate sendOn) {
        return new DueReminder(companyId, applicationId, ruleId, "Art. 12(3)", sendOn.plusDays(7), sendOn);
    }
}
