package dev.destek.aws.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.application.ApplicationDeadlines;
import dev.destek.application.ApplicationService;
import dev.destek.application.NewApplication;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.document.UploadSigner;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.OutboxMessage;
import dev.destek.reminder.ReminderMessages;
import dev.destek.reminder.ReminderPreferences;
import dev.destek.reminder.ReminderRun;
import dev.destek.reminder.ReminderService;
import dev.destek.reminder.ReminderSettings;
import dev.destek.rules.QuoteRequest;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily run's exactly-once behaviour against dynalite's real conditional writes. */
@ExtendWith(DynaliteExtension.class)
class ReminderRunTest {
    private static final Rules RULES = Rules.load(Map.of());
    private static final Caller ALICE = new Caller("alice", "ACME", Set.of(Role.APPLICANT));
    private static final LocalDate DAY = LocalDate.parse("2026-04-10");
    /** 09:00 in Istanbul on DAY. */
    private static final Instant NINE = Instant.parse("2026-04-10T06:00:00Z");

    private DynamoTable table;
    private DynamoReminderStore store;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<OutboxMessage> delivered = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp(DynamoTable freshTable) {
        table = freshTable;
        store = new DynamoReminderStore(table::client, table.tableName());
    }

    private ReminderService service() {
        return new ReminderService(store, message -> {
            deliveries.computeIfAbsent(message.reminder().reminderId(), k -> new AtomicInteger()).incrementAndGet();
            delivered.add(message);
        }, ReminderSettings.DEFAULTS);
    }

    @Test
    void run_twoConcurrentRuns_shouldSendEachReminderOnce() throws Exception {
        // GIVEN 40 reminders due today and two runs started at the same instant (a retried schedule, say)
        List<DueReminder> due = IntStream.range(0, 40).mapToObj(i -> reminder("app-" + i, DAY)).toList();
        due.forEach(r -> store.replaceSchedule("ACME", r.applicationId(), List.of(r), NINE));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ReminderRun>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return service().run(NINE);
                }));
            }

            // WHEN
            start.countDown();
            int sent = 0;
            int lost = 0;
            for (Future<ReminderRun> run : runs) {
                sent += run.get().sent();
                lost += run.get().lost();
            }

            // THEN
            assertThat(sent).isEqualTo(40);
            assertThat(deliveries).hasSize(40).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));
            assertThat(lost).isLessThanOrEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void run_crashAfterRecord_shouldSendOnceOnTheNextRun() {
        // GIVEN a run that recorded the reminder and died before sending it
        DueReminder reminder = reminder("app-1", DAY);
        store.replaceSchedule("ACME", "app-1", List.of(reminder), NINE);
        OutboxMessage message = ReminderMessages.render(reminder, ReminderPreferences.DEFAULTS);
        assertThat(store.record(message, NINE, NINE.plus(ReminderSettings.DEFAULTS.lease()))).isTrue();
        store.advanceWatermark(DAY.minusDays(1), NINE);

        // WHEN the same day's retry comes within the lease, then the next day's run, then another
        ReminderRun retryWithinLease = service().run(NINE.plusSeconds(60));
        ReminderRun nextDay = service().run(NINE.plus(Duration.ofDays(1)));
        ReminderRun dayAfter = service().run(NINE.plus(Duration.ofDays(2)));

        // THEN it is sent exactly once, by the next day's run, with the text recorded first
        assertThat(retryWithinLease.sent()).isZero();
        assertThat(nextDay.retried()).isEqualTo(1);
        assertThat(nextDay.sent()).isEqualTo(1);
        assertThat(dayAfter.sent()).isZero();
        assertThat(delivered).containsExactly(message);
        assertThat(store.pending()).isEmpty();
    }

    @Test
    void run_deliveryFails_shouldRetryOnceOnTheNextRun() {
        // GIVEN a provider that fails the first delivery
        DueReminder reminder = reminder("app-1", DAY);
        store.replaceSchedule("ACME", "app-1", List.of(reminder), NINE);
        AtomicInteger attempts = new AtomicInteger();
        ReminderService flaky = new ReminderService(store, message -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("provider down");
            }
            delivered.add(message);
        }, ReminderSettings.DEFAULTS);

        // WHEN
        ReminderRun first = flaky.run(NINE);
        ReminderRun second = flaky.run(NINE.plus(Duration.ofDays(1)));
        ReminderRun third = flaky.run(NINE.plus(Duration.ofDays(2)));

        // THEN
        assertThat(first.failed()).isEqualTo(1);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(third.sent()).isZero();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void run_afterThreeMissedDays_shouldCatchUpEachDayOnce() {
        // GIVEN the last run covered DAY-4; reminders are due on each of the 3 missed days and today
        store.advanceWatermark(DAY.minusDays(4), NINE);
        for (int i = 0; i <= 3; i++) {
            store.replaceSchedule("ACME", "app-" + i, List.of(reminder("app-" + i, DAY.minusDays(i))), NINE);
        }
        store.replaceSchedule("ACME", "app-old", List.of(reminder("app-old", DAY.minusDays(5))), NINE);

        // WHEN today's run, then a repeated run the same day
        ReminderRun run = service().run(NINE);
        ReminderRun again = service().run(NINE.plusSeconds(3600));

        // THEN the 4 days are covered once; a day before the watermark is not re-read
        assertThat(run.from()).isEqualTo(DAY.minusDays(3));
        assertThat(run.sent()).isEqualTo(4);
        assertThat(again.from()).isEqualTo(DAY);
        assertThat(again.sent()).isZero();
        assertThat(deliveries).containsOnlyKeys(IntStream.rangeClosed(0, 3)
                .mapToObj(i -> reminder("app-" + i, DAY.minusDays(i)).reminderId()).toArray(String[]::new));
        assertThat(store.watermark()).contains(DAY);
    }

    @Test
    void run_readsOnlyWhatIsDue() {
        // GIVEN 30 reminders due on other days and 3 today
        for (int i = 0; i < 30; i++) {
            store.replaceSchedule("ACME", "later-" + i, List.of(reminder("later-" + i, DAY.plusDays(1 + i))), NINE);
        }
        for (int i = 0; i < 3; i++) {
            store.replaceSchedule("ACME", "now-" + i, List.of(reminder("now-" + i, DAY)), NINE);
        }
        store.advanceWatermark(DAY.minusDays(1), NINE);

        // WHEN
        ReminderRun run = service().run(NINE);

        // THEN 3 due items + the watermark + one company's preferences
        assertThat(run.sent()).isEqualTo(3);
        assertThat(run.itemsRead()).isEqualTo(5);
    }

    @Test
    void run_mutedKind_shouldNotSendButAMissedNoticeIsNeverMuted() {
        // GIVEN a company that muted 30-day and missed reminders (the latter is refused by the preferences)
        store.savePreferences("ACME", new ReminderPreferences("en", null, Set.of("BEFORE_30")));
        DueReminder early = new DueReminder("ACME", "app-1", "T42", "Art. 34(1)", null, DAY.plusDays(30), DAY,
                "BEFORE_30", "Claim", "Lost", null, null);
        DueReminder missed = new DueReminder("ACME", "app-1", "T43", "Art. 34(2)", null, DAY.minusDays(1), DAY,
                "MISSED", "Claim", "Lost", null, null);
        store.replaceSchedule("ACME", "app-1", List.of(early, missed), NINE);

        // WHEN
        ReminderRun run = service().run(NINE);

        // THEN
        assertThat(run.muted()).isEqualTo(1);
        assertThat(delivered).extracting(m -> m.reminder().kind()).containsExactly("MISSED");
        assertThat(delivered.get(0).language()).isEqualTo("en");
    }

    @Test
    void declareFacts_leapDayPayment_shouldRemindAtTheMonthEndAndTheDayAfter() {
        // GIVEN an advertising payment on 29 Feb 2028: Art. 34(1) claim by 28 Feb 2029 (no 29 Feb in 2029)
        ApplicationService applications = applications(Instant.parse("2028-03-01T08:00:00Z"));
        String app = applications.open(ALICE, new NewApplication("ADVERTISING")).application().id();

        // WHEN
        ApplicationDeadlines declared = applications.declareFacts(ALICE, app, facts(LocalDate.parse("2028-02-29")));

        // THEN
        assertThat(declared.deadlines()).anySatisfy(d -> {
            assertThat(d.ruleId()).isEqualTo("T42");
            assertThat(d.date()).isEqualTo(LocalDate.parse("2029-02-28"));
        });
        assertThat(kindsDueOn(LocalDate.parse("2029-01-29"))).contains("T42:BEFORE_30");
        assertThat(kindsDueOn(LocalDate.parse("2029-02-21"))).contains("T42:BEFORE_7");
        assertThat(kindsDueOn(LocalDate.parse("2029-02-27"))).contains("T42:BEFORE_1");
        assertThat(kindsDueOn(LocalDate.parse("2029-03-01"))).contains("T42:MISSED");
        ReminderRun onTheDayAfter = service().run(Instant.parse("2029-03-01T06:00:00Z"));
        assertThat(onTheDayAfter.sent()).isPositive();
        assertThat(delivered).extracting(m -> m.reminder().kind()).contains("MISSED");
    }

    @Test
    void declareFacts_changedPaymentDate_shouldMoveThePendingReminders() {
        // GIVEN facts with a payment on 15 Jan 2027, so a 7-day reminder on 8 Jan 2028
        ApplicationService applications = applications(Instant.parse("2027-02-01T08:00:00Z"));
        String app = applications.open(ALICE, new NewApplication("ADVERTISING")).application().id();
        applications.declareFacts(ALICE, app, facts(LocalDate.parse("2027-01-15")));
        assertThat(kindsDueOn(LocalDate.parse("2028-01-08"))).contains("T42:BEFORE_7");

        // WHEN the payment date is corrected to 20 Jan 2027
        ApplicationDeadlines changed = applications.declareFacts(ALICE, app, facts(LocalDate.parse("2027-01-20")));

        // THEN the old reminders are cancelled, the new ones due 5 days later, and the old day sends nothing
        assertThat(changed.reminders().cancelled()).isPositive();
        assertThat(kindsDueOn(LocalDate.parse("2028-01-08"))).doesNotContain("T42:BEFORE_7");
        assertThat(kindsDueOn(LocalDate.parse("2028-01-13"))).contains("T42:BEFORE_7");
        service().run(Instant.parse("2028-01-08T06:00:00Z"));
        assertThat(delivered).noneMatch(m -> m.reminder().ruleId().equals("T42"));
    }

    @Test
    void declareFacts_sameFactsTwice_shouldNotDuplicateReminders() {
        ApplicationService applications = applications(Instant.parse("2027-02-01T08:00:00Z"));
        String app = applications.open(ALICE, new NewApplication("ADVERTISING")).application().id();
        ApplicationDeadlines first = applications.declareFacts(ALICE, app, facts(LocalDate.parse("2027-01-15")));
        ApplicationDeadlines second = applications.declareFacts(ALICE, app, facts(LocalDate.parse("2027-01-15")));
        assertThat(second.reminders().added()).isZero();
        assertThat(second.reminders().cancelled()).isZero();
        assertThat(second.reminders().kept()).isEqualTo(first.reminders().added());
        assertThat(applications.deadlines(ALICE, app).application().facts()).isNotNull();
    }

    private List<String> kindsDueOn(LocalDate day) {
        return store.dueOn(day).stream().map(r -> r.ruleId() + ":" + r.kind()).toList();
    }

    private ApplicationService applications(Instant now) {
        UploadSigner signer = spec -> new UploadSigner.PresignedUpload("https://s3.example/" + spec.key(), "PUT",
                Map.of(), now.plus(spec.ttl()));
        AtomicInteger ids = new AtomicInteger();
        return new ApplicationService(new DynamoApplicationRepository(table::client, table.tableName()), signer,
                () -> RULES, Clock.fixed(now, ZoneOffset.UTC), () -> "app" + ids.incrementAndGet(),
                Duration.ofMinutes(15), store, ReminderSettings.DEFAULTS);
    }

    static QuoteRequest facts(LocalDate paymentDate) {
        return new QuoteRequest("DECREE_2015_8", "ADVERTISING",
                new QuoteRequest.Applicant("BENEFICIARY", "IT_COMPANY", "IT", "PROV_A"),
                new QuoteRequest.Activity(List.of("XA"), paymentDate.minusDays(20), paymentDate.minusDays(10), null),
                null, List.of(new QuoteRequest.Expense("E1", "ADVERTISING", new BigDecimal("10000.00"), "USD",
                paymentDate)));
    }

    private static DueReminder reminder(String applicationId, LocalDate sendOn) {
        return new DueReminder("ACME", applicationId, "T42", "Art. 34(1), 34(5)", null, sendOn.plusDays(7), sendOn,
                "BEFORE_7", "Claim within 1 year of the payment date", "Payment documents not considered",
                "Ödeme tarihinden itibaren 1 yıl içinde başvuru", "Ödeme belgeleri dikkate alınmaz");
    }
}
