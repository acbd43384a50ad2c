package dev.destek.payout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.destek.http.HttpApi;
import java.util.Map;

/** Stateless rule computations (quotes, catalogue) over the HTTP API. */
public final class PayoutHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final HttpApi api;

    public PayoutHandler() {
        this(System.getenv());
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public PayoutHandler(Map<String, String> env) {
        this(DaggerPayoutComponent.factory().create(env).api());
    }

    PayoutHandler(HttpApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }
}
