package dev.destek.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.destek.problem.ProblemException;
import dev.destek.problem.ProblemType;
import dev.destek.tenancy.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** The parts of an HTTP API (payload 2.0) event that services need. */
public final class HttpRequest {
    private final APIGatewayV2HTTPEvent event;
    private final Optional<Caller> caller;

    HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        this.caller = Claims.caller(event);
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /** The path parameter API Gateway extracted for the matched route. */
    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Missing path parameter " + name);
        }
        return value;
    }

    /** A query-string parameter, or null; API Gateway joins repeated ones with commas. */
    public String queryParameter(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    public Optional<Caller> caller() {
        return caller;
    }

    /** The verified caller; requests without one never reach a service. */
    public Caller requireCaller() {
        return caller.orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                "Send a valid bearer token issued by the Destek identity provider"));
    }

    public <T> T body(Class<T> type) {
        String contentType = header("content-type");
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type " + contentType + " is not supported; send application/json");
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return Json.read(body, type);
    }

    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** API Gateway's request id, safe to log and to return as the problem {@code instance}. */
    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }
}
