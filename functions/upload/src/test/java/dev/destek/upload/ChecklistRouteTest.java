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

/** {@code GET /v1/applications/{id}/checklist} and the declared metadata, from API Gateway's own event JSON. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class ChecklistRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private UploadHandler handler;
    private String applicationId;

    @BeforeEach
    void setUp(DynamoTable table, S3Bucket bucket) throws Exception {
        handler = new UploadHandler(FunctionEnvironment.of(table, bucket));
        applicationId = body(invoke(handler, event("create-application.json", null))).get("id").asText();
    }

    @Test
    void getChecklist_declaredForeignInvoice_shouldListItsStateAndWhatIsStillMissing() throws Exception {
        // GIVEN a foreign invoice of 25,000 USD declared (its upload URL issued) for an advertising application
        JsonNode ticket = invoke(handler, event("request-document-upload.json", applicationId));
        assertThat(ticket.get("statusCode").asInt()).isEqualTo(201);
        JsonNode declared = body(ticket).at("/document/metadata");
        assertThat(declared.get("issuingCountry").asText()).isEqualTo("DE");
        assertThat(declared.has("empty")).as("only the declared fields").isFalse();
        assertThat(declared.get("amountUsd").decimalValue()).isEqualByComparingTo("25000");

        // WHEN
        JsonNode response = invoke(handler, event("get-application-checklist.json", applicationId));

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode checklist = body(response);
        assertThat(checklist.get("applicationId").asText()).isEqualTo(applicationId);
        assertThat(checklist.get("status").asText()).isEqualTo("INCOMPLETE");
        // (EK-3 too: the company has no basic documents on file yet, Art. 34(6))
        assertThat(checklist.get("missing").findValuesAsText("documentType"))
                .containsExactly("EK_8", "INVOICE", "PAYMENT_DOC", "EK_3");
        JsonNode invoice = entry(checklist, "INVOICE");
        assertThat(invoice.get("status").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(invoice.get("article").asText()).isEqualTo("Art. 8(4)");
        assertThat(invoice.at("/documents/0/status").asText()).isEqualTo("PENDING_UPLOAD");
        assertThat(entry(checklist, "EK_8").at("/nextStep/tr").asText()).contains("Yükleyin");
        assertThat(entry(checklist, "EK_8").at("/nextStep/en").asText()).contains("Upload");
    }

    @Test
    void getChecklist_otherCompany_shouldAnswer404() throws Exception {
        // GIVEN the checklist event of another company's caller
        ObjectNode foreign = event("get-application-checklist.json", applicationId);
        ((ObjectNode) foreign.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", "OTHER_CO");

        // WHEN
        JsonNode response = invoke(handler, foreign);

        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
    }

    @Test
    void correctMetadata_counsellorApprovalDeclared_shouldAnswerTheDocumentAndRefuseOtherCompanies()
            throws Exception {
        // GIVEN a foreign invoice declared without the counsellor's approval
        String documentId = body(invoke(handler, event("request-document-upload.json", applicationId)))
                .at("/document/id").asText();

        // WHEN its owner corrects the declaration, and another company tries the same
        JsonNode corrected = invoke(handler, correction(applicationId, documentId, "ACME_EXPORT"));
        JsonNode foreign = invoke(handler, correction(applicationId, documentId, "OTHER_CO"));

        // THEN the owner's correction is stored and returned; the other company learns nothing (404 problem)
        assertThat(corrected.get("statusCode").asInt()).as(corrected.toString()).isEqualTo(200);
        assertThat(body(corrected).at("/metadata/counsellorApproved").asBoolean()).isTrue();
        assertThat(body(corrected).at("/metadata/issuedAbroad").asBoolean()).isTrue();
        JsonNode app = body(invoke(handler, event("get-application-checklist.json", applicationId)));
        assertThat(entry(app, "INVOICE").at("/documents/0/documentId").asText()).isEqualTo(documentId);
        assertThat(foreign.get("statusCode").asInt()).isEqualTo(404);
        assertThat(foreign.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
    }

    private static ObjectNode correction(String applicationId, String documentId, String company) throws Exception {
        ObjectNode event = event("correct-document-metadata.json", applicationId);
        String example = event.at("/pathParameters/documentId").asText();
        event.put("rawPath", event.get("rawPath").asText().replace(example, documentId));
        ((ObjectNode) event.at("/requestContext/http")).put("path", event.get("rawPath").asText());
        ((ObjectNode) event.get("pathParameters")).put("documentId", documentId);
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", company);
        return event;
    }

    @Test
    void requestUpload_malformedOrImpossibleMetadata_shouldAnswerProblemsWithPointers() throws Exception {
        // GIVEN an issue date that is no date, then an amount below zero
        ObjectNode badDate = event("request-document-upload.json", applicationId);
        badDate.put("body", badDate.get("body").asText().replace("2025-11-03", "2025-13-03"));
        ObjectNode negative = event("request-document-upload.json", applicationId);
        negative.put("body", negative.get("body").asText().replace("25000.0", "-1"));

        // WHEN
        JsonNode dateResponse = invoke(handler, badDate);
        JsonNode amountResponse = invoke(handler, negative);

        // THEN
        assertThat(dateResponse.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(dateResponse).findValuesAsText("pointer")).containsExactly("/issuedOn");
        assertThat(amountResponse.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(amountResponse).findValuesAsText("pointer")).containsExactly("/amountUsd");
    }

    private static ObjectNode event(String file, String applicationId) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Path.of("events", file).toFile());
        if (applicationId != null) {
            String example = event.at("/pathParameters/id").asText();
            event.put("rawPath", event.get("rawPath").asText().replace(example, applicationId));
            ((ObjectNode) event.at("/requestContext/http")).put("path", event.get("rawPath").asText());
            ((ObjectNode) event.get("pathParameters")).put("id", applicationId);
        }
        return event;
    }

    private static JsonNode entry(JsonNode checklist, String documentType) {
        for (JsonNode entry : checklist.get("entries")) {
            if (entry.get("documentType").asText().equals(documentType)) {
                return entry;
            }
        }
        throw new AssertionError("no checklist entry " + documentType);
    }

    private static JsonNode body(JsonNode response) throws Exception {
        return JSON.readTree(response.get("body").asText());
    }
}
