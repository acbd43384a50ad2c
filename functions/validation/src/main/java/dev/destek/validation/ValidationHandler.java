package dev.destek.validation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.destek.document.DocumentValidationService;
import dev.destek.document.ValidationOutcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates every object named in an S3 event. A failure propagates so Lambda retries the event;
 * validation is idempotent per object version, so retries and duplicates are harmless.
 */
public final class ValidationHandler implements RequestHandler<S3Event, List<String>> {
    private final DocumentValidationService service;

    public ValidationHandler() {
        this(System.getenv());
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public ValidationHandler(Map<String, String> env) {
        this(DaggerValidationComponent.factory().create(env).service());
    }

    ValidationHandler(DocumentValidationService service) {
        this.service = service;
    }

    @Override
    public List<String> handleRequest(S3Event event, Context context) {
        List<String> outcomes = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            // S3 sends keys form-encoded: spaces as '+', other bytes as %XX
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            ValidationOutcome outcome = service.validate(key);
            outcomes.add(outcome.getClass().getSimpleName());
        }
        return outcomes;
    }
}
