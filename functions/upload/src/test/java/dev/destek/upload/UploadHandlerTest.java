package dev.destek.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The upload handler fed the event JSON API Gateway sends, against the emulators. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class UploadHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createApplication_realHttpApiEvent_shouldAnswer201WithDraftAndChecklist(DynamoTable table, S3Bucket bucket)
            throws Exception {
        // GIVEN the handler as Lambda builds it, and the event API Gateway sends for a Cognito user
        UploadHandler handler = new UploadHandler(FunctionEnvironment.of(table, bucket));

        // WHEN
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("create-application.json"), null);

        // THEN
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("status").asText()).isEqualTo("DRAFT");
        assertThat(body.get("supportItem").asText()).isEqualTo("ADVERTISING");
        assertThat(body.get("checklist").findValuesAsText("article")).isNotEmpty();
    }

    @Test
    void getApplication_otherCompanysClaims_shouldAnswer404(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN an application of ACME_EXPORT
        UploadHandler handler = new UploadHandler(FunctionEnvironment.of(table, bucket));
        String id = JSON.readTree(handler.handleRequest(event("create-application.json"), null).getBody())
                .get("id").asText();

        // WHEN another company asks for it by id
        APIGatewayV2HTTPEvent get = get(id);
        Map<String, String> claims = new HashMap<>(get.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("custom:companyId", "OTHER_CO");
        get.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        APIGatewayV2HTTPResponse foreign = handler.handleRequest(get, null);

        // THEN it does not exist for them, while the owner sees it
        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(foreign.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(handler.handleRequest(get(id), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void anyRoute_withoutAuthorizerClaims_shouldAnswer401Problem(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN an event that did not pass a JWT authorizer
        APIGatewayV2HTTPEvent event = event("create-application.json");
        event.getRequestContext().setAuthorizer(null);

        // WHEN
        APIGatewayV2HTTPResponse response = new UploadHandler(FunctionEnvironment.of(table, bucket))
                .handleRequest(event, null);

        // THEN
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.getBody()).get("type").asText())
                .isEqualTo("https://destek.dev/problems/unauthorized");
    }

    @Test
    void createApplication_base64EncodedBody_shouldBeDecoded(DynamoTable table, S3Bucket bucket) throws Exception {
        // GIVEN API Gateway's base64 form of the same body
        APIGatewayV2HTTPEvent event = event("create-application.json");
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        // WHEN / THEN
        assertThat(new UploadHandler(FunctionEnvironment.of(table, bucket)).handleRequest(event, null)
                .getStatusCode()).isEqualTo(201);
    }

    private static APIGatewayV2HTTPEvent get(String id) throws Exception {
        APIGatewayV2HTTPEvent event = event("create-application.json");
        event.setRouteKey("GET /v1/applications/{id}");
        event.setRawPath("/v1/applications/" + id);
        event.setPathParameters(Map.of("id", id));
        event.setBody(null);
        return event;
    }

    static APIGatewayV2HTTPEvent event(String name) throws Exception {
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, UploadHandlerTest.class.getClassLoader())
                .fromJson(Files.readString(Path.of("events", name)));
    }
}
