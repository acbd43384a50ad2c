package dev.destek.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.Notification;
import dev.destek.reminder.OutboxMessage;
import dev.destek.reminder.ReminderPreferences;
import dev.destek.reminder.ReminderStore.ScheduleChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private static final Instant LEASE = NOW.plusSeconds(900);

    private DynamoReminderStore store;

    @BeforeEach
    void setUp(DynamoTable table) {
        store = new DynamoReminderStore(table::client, table.tableName());
    }

    @Test
    void dueOn_remindersOfSeveralDaysAndCompanies_shouldReturnExactlyThatDays() {
        // GIVEN
        DueReminder acme = reminder("acme", "app-1", "R1", DAY);
        DueReminder globex = reminder("globex", "app-9", "R1", DAY);
        schedule(acme, reminder("acme", "app-1", "R2", DAY.plusDays(1)));
        schedule(globex);
        schedule(reminder("acme", "app-2", "R1", DAY.minusDays(1)));

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).containsExactlyInAnyOrder(acme, globex);
        assertThat(store.dueOn(DAY.plusDays(30))).isEmpty();
    }

    @Test
    void replaceSchedule_samePlanTwice_shouldKeepOneReminder() {
        // GIVEN
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        schedule(reminder);

        // WHEN
        ScheduleChange again = store.replaceSchedule("acme", "app-1", List.of(reminder), NOW);

        // THEN
        assertThat(again).isEqualTo(new ScheduleChange(0, 0, 1));
        assertThat(store.dueOn(DAY)).containsExactly(reminder);
    }

    @Test
    void replaceSchedule_deadlineMoved_shouldCancelTheOldAndIndexTheNew() {
        // GIVEN a reminder for a deadline that then moves by a week; app-10 shares a prefix with app-1
        DueReminder old = reminder("acme", "app-1", "R1", DAY);
        DueReminder other = reminder("acme", "app-10", "R1", DAY);
        schedule(old);
        schedule(other);
        DueReminder moved = reminder("acme", "app-1", "R1", DAY.plusDays(7));

        // WHEN
        ScheduleChange change = store.replaceSchedule("acme", "app-1", List.of(moved), NOW);

        // THEN
        assertThat(change).isEqualTo(new ScheduleChange(1, 1, 0));
        assertThat(store.dueOn(DAY)).containsExactly(other);
        assertThat(store.dueOn(DAY.plusDays(7))).containsExactly(moved);
    }

    @Test
    void replaceSchedule_afterRecording_shouldLeaveTheRecordedReminderAlone() {
        // GIVEN a recorded reminder
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        schedule(reminder);
        store.record(message(reminder), NOW, LEASE);

        // WHEN the facts change so that it is no longer planned, then planned again
        ScheduleChange removed = store.replaceSchedule("acme", "app-1", List.of(), NOW);
        ScheduleChange back = store.replaceSchedule("acme", "app-1", List.of(reminder), NOW);

        // THEN it is neither cancelled nor scheduled a second time
        assertThat(removed.cancelled()).isZero();
        assertThat(back).isEqualTo(new ScheduleChange(0, 0, 1));
        assertThat(store.pending()).extracting(OutboxMessage::reminder).containsExactly(reminder);
        assertThat(store.dueOn(DAY)).isEmpty();
    }

    @Test
    void replaceSchedule_cancelledThenPlannedAgain_shouldBeDueAgain() {
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        schedule(reminder);
        store.replaceSchedule("acme", "app-1", List.of(), NOW);
        assertThat(store.dueOn(DAY)).isEmpty();

        assertThat(store.replaceSchedule("acme", "app-1", List.of(reminder), NOW).added()).isEqualTo(1);
        assertThat(store.dueOn(DAY)).containsExactly(reminder);
    }

    @Test
    void dueOn_manyReminders_shouldReturnAllAcrossPages() {
        // GIVEN about 1.2 MB due the same day: the index query pages at 1 MB
        String text = "x".repeat(12_000);
        List<DueReminder> many = IntStream.range(0, 100).mapToObj(i -> new DueReminder("acme", "app-1", "R" + i,
                "Art. 12", null, DAY.plusDays(7), DAY, "BEFORE_7", text, "lost", text, "kaybedilir")).toList();
        store.replaceSchedule("acme", "app-1", many, NOW);

        // WHEN
        List<DueReminder> due = store.dueOn(DAY);

        // THEN
        assertThat(due).hasSize(100);
    }

    @Test
    void record_twice_shouldSucceedOnlyTheFirstTimeAndLeaveTheDaysIndex() {
        // GIVEN
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        schedule(reminder);

        // WHEN
        boolean first = store.record(message(reminder), NOW, LEASE);
        boolean second = store.record(message(reminder), NOW.plusSeconds(1), LEASE);

        // THEN
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.dueOn(DAY)).isEmpty();
        assertThat(store.pending()).containsExactly(message(reminder));
    }

    @Test
    void record_cancelledOrUnknownReminder_shouldFail() {
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        assertThat(store.record(message(reminder), NOW, LEASE)).isFalse();
        schedule(reminder);
        store.replaceSchedule("acme", "app-1", List.of(), NOW);
        assertThat(store.record(message(reminder), NOW, LEASE)).isFalse();
    }

    @Test
    void record_twoThreadsRacing_shouldLetExactlyOneWin() throws Exception {
        // GIVEN 20 reminders, each recorded by two threads released at the same instant
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                DueReminder reminder = reminder("acme", "app-" + i, "R1", DAY);
                schedule(reminder);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> record = () -> {
                    start.await();
                    return store.record(message(reminder), NOW, LEASE);
                };
                List<Future<Boolean>> racers = new ArrayList<>(List.of(pool.submit(record), pool.submit(record)));

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

    @Test
    void lease_beforeAndAfterExpiry_shouldBeTakenOnlyAfterAndOnlyOnce() {
        // GIVEN a recorded message leased until LEASE
        DueReminder reminder = reminder("acme", "app-1", "R1", DAY);
        schedule(reminder);
        store.record(message(reminder), NOW, LEASE);

        // WHEN / THEN
        assertThat(store.lease(message(reminder), LEASE.minusMillis(1), LEASE.plusSeconds(900))).isFalse();
        assertThat(store.lease(message(reminder), LEASE.plusMillis(1), LEASE.plusSeconds(900))).isTrue();
        assertThat(store.lease(message(reminder), LEASE.plusMillis(2), LEASE.plusSeconds(900))).isFalse();
        store.markSent(message(reminder), LEASE.plusSeconds(1));
        assertThat(store.pending()).isEmpty();
        assertThat(store.lease(message(reminder), LEASE.plusSeconds(3600), LEASE.plusSeconds(7200))).isFalse();
    }

    @Test
    void watermark_shouldOnlyMoveForward() {
        assertThat(store.watermark()).isEmpty();
        store.advanceWatermark(DAY, NOW);
        store.advanceWatermark(DAY.minusDays(3), NOW);
        assertThat(store.watermark()).contains(DAY);
        store.advanceWatermark(DAY.plusDays(1), NOW);
        assertThat(store.watermark()).contains(DAY.plusDays(1));
    }

    @Test
    void preferences_savedThenRead_shouldRoundTripAndDefaultToTurkish() {
        assertThat(store.preferences("acme")).isEqualTo(ReminderPreferences.DEFAULTS);
        ReminderPreferences p = new ReminderPreferences("en", "ops@acme.example", Set.of("BEFORE_30"));
        store.savePreferences("acme", p);
        assertThat(store.preferences("acme")).isEqualTo(p);
        assertThat(store.preferences("globex")).isEqualTo(ReminderPreferences.DEFAULTS);
    }

    @Test
    void notifications_shouldListOnlyTheCompanysRecordedAndSentReminders() {
        // GIVEN one sent and one scheduled reminder of acme, one sent of globex
        DueReminder sent = reminder("acme", "app-1", "R1", DAY);
        DueReminder scheduled = reminder("acme", "app-1", "R2", DAY.plusDays(1));
        DueReminder foreign = reminder("globex", "app-9", "R1", DAY);
        schedule(sent, scheduled);
        schedule(foreign);
        store.record(message(sent), NOW, LEASE);
        store.markSent(message(sent), NOW);
        store.record(message(foreign), NOW, LEASE);

        // WHEN
        List<Notification> acme = store.notifications("acme");

        // THEN
        assertThat(acme).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(sent.reminderId());
            assertThat(n.status()).isEqualTo("SENT");
            assertThat(n.subject()).isEqualTo("subject " + sent.ruleId());
            assertThat(n.sentAt()).isEqualTo(NOW);
        });
    }

    private void schedule(DueReminder... reminders) {
        DueReminder first = reminders[0];
        store.replaceSchedule(first.companyId(), first.applicationId(), List.of(reminders), NOW);
    }

    private static OutboxMessage message(DueReminder r) {
        return new OutboxMessage(r, "en", "ops@example.com", "subject " + r.ruleId(), "body");
    }

    private static DueReminder reminder(String companyId, String applicationId, String ruleId, LocalDate sendOn) {
        return new DueReminder(companyId, applicationId, ruleId, "Art. 12(3)", null, sendOn.plusDays(7), sendOn,
                "BEFORE_7", "File the claim", "Not supported", "Başvuruyu yapın", "Desteklenmez");
    }
}
