package dev.destek.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.destek.observability.JsonLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local API Gateway (HTTP API, payload format 2.0): matches the route the SAM template declares,
 * runs the JWT authorizer for non-public routes, hands the function the event API Gateway would, and
 * writes back the status, headers and body the function returned.
 */
final class LocalGateway implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog LOG = JsonLog.of(LocalGateway.class);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ApiRoutes routes;
    private final Map<String, LocalLambda> functions;
    private final TokenIssuer authorizer;
    private final Map<String, HttpHandler> localEndpoints;
    private final Clock clock;

    LocalGateway(ApiRoutes routes, Map<String, LocalLambda> functions, TokenIssuer authorizer,
                 Map<String, HttpHandler> localEndpoints, Clock clock) {
        this.routes = routes;
        this.functions = functions;
        this.authorizer = authorizer;
        this.localEndpoints = localEndpoints;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            HttpHandler local = localEndpoints.get(exchange.getRequestMethod() + " " + path);
            if (local != null) {
                local.handle(exchange);
                return;
            }
            Optional<ApiRoutes.Match> match = routes.match(exchange.getRequestMethod(), path);
            if (match.isEmpty()) {
                boolean known = routes.knowsPath(path);
                problem(exchange, known ? 405 : 404, known ? "method-not-allowed" : "not-found",
                        known ? "This method is not supported on " + path : "No route for " + path);
                return;
            }
            ApiRoutes.ApiRoute route = match.get().route();
            Map<String, String> claims = null;
            if (!route.open()) {
                claims = bearer(exchange).flatMap(authorizer::verify).orElse(null);
                if (claims == null) {
                    exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                    problem(exchange, 401, "unauthorized", "A valid bearer token is required");
                    return;
                }
            }
            String event = event(exchange, route, match.get().pathParameters(), claims);
            String result = functions.get(route.handlerClass()).invoke(event);
            respond(exchange, JSON.readTree(result));
        } catch (RuntimeException e) {
            // a function error: API Gateway answers 500 and the details stay in the function's log
            LOG.error("function failed", Map.of("path", exchange.getRequestURI().getRawPath()), e);
            problem(exchange, 500, "internal", "Internal Server Error");
        }
    }

    private String event(HttpExchange exchange, ApiRoutes.ApiRoute route, Map<String, String> pathParameters,
                         Map<String, String> claims) throws IOException {
        Instant now = clock.instant();
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", exchange.getRequestURI().getRawPath());
        String query = exchange.getRequestURI().getRawQuery();
        e.put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = e.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        List<String> cookies = exchange.getRequestHeaders().get("cookie");
        if (cookies != null) {
            e.putArray("cookies").addAll(cookies.stream().flatMap(c -> List.of(c.split(";\\s*")).stream())
                    .map(JSON.getNodeFactory()::textNode).toList());
        }
        if (query != null && !query.isEmpty()) {
            ObjectNode qs = e.putObject("queryStringParameters");
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.merge(decodeQuery(kv[0]), kv.length > 1 ? decodeQuery(kv[1]) : "", (a, b) -> a + "," + b);
            }
            params.forEach(qs::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode pp = e.putObject("pathParameters");
            pathParameters.forEach((k, v) -> pp.put(k, decodePath(v)));
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        ctx.put("domainName", exchange.getRequestHeaders().getFirst("host"));
        ctx.put("domainPrefix", "local");
        ObjectNode http = ctx.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", String.valueOf(exchange.getRequestHeaders().getFirst("user-agent")));
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", route.routeKey());
        ctx.put("stage", "$default");
        ctx.put("time", REQUEST_TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
        if (claims != null) {
            ObjectNode jwt = ctx.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putArray("scopes");
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("content-type"));
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        return e.toString();
    }

    private static void respond(HttpExchange exchange, JsonNode result) throws IOException {
        int status = result.path("statusCode").asInt(200);
        for (Iterator<Map.Entry<String, JsonNode>> it = result.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            exchange.getResponseHeaders().set(h.getKey(), h.getValue().asText());
        }
        for (JsonNode cookie : result.path("cookies")) {
            exchange.getResponseHeaders().add("set-cookie", cookie.asText());
        }
        JsonNode bodyNode = result.get("body");
        byte[] body = bodyNode == null || bodyNode.isNull() ? new byte[0]
                : result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        write(exchange, status, body);
    }

    static void problem(HttpExchange exchange, int status, String slug, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "https://destek.dev/problems/" + slug);
        p.put("title", detail);
        p.put("status", status);
        p.put("detail", detail);
        exchange.getResponseHeaders().set("content-type", "application/problem+json");
        write(exchange, status, p.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
                || ct.startsWith("application/x-www-form-urlencoded");
    }

    /** In a path '+' is a plus sign; only percent-escapes are decoded. */
    private static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
