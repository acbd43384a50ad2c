package dev.destek.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.lambda.SnapStartPriming;
import dev.destek.reminder.ReminderRun;
import dev.destek.reminder.ReminderService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The daily reminder run, invoked by EventBridge Scheduler. The input may carry {@code now} (ISO-8601
 * instant) to run for another moment: the local scheduler uses it for time travel, and an operator can
 * use it to re-run a missed day (missed days are also caught up by the next run). {@code "peek": true} only reads
 * (SnapStart priming).
 */
public final class RemindersHandler implements RequestStreamHandler {
    /** A harmless read served before the SnapStart snapshot (see {@link SnapStartPriming}). */
    static final String PRIMING_EVENT = "priming-event.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReminderService service;
    private final Clock clock;

    public RemindersHandler() {
        this(System.getenv());
        SnapStartPriming.register(this, PRIMING_EVENT);
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
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        JsonNode now = event.path("now");
        Instant at = now.isTextual() ? Instant.parse(now.asText()) : clock.instant();
        ReminderRun run = event.path("peek").asBoolean() ? service.peek(at) : service.run(at);
        JSON.writeValue(output, Map.of("from", run.from().toString(), "day", run.day().toString(),
                "due", run.due(), "sent", run.sent(), "retried", run.retried(), "lost", run.lost(),
                "muted", run.muted(), "failed", run.failed(), "itemsRead", run.itemsRead()));
    }
}
