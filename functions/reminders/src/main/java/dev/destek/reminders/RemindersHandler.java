package dev.destek.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.destek.reminder.ReminderRun;
import dev.destek.reminder.ReminderService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The daily reminder run, invoked by EventBridge Scheduler. The input may carry {@code now} (ISO-8601
 * instant) to run for another moment: the local scheduler uses it for time travel, and an operator can
 * use it to re-run a missed day.
 */
public final class RemindersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ReminderService service;
    private final Clock clock;

    public RemindersHandler() {
        this(System.getenv());
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public RemindersHandler(Map<String, String> env) {
        this(DaggerRemindersComponent.factory().create(env).service(), Clock.systemUTC());
    }

    RemindersHandler(ReminderService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object now = input == null ? null : input.get("now");
        ReminderRun run = service.run(now == null ? clock.instant() : Instant.parse(now.toString()));
        // plain values: the runtime's serializer has no java.time support
        return Map.of("day", run.day().toString(), "due", run.due(), "sent", run.sent(),
                "alreadySent", run.alreadySent());
    }
}
