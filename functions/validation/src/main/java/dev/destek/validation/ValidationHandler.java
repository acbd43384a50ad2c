package dev.destek.validation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentValidationService;
import dev.destek.intake.InboxIntakeService;
import dev.destek.lambda.S3Notification;
import dev.destek.lambda.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates every object named in an S3 event: uploads directly, integrators' inbox drops after taking them in.
 * A failure propagates so Lambda retries the event; both paths are idempotent per object version, so retries and
 * duplicates are harmless.
 */
public final class ValidationHandler implements RequestStreamHandler {
    /** A harmless read served before the SnapStart snapshot (see {@link SnapStartPriming}). */
    static final String PRIMING_EVENT = "priming-event.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocumentValidationService service;
    private final InboxIntakeService intake;

    public ValidationHandler() {
        this(System.getenv());
        SnapStartPriming.register(this, PRIMING_EVENT);
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public ValidationHandler(Map<String, String> env) {
        this(DaggerValidationComponent.factory().create(env));
    }

    private ValidationHandler(ValidationComponent graph) {
        this(graph.service(), graph.intake());
    }

    ValidationHandler(DocumentValidationService service, InboxIntakeService intake) {
        this.service = service;
        this.intake = intake;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (S3Notification.Entry entry : JSON.readValue(input, S3Notification.class).recordsOrEmpty()) {
            // S3 sends keys form-encoded: spaces as '+', other bytes as %XX
            String key = URLDecoder.decode(entry.s3().object().key(), StandardCharsets.UTF_8);
            Object outcome = key.startsWith(DocumentKeys.INBOX) ? intake.take(key) : service.validate(key);
            outcomes.add(outcome.getClass().getSimpleName());
        }
        JSON.writeValue(output, outcomes);
    }
}
