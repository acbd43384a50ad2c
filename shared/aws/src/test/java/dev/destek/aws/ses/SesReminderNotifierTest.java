package dev.destek.aws.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.destek.aws.AwsAdapters;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.Notifier;
import dev.destek.reminder.OutboxMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SES adapter at the HTTP level: a local stand-in for the SES v2 API checks what the SDK sends. */
class SesReminderNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "body", new String(body, StandardCharsets.UTF_8)));
            byte[] answer = (status.get() == 200 ? "{\"MessageId\":\"m-1\"}"
                    : "{\"message\":\"Email address is not verified.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status.get() != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
            }
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Notifier notifier() {
        return AwsAdapters.fromEnv(Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b", "AWS_REGION", "eu-central-1",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
                "SENDER_ADDRESS", "reminders@destek.example",
                "DESTEK_SES_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort())).reminderEmails();
    }

    @Test
    void send_turkishReminder_shouldPostOneSignedSendEmailWithUtf8TextContent() throws Exception {
        // GIVEN
        OutboxMessage message = message("ops@acme.example");

        // WHEN
        notifier().send(message);

        // THEN
        assertThat(requests).hasSize(1);
        Map<String, Object> request = requests.get(0);
        assertThat(request).containsEntry("method", "POST").containsEntry("path", "/v2/email/outbound-emails");
        assertThat((String) request.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-central-1/ses/aws4_request");
        JsonNode body = JSON.readTree((String) request.get("body"));
        assertThat(body.path("FromEmailAddress").asText()).isEqualTo("reminders@destek.example");
        assertThat(body.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo("ops@acme.example");
        JsonNode simple = body.path("Content").path("Simple");
        assertThat(simple.path("Subject").path("Data").asText()).isEqualTo("Son gün 28.02.2029 — süre");
        assertThat(simple.path("Subject").path("Charset").asText()).isEqualTo("UTF-8");
        assertThat(simple.path("Body").path("Text").path("Data").asText()).isEqualTo("Dayanak: Madde 34(1)\nçğışöü");
        assertThat(body.path("EmailTags").toString()).contains("BEFORE_7").contains("T42");
    }

    @Test
    void send_noRecipient_shouldSendNothing() {
        notifier().send(message(null));
        assertThat(requests).isEmpty();
    }

    @Test
    void send_rejected_shouldThrowSoTheMessageStaysPending() {
        status.set(400);
        assertThatThrownBy(() -> notifier().send(message("ops@acme.example"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void reminderEmails_withoutSender_shouldFailAtWiring() {
        assertThatThrownBy(() -> AwsAdapters.fromEnv(Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b")).reminderEmails())
                .hasMessageContaining("SENDER_ADDRESS");
    }

    private static OutboxMessage message(String recipient) {
        DueReminder r = new DueReminder("ACME", "app-1", "T42", "Art. 34(1)", null, LocalDate.parse("2029-02-28"),
                LocalDate.parse("2029-02-21"), "BEFORE_7", "Claim", "Lost", null, null);
        return new OutboxMessage(r, "tr", recipient, "Son gün 28.02.2029 — süre", "Dayanak: Madde 34(1)\nçğışöü");
    }
}
