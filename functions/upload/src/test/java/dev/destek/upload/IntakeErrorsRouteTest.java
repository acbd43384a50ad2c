package dev.destek.upload;

import static dev.destek.upload.UploadHandlerTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.aws.dynamo.DynamoIntakeErrorLog;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.intake.IntakeError;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/admin/intake-errors}: administrators only, from API Gateway's own event JSON. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class IntakeErrorsRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private UploadHandler handler;

    @BeforeEach
    void setUp(DynamoTable table, S3Bucket bucket) {
        handler = new UploadHandler(FunctionEnvironment.of(table, bucket));
        new DynamoIntakeErrorLog(table::client, table.tableName()).record(new IntakeError("e1",
                IntakeError.UNKNOWN_COMPANY, "No company GHOST", "inbox/GHOST/a1/INVOICE/f.pdf", "etag",
                "quarantine/inbox/GHOST/a1/INVOICE/f.pdf", "GHOST", "a1", Instant.parse("2026-03-01T09:00:00Z")));
    }

    @Test
    void getIntakeErrors_administrator_shouldListTheRecordedErrors() throws Exception {
        // WHEN
        JsonNode response = invoke(handler, event("[ADMIN]"));

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode items = JSON.readTree(response.get("body").asText()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.at("/0/code").asText()).isEqualTo("UNKNOWN_COMPANY");
        assertThat(items.at("/0/quarantineKey").asText()).isEqualTo("quarantine/inbox/GHOST/a1/INVOICE/f.pdf");
    }

    @Test
    void getIntakeErrors_applicantOrReviewer_shouldAnswer403Problem() throws Exception {
        for (String groups : new String[] {"[APPLICANT]", "[REVIEWER]"}) {
            // WHEN
            JsonNode response = invoke(handler, event(groups));

            // THEN
            assertThat(response.get("statusCode").asInt()).as(groups).isEqualTo(403);
            assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
            assertThat(response.get("body").asText()).doesNotContain("GHOST");
        }
    }

    private static ObjectNode event(String groups) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Path.of("events", "get-intake-errors.json").toFile());
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("cognito:groups", groups);
        return event;
    }
}
