package dev.destek.reminder;

import dev.destek.observability.JsonLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily reminder run. It reads only what is due: the outbox's pending messages (an earlier run crashed or
 * failed to deliver) and, for each day after the watermark up to today (Europe/Istanbul), that day's scheduled
 * reminders. Each due reminder is first recorded in the outbox with a conditional write (the one run that wins
 * renders and owns it for a lease), then sent, then marked SENT. So:
 * <ul>
 *   <li>concurrent or repeated runs send a reminder once: only one record succeeds, and a recorded reminder leaves
 *       the day's index;</li>
 *   <li>a crash between recording and sending leaves it PENDING, and the next run after the lease sends it;</li>
 *   <li>days the schedule missed are caught up from the watermark, none twice.</li>
 * </ul>
 * The one window that can still double a message is a crash after the e-mail provider accepted it and before it is
 * marked SENT; it is as short as one write. Reminders are handled {@link ReminderSettings#parallelism()} at a time.
 */
public final class ReminderService {
    public static final ZoneId RUN_ZONE = ZoneId.of("Europe/Istanbul");
    private static final JsonLog LOG = JsonLog.of(ReminderService.class);
    private final ReminderStore store;
    private final Notifier notifier;
    private final ReminderSettings settings;

    public ReminderService(ReminderStore store, Notifier notifier, ReminderSettings settings) {
        this.store = store;
        this.notifier = notifier;
        this.settings = settings;
    }

    public ReminderRun run(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, RUN_ZONE);
        Instant leaseUntil = now.plus(settings.lease());
        Tally tally = new Tally();
        LocalDate from = store.watermark().map(w -> w.plusDays(1)).orElse(day);
        tally.read.incrementAndGet();
        if (from.isAfter(day)) {
            from = day; // a re-run of a covered day re-reads only that day's (now mostly empty) index partition
        }
        if (from.isBefore(day.minusDays(settings.maxCatchUpDays()))) {
            from = day.minusDays(settings.maxCatchUpDays());
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), r -> {
            Thread t = new Thread(r, "reminder-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<OutboxMessage> pending = store.pending();
            tally.read.addAndGet(pending.size());
            each(pool, pending, message -> {
                if (store.lease(message, now, leaseUntil)) {
                    tally.retried.incrementAndGet();
                    deliver(message, now, tally);
                }
            });
            Map<String, ReminderPreferences> preferences = new ConcurrentHashMap<>();
            for (LocalDate d = from; !d.isAfter(day); d = d.plusDays(1)) {
                List<DueReminder> due = store.dueOn(d);
                tally.due.addAndGet(due.size());
                tally.read.addAndGet(due.size());
                each(pool, due, reminder -> handle(reminder, preferences, now, leaseUntil, tally));
            }
        } finally {
            pool.shutdownNow();
        }
        store.advanceWatermark(day, now);
        ReminderRun run = new ReminderRun(from, day, tally.due.get(), tally.sent.get(), tally.retried.get(),
                tally.lost.get(), tally.muted.get(), tally.failed.get(), tally.read.get());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", from);
        fields.put("day", day);
        fields.put("due", run.due());
        fields.put("sent", run.sent());
        fields.put("retried", run.retried());
        fields.put("lost", run.lost());
        fields.put("muted", run.muted());
        fields.put("failed", run.failed());
        fields.put("itemsRead", run.itemsRead());
        LOG.info("reminder run", fields);
        return run;
    }

    /**
     * Reads what a run at {@code now} would find due that day and changes nothing (SnapStart priming: a real run
     * would move the watermark to the priming date).
     */
    public ReminderRun peek(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, RUN_ZONE);
        store.watermark();
        int due = store.dueOn(day).size();
        return new ReminderRun(day, day, due, 0, 0, 0, 0, 0, 1 + due);
    }

    private void handle(DueReminder reminder, Map<String, ReminderPreferences> preferences, Instant now,
                        Instant leaseUntil, Tally tally) {
        // one read per company and run: concurrent reminders of the same company wait for the first one's read
        ReminderPreferences prefs = preferences.computeIfAbsent(reminder.companyId(), company -> {
            tally.read.incrementAndGet();
            return store.preferences(company);
        });
        if (prefs.mutes(reminder.kind())) {
            if (store.mute(reminder, now)) {
                tally.muted.incrementAndGet();
            }
            return;
        }
        OutboxMessage message = ReminderMessages.render(reminder, prefs);
        if (store.record(message, now, leaseUntil)) {
            deliver(message, now, tally);
        } else {
            tally.lost.incrementAndGet();
        }
    }

    /** Runs {@code work} over {@code items} on the pool and waits for all; a store failure fails the run. */
    private static <T> void each(ExecutorService pool, List<T> items, java.util.function.Consumer<T> work) {
        List<Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.accept(item)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reminder run interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void deliver(OutboxMessage message, Instant now, Tally tally) {
        try {
            notifier.send(message);
        } catch (RuntimeException e) {
            tally.failed.incrementAndGet();
            LOG.error("reminder delivery failed", Map.of("reminderId", message.reminder().reminderId(),
                    "error", e.getClass().getName()), e);
            return;
        }
        store.markSent(message, now);
        tally.sent.incrementAndGet();
    }

    private static final class Tally {
        final AtomicInteger due = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        final AtomicInteger muted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();
    }
}
