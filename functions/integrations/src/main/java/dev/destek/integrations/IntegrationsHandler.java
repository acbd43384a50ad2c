package dev.destek.integrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.integration.IntegrationIngestionService;
import dev.destek.integration.IntegrationObject;
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
 * Ingests every integration file named in an S3 event. A failure propagates so Lambda retries the event; ingestion
 * is idempotent per object (key + ETag), so retries and duplicates are harmless.
 */
public final class IntegrationsHandler implements RequestStreamHandler {
    /** A harmless read served before the SnapStart snapshot (see {@link SnapStartPriming}). */
    static final String PRIMING_EVENT = "priming-event.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IntegrationIngestionService service;

    public IntegrationsHandler() {
        this(System.getenv());
        SnapStartPriming.register(this, PRIMING_EVENT);
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public IntegrationsHandler(Map<String, String> env) {
        this(DaggerIntegrationsComponent.factory().create(env).service());
    }

    IntegrationsHandler(IntegrationIngestionService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (S3Notification.Entry entry : JSON.readValue(input, S3Notification.class).recordsOrEmpty()) {
            // S3 sends keys form-encoded: spaces as '+', other bytes as %XX
            String key = URLDecoder.decode(entry.s3().object().key(), StandardCharsets.UTF_8);
            String eTag = entry.s3().object().eTag();
            outcomes.add(service.ingest(new IntegrationObject(key, eTag == null ? "" : eTag))
                    .getClass().getSimpleName());
        }
        JSON.writeValue(output, outcomes);
    }
}
