package dev.destek.upload;

import static dev.destek.upload.UploadHandlerTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/vault} and {@code POST /v1/vault/documents} (Art. 34(6)), from API Gateway's own event JSON. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class VaultRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private UploadHandler handler;

    @BeforeEach
    void setUp(DynamoTable table, S3Bucket bucket) {
        handler = new UploadHandler(FunctionEnvironment.of(table, bucket));
    }

    @Test
    void requestVaultUpload_ek3WithDates_shouldIssueAnUploadUrlAndListItPendingForItsCompanyOnly() throws Exception {
        // WHEN company ACME_EXPORT declares its EK-3
        JsonNode ticket = invoke(handler, event("request-vault-upload.json", "ACME_EXPORT"));

        // THEN it gets a presigned PUT, and its vault lists the document as pending; another company's is empty
        assertThat(ticket.get("statusCode").asInt()).as(ticket.toString()).isEqualTo(201);
        JsonNode body = JSON.readTree(ticket.get("body").asText());
        assertThat(body.at("/upload/url").asText()).contains("uploads/ACME_EXPORT/VAULT/");
        assertThat(body.at("/document/metadata/validUntil").asText()).isEqualTo("2026-05-31");
        JsonNode vault = JSON.readTree(invoke(handler, event("get-vault.json", "ACME_EXPORT")).get("body").asText());
        assertThat(vault.get("article").asText()).isEqualTo("Art. 34(6)");
        assertThat(vault.get("documentTypes").get(0).asText()).isEqualTo("EK_3");
        assertThat(vault.at("/items/0/state").asText()).isEqualTo("PENDING_UPLOAD");
        assertThat(vault.at("/items/0/document/documentType").asText()).isEqualTo("EK_3");
        JsonNode other = JSON.readTree(invoke(handler, event("get-vault.json", "OTHER_CO")).get("body").asText());
        assertThat(other.get("items")).isEmpty();
    }

    @Test
    void requestVaultUpload_invoice_shouldAnswer422ProblemPointingAtTheType() throws Exception {
        ObjectNode invoice = event("request-vault-upload.json", "ACME_EXPORT");
        invoice.put("body", invoice.get("body").asText().replace("EK_3", "INVOICE"));

        JsonNode response = invoke(handler, invoice);

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.get("body").asText()).findValuesAsText("pointer"))
                .containsExactly("/documentType");
    }

    private static ObjectNode event(String file, String company) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Path.of("events", file).toFile());
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", company);
        return event;
    }
}
