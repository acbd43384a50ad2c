package dev.destek.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/** The recorded API Gateway events in {@code events/}, fed to a handler as the bytes Lambda hands it. */
final class HttpApiEvents {
    static final ObjectMapper JSON = new ObjectMapper();

    private HttpApiEvents() { }

    static ObjectNode event(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("events", name).toFile());
    }

    /** The handler's response to {@code event} (status, headers, body as a string). */
    static JsonNode invoke(PayoutHandler handler, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    /** The response body, parsed. */
    static JsonNode body(JsonNode response) throws Exception {
        return JSON.readTree(response.get("body").asText());
    }
}
