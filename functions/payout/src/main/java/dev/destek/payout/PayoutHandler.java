package dev.destek.payout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.destek.http.HttpApi;
import dev.destek.lambda.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Stateless rule computations (quotes, catalogue) over the HTTP API. */
public final class PayoutHandler implements RequestStreamHandler {
    /** A harmless read served before the SnapStart snapshot (see {@link SnapStartPriming}). */
    static final String PRIMING_EVENT = "priming-event.json";
    private final HttpApi api;

    public PayoutHandler() {
        this(System.getenv());
        SnapStartPriming.register(this, PRIMING_EVENT);
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public PayoutHandler(Map<String, String> env) {
        this(DaggerPayoutComponent.factory().create(env).api());
    }

    PayoutHandler(HttpApi api) {
        this.api = api;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.handle(input, output);
    }
}
