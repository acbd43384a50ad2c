package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** The local runner's API as the end-to-end tests call it: JSON requests with a bearer token, over real HTTP. */
final class LocalApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalApi(LocalSystem system) {
        this.base = system.baseUri();
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, null);
    }

    /** {@code ifMatch}: the claim version the caller read (sent as {@code If-Match: "n"}), or null. */
    HttpResponse<String> send(String method, String path, String token, String body, String ifMatch)
            throws Exception {
        return http.send(request(method, path, token, body, ifMatch), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String token, String body,
                                                      String ifMatch) {
        return http.sendAsync(request(method, path, token, body, ifMatch), HttpResponse.BodyHandlers.ofString());
    }

    /** A token from the runner's stand-in for Cognito ({@code POST /_local/tokens}). */
    String token(String sub, String company, String role) throws Exception {
        HttpResponse<String> r = send("POST", "/_local/tokens", null,
                "{\"sub\":\"" + sub + "\",\"companyId\":\"" + company + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** For requests the helpers above do not shape (presigned S3 URLs). */
    HttpClient http() {
        return http;
    }

    private HttpRequest request(String method, String path, String token, String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("content-type", "application/json");
        }
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("if-match", "\"" + ifMatch + "\"");
        }
        return b.build();
    }
}
