package dev.destek.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the SES v2 {@code SendEmail} API on the loopback interface: the reminders function's real SES
 * adapter talks to it, and every accepted e-mail lands in a local outbox ({@code GET /_local/outbox}), kept in
 * {@code outbox.jsonl} under the state directory when there is one. It accepts only the shape the adapter must
 * send (a signed POST with From, one recipient, UTF-8 subject and text).
 */
final class LocalSes implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Path file;
    private final List<ObjectNode> outbox = new ArrayList<>();

    private LocalSes(HttpServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    static LocalSes start(Path stateDir) throws IOException {
        Path file = stateDir == null ? null : stateDir.resolve("outbox.jsonl");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        LocalSes ses = new LocalSes(server, file);
        if (file != null && Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ses.outbox.add((ObjectNode) JSON.readTree(line));
                }
            }
        }
        server.createContext("/v2/email/outbound-emails", ses::sendEmail);
        server.start();
        return ses;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized ArrayNode messages() {
        ArrayNode all = JSON.createArrayNode();
        outbox.forEach(all::add);
        return all;
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode body = "POST".equals(exchange.getRequestMethod()) ? JSON.readTree(exchange.getRequestBody()) : null;
            JsonNode simple = body == null ? null : body.path("Content").path("Simple");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ") || body == null
                    || !body.path("FromEmailAddress").isTextual()
                    || body.path("Destination").path("ToAddresses").size() != 1
                    || !simple.path("Subject").path("Data").isTextual()
                    || !simple.path("Body").path("Text").path("Data").isTextual()) {
                byte[] error = "{\"message\":\"not a SendEmail request the adapter should send\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "BadRequestException");
                exchange.sendResponseHeaders(400, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            String id = UUID.randomUUID().toString();
            ObjectNode message = JSON.createObjectNode();
            message.put("messageId", id);
            message.put("from", body.path("FromEmailAddress").asText());
            message.put("to", body.path("Destination").path("ToAddresses").get(0).asText());
            message.put("subject", simple.path("Subject").path("Data").asText());
            message.put("body", simple.path("Body").path("Text").path("Data").asText());
            message.set("tags", body.path("EmailTags"));
            record(message);
            byte[] ok = JSON.createObjectNode().put("MessageId", id).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }

    private synchronized void record(ObjectNode message) throws IOException {
        outbox.add(message);
        if (file != null) {
            Files.writeString(file, message + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
