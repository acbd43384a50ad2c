package dev.destek.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.application.Application;
import dev.destek.application.ApplicationService;
import dev.destek.application.ApplicationStatus;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.dynamo.DynamoDebtLedger;
import dev.destek.aws.dynamo.DynamoRateBook;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.Document;
import dev.destek.document.DocumentMetadata;
import dev.destek.document.DocumentStatus;
import dev.destek.vault.CompanyVault;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.StoredRate;
import dev.destek.lambda.SnapStartPriming;
import dev.destek.rules.Rules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The claims handler fed API Gateway's event JSON, against dynalite and S3Proxy, with roles from the token. */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class ClaimsHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPANY = "ACME_EXPORT";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate TODAY = LocalDate.now(ApplicationService.LEGAL_ZONE);
    private static final LocalDate PAID_ON = TODAY.minusDays(60);
    private ClaimsHandler handler;
    private S3Bucket bucket;
    private DynamoTable table;
    private String applicationId;

    @BeforeEach
    void setUp(DynamoTable freshTable, S3Bucket freshBucket) {
        table = freshTable;
        bucket = freshBucket;
        handler = new ClaimsHandler(FunctionEnvironment.of(table, bucket));
        // an advertising application whose required documents were accepted (as validation records them)
        DynamoApplicationRepository applications = new DynamoApplicationRepository(table::client, table.tableName());
        applicationId = "APP1";
        Instant now = Instant.now();
        applications.create(new Application(applicationId, COMPANY, "ADVERTISING", ApplicationStatus.DRAFT,
                Rules.load(Map.of()).checklist("ADVERTISING", TODAY), "alice", now));
        for (String type : List.of("EK_8", "INVOICE", "PAYMENT_DOC")) {
            String key = "uploads/" + COMPANY + "/" + applicationId + "/" + type;
            bucket.client().putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromBytes(PDF));
            Document declared = new Document(type, COMPANY, applicationId, type, type + ".pdf", "application/pdf",
                    PDF.length, "0".repeat(64), key, DocumentStatus.PENDING_UPLOAD, List.of(), null, null, now, now,
                    null, new DocumentMetadata(null, null, false, "TR", null, null, null));
            applications.addDocument(declared);
            applications.recordValidation(declared.withValidation(DocumentStatus.ACCEPTED, List.of(),
                    "application/pdf", "v1", key, now));
        }
        // the company's EK-3 on file in its vault (Art. 34(6)), which every checklist reuses
        String vaultKey = "uploads/" + COMPANY + "/" + CompanyVault.APPLICATION_ID + "/EK3";
        Document ek3 = new Document("EK3", COMPANY, CompanyVault.APPLICATION_ID, "EK_3", "ek3.pdf", "application/pdf",
                PDF.length, "0".repeat(64), vaultKey, DocumentStatus.PENDING_UPLOAD, List.of(), null, null, now, now,
                null, new DocumentMetadata(TODAY.minusYears(1), null, false, "TR", null, null, null, null));
        applications.addDocument(ek3);
        applications.recordValidation(ek3.withValidation(DocumentStatus.ACCEPTED, List.of(), "application/pdf", "v1",
                vaultKey, now));
    }

    @Test
    void claimLife_applicantToPaymentOrder_shouldWriteTheOrderAsJsonAndPdfToS3() throws Exception {
        // GIVEN the EUR rate of the payment day, today's TRY rate and the company's debts in TRY
        new DynamoRateBook(table::client, table.tableName()).save(List.of(
                new StoredRate("EUR", PAID_ON, new BigDecimal("1.08"), "TCMB_INDICATIVE", "integrations/rates/a.xml"),
                new StoredRate("TRY", TODAY, new BigDecimal("0.025"), "TCMB_INDICATIVE", "integrations/rates/b.xml")));
        new DynamoDebtLedger(table::client, table.tableName()).save("debts-1", List.of(new CompanyDebts(COMPANY,
                TODAY.minusDays(1), "TRY", new CompanyDebts.Debt(new BigDecimal("1000.00"), true, false, false),
                new CompanyDebts.Debt(new BigDecimal("2000.00"), true, false, false), "integrations/debts/d.csv")));
        String claimId = body(ok(201, call(create()))).at("/claim/id").asText();

        // WHEN the applicant submits and a reviewer takes it to a payment order
        ok(200, call(action("POST", "/v1/claims/{id}/submit", claimId, null, "[APPLICANT]")));
        ok(200, call(action("POST", "/v1/claims/{id}/review", claimId, null, "[REVIEWER]")));
        JsonNode review = body(ok(200, call(action("GET", "/v1/claims/{id}", claimId, null, "[REVIEWER]"))));
        ok(200, call(action("POST", "/v1/claims/{id}/decision", claimId, "{\"outcome\":\"APPROVE\"}", "[REVIEWER]")));
        JsonNode ordered = body(ok(200, call(action("POST", "/v1/claims/{id}/payment-order", claimId, null,
                "[REVIEWER]"))));

        // THEN the reviewer saw the payout, its trace and working links to the evidence
        assertThat(review.at("/payout/lines/0/trace").size()).isPositive();
        String link = review.at("/documents/0/url").asText();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(PDF);
        // AND the order is in S3, JSON and PDF, with the same numbers
        assertThat(ordered.at("/claim/state").asText()).isEqualTo("PAYMENT_ORDERED");
        String prefix = "payment-orders/" + COMPANY + "/" + claimId + "/payment-order";
        JsonNode order = JSON.readTree(bucket.client().getObjectAsBytes(b -> b.bucket(bucket.name())
                .key(prefix + ".json")).asByteArray());
        assertThat(order.get("payoutCurrency").asText()).isEqualTo("TRY");
        BigDecimal entitlement = new BigDecimal(order.get("entitlement").asText());
        assertThat(new BigDecimal(order.at("/offset/toTaxAuthority").asText())
                .add(new BigDecimal(order.at("/offset/toSocialSecurity").asText()))
                .add(new BigDecimal(order.at("/offset/toApplicant").asText()))).isEqualByComparingTo(entitlement);
        try (PDDocument pdf = Loader.loadPDF(bucket.client().getObjectAsBytes(b -> b.bucket(bucket.name())
                .key(prefix + ".pdf")).asByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(claimId, entitlement.toPlainString(), "Art. 35");
        }
        // AND a second order is refused: 409 naming the state
        JsonNode again = call(action("POST", "/v1/claims/{id}/payment-order", claimId, null, "[REVIEWER]"));
        assertThat(again.get("statusCode").asInt()).isEqualTo(409);
        assertThat(body(again).get("currentState").asText()).isEqualTo("PAYMENT_ORDERED");
        assertThat(body(again).get("allowedNextStates")).hasSize(1);
        // AND the admin's export has one line per change
        ObjectNode export = action("GET", "/v1/audit/export", null, null, "[ADMIN]");
        export.putObject("queryStringParameters").put("companyId", COMPANY);
        JsonNode lines = ok(200, call(export));
        assertThat(lines.at("/headers/content-type").asText()).isEqualTo("application/x-ndjson");
        assertThat(lines.get("body").asText().split("\n")).hasSize(5);
    }

    @Test
    void tenancyAndRoles_shouldHideOtherCompaniesAndRefuseWrongRoles() throws Exception {
        String claimId = body(ok(201, call(create()))).at("/claim/id").asText();

        ObjectNode foreign = action("GET", "/v1/claims/{id}", claimId, null, "[APPLICANT]");
        ((ObjectNode) foreign.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", "OTHER_CO");
        JsonNode notFound = call(foreign);
        JsonNode forbidden = call(action("GET", "/v1/review/claims", null, null, "[APPLICANT]"));
        JsonNode staleWrite = call(withIfMatch(action("PUT", "/v1/claims/{id}", claimId,
                create().get("body").asText(), "[APPLICANT]"), "7"));

        assertThat(notFound.get("statusCode").asInt()).isEqualTo(404);
        assertThat(notFound.at("/headers/content-type").asText()).isEqualTo("application/problem+json");
        assertThat(forbidden.get("statusCode").asInt()).isEqualTo(403);
        assertThat(staleWrite.get("statusCode").asInt()).isEqualTo(412);
        assertThat(body(staleWrite).get("currentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void submit_beforeRatesAndWithAMissingDocument_shouldBeRefusedWithReasonsAndArticles() throws Exception {
        ObjectNode event = create();
        event.put("body", event.get("body").asText().replace("\"PAYMENT_DOC\"", "\"NO_SUCH_DOC\""));
        String claimId = body(ok(201, call(event))).at("/claim/id").asText();

        JsonNode refused = call(action("POST", "/v1/claims/{id}/submit", claimId, null, "[APPLICANT]"));

        assertThat(refused.get("statusCode").asInt()).isEqualTo(422);
        assertThat(body(refused).get("type").asText()).isEqualTo("https://destek.dev/problems/submission-refused");
        assertThat(body(refused).get("reasons").findValuesAsText("code")).contains("DOCUMENT_NOT_ACCEPTED");
        assertThat(body(refused).get("reasons").findValuesAsText("article")).allMatch(a -> a.startsWith("Art."));
    }

    @Test
    void preApproval_requestedByTheApplicant_decidedByAReviewer_shouldBeInTheAuditTrail() throws Exception {
        ObjectNode request = action("POST", "/v1/applications/{id}/pre-approvals", applicationId,
                "{\"kind\":\"PRE_APPROVAL\",\"activityStart\":\"" + TODAY.plusDays(30) + "\"}", "[APPLICANT]");
        String id = body(ok(201, call(request))).get("id").asText();

        ObjectNode byApplicant = action("POST", "/v1/pre-approvals/{id}/decision", id, "{\"outcome\":\"APPROVE\"}",
                "[APPLICANT]");
        JsonNode decided = body(ok(200, call(action("POST", "/v1/pre-approvals/{id}/decision", id,
                "{\"outcome\":\"APPROVE\",\"decisionDate\":\"" + TODAY + "\"}", "[REVIEWER]"))));
        JsonNode audit = body(ok(200, call(action("GET", "/v1/applications/{id}/audit", applicationId, null,
                "[APPLICANT]"))));

        assertThat(call(byApplicant).get("statusCode").asInt()).isEqualTo(403);
        assertThat(decided.get("state").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decisionDate").asText()).isEqualTo(TODAY.toString());
        assertThat(audit.get("preApprovalEvents").findValuesAsText("action")).containsExactly("REQUESTED", "DECIDED");
    }

    @Test
    void snapStartPriming_shouldServeItsEventWithoutAServerError() throws Exception {
        SnapStartPriming priming = SnapStartPriming.of(new ClaimsHandler(FunctionEnvironment.of(table, bucket)),
                ClaimsHandler.PRIMING_EVENT);

        assertThat(JSON.readTree(priming.prime()).get("statusCode").asInt()).isEqualTo(404);
    }

    private ObjectNode create() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Path.of("events", "create-claim.json").toFile());
        event.put("rawPath", "/v1/applications/" + applicationId + "/claims");
        event.putObject("pathParameters").put("id", applicationId);
        event.put("body", event.get("body").asText().replace("2025-06-02", PAID_ON.toString())
                .replace("2025-05-10", PAID_ON.minusDays(20).toString())
                .replace("2025-05-20", PAID_ON.minusDays(10).toString())
                .replace("INVOICE_ID", "INVOICE").replace("PAYMENT_ID", "PAYMENT_DOC"));
        return event;
    }

    private ObjectNode action(String method, String route, String claimId, String body, String groups)
            throws Exception {
        ObjectNode event = create();
        String path = claimId == null ? route : route.replace("{id}", claimId);
        event.put("routeKey", method + " " + route);
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext")).put("routeKey", method + " " + route);
        ((ObjectNode) event.at("/requestContext/http")).put("method", method).put("path", path);
        ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("cognito:groups", groups)
                .put("sub", groups.contains("APPLICANT") ? "alice" : "rita");
        if (groups.contains("APPLICANT")) {
            ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", COMPANY);
        } else {
            ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("custom:companyId", "MINISTRY");
        }
        if (claimId == null) {
            event.remove("pathParameters");
        } else {
            event.putObject("pathParameters").put("id", claimId);
        }
        if (body == null) {
            event.remove("body");
        } else {
            event.put("body", body);
        }
        return event;
    }

    private static ObjectNode withIfMatch(ObjectNode event, String version) {
        ((ObjectNode) event.get("headers")).put("if-match", "\"" + version + "\"");
        return event;
    }

    private JsonNode call(JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode ok(int status, JsonNode response) throws Exception {
        assertThat(response.get("statusCode").asInt()).as(response.get("body").asText()).isEqualTo(status);
        return response;
    }

    private static JsonNode body(JsonNode response) throws Exception {
        return JSON.readTree(response.get("body").asText());
    }
}
