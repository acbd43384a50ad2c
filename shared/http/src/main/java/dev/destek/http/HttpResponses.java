package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.destek.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON bodies and RFC 9457 problem documents as HTTP API responses. */
public final class HttpResponses {
    private HttpResponses() { }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json", Json.write(body));
    }

    /** A body that is not one JSON document: a calendar ({@code text/calendar}), JSON lines ({@code application/x-ndjson}). */
    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body) {
        return response(status, contentType, body);
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().uri());
        body.put("title", problem.type().title());
        body.put("status", problem.type().status());
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", "urn:request:" + instance);
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        problem.extensions().forEach(body::putIfAbsent);
        return response(problem.type().status(), "application/problem+json", Json.write(body));
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(status);
        r.setHeaders(Map.of("content-type", contentType, "cache-control", "no-store"));
        r.setBody(body);
        r.setIsBase64Encoded(false);
        return r;
    }
}
