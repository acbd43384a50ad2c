package dev.destek.reminder;

import dev.destek.observability.JsonLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The daily reminder run: reads only the reminders due on the run's day (Europe/Istanbul) and sends
 * each one after winning its claim, so concurrent or repeated runs send it once.
 */
public final class ReminderService {
    public static final ZoneId RUN_ZONE = ZoneId.of("Europe/Istanbul");
    private static final JsonLog LOG = JsonLog.of(ReminderService.class);
    private final ReminderStore store;
    private final Notifier notifier;

    public ReminderService(ReminderStore store, Notifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    public ReminderRun run(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, RUN_ZONE);
        List<DueReminder> due = store.dueOn(day);
        int sent = 0;
        for (DueReminder reminder : due) {
            if (store.claim(reminder, now)) {
                notifier.send(reminder);
                sent++;
            }
        }
        ReminderRun run = new ReminderRun(day, due.size(), sent);
        LOG.info("reminder run", Map.of("day", day, "due", run.due(), "sent", run.sent(),
                "alreadySent", run.alreadySent()));
        return run;
    }
}
