package dev.destek.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.destek.http.HttpApi;
import java.util.Map;

/** Applications and upload URLs over the HTTP API. The graph is built once per container. */
public final class UploadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final HttpApi api;

    public UploadHandler() {
        this(System.getenv());
    }

    /** Builds the graph from an explicit environment (the local runner's). */
    public UploadHandler(Map<String, String> env) {
        this(DaggerUploadComponent.factory().create(env).api());
    }

    UploadHandler(HttpApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }
}
