package dev.destek.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.lambda.SnapStartPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The upload handler fed the event JSON API Gateway sends, byte for byte, against the emulators. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class UploadHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createApplication_realHttpApiEvent_shouldAnswer201WithDraftAndChecklist(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN the handler as Lambda builds it, and the event API Gateway sends for a Cognito user
        UploadHandler handler = new UploadHandler(FunctionEnvironment.of(table, bucket));

        // WHEN
        JsonNode response = invoke(handler, event());

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode body = JSON.readTree(response.get("body").asText());
        assertThat(body.get("status").asText()).isEqualTo("DRAFT");
        assertThat(body.get("supportItem").asText()).isEqualTo("ADVERTISING");
        assertThat(body.get("checklist").findValuesAsText("article")).isNotEmpty();
    }

    @Test
    void getApplication_otherCompanysClaims_shouldAnswer404(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN an application of ACME_EXPORT
        UploadHandler handler = new UploadHandler(FunctionEnvironment.of(table, bucket));
        String id = JSON.readTree(invoke(handler, event()).get("body").asText()).get("id").asText();

        // WHEN another company asks for it by id
        ObjectNode foreign = get(id);
        ((ObjectNode) foreign.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", "OTHER_CO");
        JsonNode response = invoke(handler, foreign);

        // THEN it does not exist for them, while the owner sees it
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        assertThat(invoke(handler, get(id)).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void anyRoute_withoutAuthorizerClaims_shouldAnswer401Problem(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN an event that did not pass a JWT authorizer
        ObjectNode event = event();
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        // WHEN
        JsonNode response = invoke(new UploadHandler(FunctionEnvironment.of(table, bucket)), event);

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText())
                .isEqualTo("https://destek.dev/problems/unauthorized");
    }

    @Test
    void createApplication_base64EncodedBody_shouldBeDecoded(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN API Gateway's base64 form of the same body
        ObjectNode event = event();
        event.put("body", Base64.getEncoder().encodeToString(event.get("body").asText().getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);

        // WHEN / THEN
        assertThat(invoke(new UploadHandler(FunctionEnvironment.of(table, bucket)), event).get("statusCode").asInt())
                .isEqualTo(201);
    }

    private static ObjectNode get(String id) throws Exception {
        ObjectNode event = event();
        event.put("routeKey", "GET /v1/applications/{id}");
        event.put("rawPath", "/v1/applications/" + id);
        event.putObject("pathParameters").put("id", id);
        event.remove("body");
        return event;
    }


    @Test
    void snapStartPriming_shouldServeItsEventWithoutAServerError(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN the event the handler serves before a SnapStart snapshot
        SnapStartPriming priming = SnapStartPriming.of(new UploadHandler(FunctionEnvironment.of(table, bucket)),
                UploadHandler.PRIMING_EVENT);

        // WHEN / THEN it reaches DynamoDB and finds nothing: a 404, never a 5xx or an exception
        assertThat(JSON.readTree(priming.prime()).get("statusCode").asInt()).isEqualTo(404);
    }

    private static ObjectNode event() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("events", "create-application.json").toFile());
    }

    static JsonNode invoke(UploadHandler handler, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
