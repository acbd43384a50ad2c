package dev.destek.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, read from the SAM template so the local gateway and the deployed one cannot
 * drift: for every {@code HttpApi} event of every function, its method, path template, whether it opts
 * out of the JWT authorizer, and the function's handler.
 */
public final class ApiRoutes {
    private final List<ApiRoute> routes;

    private ApiRoutes(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    public static ApiRoutes fromTemplate(Path template) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + template, e);
        }
        List<ApiRoute> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode props = resource.getValue().path("Properties");
            String handler = props.path("Handler").asText();
            for (Iterator<JsonNode> events = props.path("Events").elements(); events.hasNext(); ) {
                JsonNode event = events.next();
                if (!"HttpApi".equals(event.path("Type").asText())) {
                    continue;
                }
                JsonNode ep = event.path("Properties");
                boolean open = "NONE".equals(ep.path("Auth").path("Authorizer").asText());
                routes.add(new ApiRoute(ep.path("Method").asText().toUpperCase(), ep.path("Path").asText(),
                        resource.getKey(), handler, open));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException(template + " declares no HttpApi routes");
        }
        return new ApiRoutes(routes);
    }

    /** Finds {@code infrastructure/template.yaml} above the working directory. */
    public static Path locateTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infrastructure").resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("infrastructure/template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public List<ApiRoute> all() {
        return routes;
    }

    /** The route API Gateway would pick for this request: exact segments beat {@code {param}} segments. */
    public Optional<Match> match(String method, String path) {
        Match best = null;
        int bestScore = -1;
        for (ApiRoute route : routes) {
            if (!route.method().equals(method) && !"ANY".equals(route.method())) {
                continue;
            }
            Map<String, String> params = route.bind(path);
            if (params == null) {
                continue;
            }
            int score = route.literalSegments();
            if (score > bestScore) {
                best = new Match(route, params);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether any route has this path (for 405 versus 404). */
    public boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> r.bind(path) != null);
    }

    public record Match(ApiRoute route, Map<String, String> pathParameters) { }

    public record ApiRoute(String method, String pathTemplate, String functionId, String handler, boolean open) {

        public String routeKey() {
            return method + " " + pathTemplate;
        }

        public String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }

        Map<String, String> bind(String path) {
            String[] want = pathTemplate.split("/", -1);
            String[] got = path.split("/", -1);
            if (want.length != got.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{") && want[i].endsWith("}")) {
                    if (got[i].isEmpty()) {
                        return null;
                    }
                    params.put(want[i].substring(1, want[i].length() - 1), got[i]);
                } else if (!want[i].equals(got[i])) {
                    return null;
                }
            }
            return params;
        }

        int literalSegments() {
            int n = 0;
            for (String s : pathTemplate.split("/")) {
                n += s.startsWith("{") ? 0 : 1;
            }
            return n;
        }
    }
}
