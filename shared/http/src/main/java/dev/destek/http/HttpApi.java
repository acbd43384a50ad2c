package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.destek.observability.JsonLog;
import dev.destek.problem.Problem;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;

/**
 * Dispatches an HTTP API event to the route registered for its route key (the key API Gateway
 * matched, e.g. {@code GET /v1/applications/{id}}) and turns every failure into a problem document:
 * a caller never sees a stack trace, and unexpected failures are logged without request data.
 */
public final class HttpApi {
    private static final JsonLog LOG = JsonLog.of(HttpApi.class);
    /** Lenient on purpose: API Gateway may add fields to its events. */
    private static final ObjectReader EVENTS = Json.mapper().readerFor(APIGatewayV2HTTPEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter RESPONSES = Json.mapper().writerFor(APIGatewayV2HTTPResponse.class);
    private final Map<String, Route> routes;
    private final Set<String> publicRoutes;

    public HttpApi(Map<String, Route> routes, Set<String> publicRoutes) {
        this.routes = Map.copyOf(routes);
        this.publicRoutes = Set.copyOf(publicRoutes);
    }

    /**
     * The Lambda entry point: reads the HTTP API event JSON and writes the response JSON. Parsing here with the
     * application's own Jackson, instead of the runtime's event serializers, keeps a second JSON stack and
     * Joda-Time out of the cold start.
     */
    public void handle(InputStream input, OutputStream output) throws IOException {
        APIGatewayV2HTTPEvent event = EVENTS.readValue(input);
        RESPONSES.writeValue(output, handle(event));
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        HttpRequest request = new HttpRequest(event);
        try {
            Route route = routes.get(event.getRouteKey());
            if (route == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "No route " + event.getRouteKey());
            }
            if (!publicRoutes.contains(event.getRouteKey())) {
                request.requireCaller();
            }
            return route.handle(request);
        } catch (ProblemException e) {
            return HttpResponses.problem(e.problem(), request.requestId());
        } catch (RuntimeException e) {
            LOG.error("unhandled", Map.of("route", String.valueOf(event.getRouteKey()),
                    "requestId", String.valueOf(request.requestId()), "error", e.getClass().getName()), e);
            return HttpResponses.problem(Problem.of(ProblemType.INTERNAL,
                    "Unexpected failure; quote request " + request.requestId()), request.requestId());
        }
    }
}
