package dev.destek.claims;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.destek.http.HttpApi;
import dev.destek.lambda.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Claims, review, payment orders and the audit trail over the HTTP API. The graph is built once per container. */
public final class ClaimsHandler implements RequestStreamHandler {
    /** A harmless read served before the SnapStart snapshot (see {@link SnapStartPriming}). */
    static final String PRIMING_EVENT = "priming-event.json";
    private final HttpApi api;

    public ClaimsHandler() {
        this(System.getenv());
        SnapStartPriming.register(this, PRIMING_EVENT);
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public ClaimsHandler(Map<String, String> env) {
        this(DaggerClaimsComponent.factory().create(env).api());
    }

    ClaimsHandler(HttpApi api) {
        this.api = api;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.handle(input, output);
    }
}
