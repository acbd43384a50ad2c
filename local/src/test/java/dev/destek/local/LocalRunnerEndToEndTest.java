package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The README's flow, driven over HTTP against the local runner exactly as a person with curl would:
 * real handlers, real emulators, S3 events produced from what the emulator stored.
 */
class LocalRunnerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The smallest PDF PDFBox accepts: one empty page. */
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    /** The same PDF with other bytes: a company's second file must not be a duplicate of its first. */
    private static final byte[] OTHER_PDF = new String(PDF, StandardCharsets.US_ASCII)
            .replace("%%EOF", "% dropped by an integrator\n%%EOF").getBytes(StandardCharsets.US_ASCII);
    private static LocalSystem system;
    private static LocalApi api;
    private static String companyA;
    private static String companyB;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(0, 0, null, Clock.systemUTC());
        api = new LocalApi(system);
        companyA = token("alice", "COMPANY_A");
        companyB = token("bora", "COMPANY_B");
        admin = token("ayse", "DESTEK_STAFF", "ADMIN");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void applicationFlow_matchingUpload_shouldBeAcceptedAndVisibleToItsOwnerOnly() throws Exception {
        // GIVEN an application opened by company A
        HttpResponse<String> opened = send("POST", "/v1/applications", companyA, "{\"supportItem\":\"ADVERTISING\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode app = JSON.readTree(opened.body());
        String id = app.get("id").asText();
        assertThat(app.get("status").asText()).isEqualTo("DRAFT");
        assertThat(app.get("checklist").findValuesAsText("documentType")).contains("EK_8", "INVOICE");
        assertThat(checklistEntry(id, "EK_8").get("status").asText()).isEqualTo("MISSING");

        // WHEN A declares a PDF, gets a presigned URL and uploads exactly that file
        JsonNode ticket = declare(id, companyA, "EK_8", PDF);
        assertThat(ticket.at("/document/status").asText()).isEqualTo("PENDING_UPLOAD");
        assertThat(put(ticket, PDF).statusCode()).isEqualTo(200);

        // THEN the S3 event drives validation to ACCEPTED, visible to A
        JsonNode doc = awaitValidated(id, ticket.at("/document/id").asText());
        assertThat(doc.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(doc.get("detectedContentType").asText()).isEqualTo("application/pdf");
        JsonNode entry = checklistEntry(id, "EK_8");
        assertThat(entry.get("status").asText()).isEqualTo("SATISFIED");
        assertThat(entry.at("/documents/0/documentId").asText()).isEqualTo(doc.get("id").asText());
        assertThat(JSON.readTree(send("GET", "/v1/applications", companyA, null).body()).get("items")
                .findValuesAsText("id")).contains(id);

        // AND company B sees none of it: 404 on every route, and not in its list
        assertThat(send("GET", "/v1/applications/" + id, companyB, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/applications/" + id + "/checklist", companyB, null).statusCode()).isEqualTo(404);
        HttpResponse<String> foreignUpload = send("POST", "/v1/applications/" + id + "/documents", companyB,
                declaration("EK_8", PDF));
        assertThat(foreignUpload.statusCode()).isEqualTo(404);
        assertThat(foreignUpload.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(send("GET", "/v1/applications", companyB, null).body()).get("items")
                .findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void presignedUrl_differentFile_shouldBeRefusedByS3() throws Exception {
        // GIVEN a URL issued for one file
        String id = open(companyA);
        JsonNode ticket = declare(id, companyA, "INVOICE", PDF);
        byte[] other = ("%PDF-1.4\n% a different file of another length\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        // WHEN another file is sent with it, THEN S3 refuses it and the document stays pending
        assertThat(put(ticket, other).statusCode()).isBetween(400, 403);
        JsonNode app = JSON.readTree(send("GET", "/v1/applications/" + id, companyA, null).body());
        assertThat(app.at("/documents/0/status").asText()).isEqualTo("PENDING_UPLOAD");
    }

    @Test
    void directDrop_checksumMismatch_shouldBeRejectedAndQuarantinedNotDeleted() throws Exception {
        // GIVEN a declared document whose bytes an integrator then writes straight into the bucket
        String id = open(companyA);
        JsonNode ticket = declare(id, companyA, "EK_8", PDF);
        String docId = ticket.at("/document/id").asText();
        String key = "uploads/COMPANY_A/" + id + "/" + docId;
        byte[] tampered = PDF.clone();
        tampered[tampered.length - 2] = 'X';
        Map<String, String> env = system.functionEnvironment();
        try (S3Client s3 = AwsClients.s3(AwsSettings.fromEnv(env), AwsClients.credentials(env))) {
            s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(key), RequestBody.fromBytes(tampered));

            // THEN validation rejects it for the checksum, and the bytes are kept under quarantine/
            JsonNode doc = awaitValidated(id, docId);
            assertThat(doc.get("status").asText()).isEqualTo("REJECTED");
            assertThat(doc.get("reasons").findValuesAsText("code")).contains("CHECKSUM_MISMATCH");
            // (the refusal is recorded first, then the bytes move: a crash between the two loses nothing)
            assertThat(awaitObject(s3, "quarantine/" + key)).isEqualTo(tampered);
            awaitGone(s3, key);
        }
    }

    @Test
    void vault_ek3UploadedOnce_shouldSatisfyEveryApplicationOfItsCompanyOnly() throws Exception {
        // GIVEN company B's EK-3 put in its vault once, through a presigned URL, with its dates
        byte[] ek3 = new String(PDF, StandardCharsets.US_ASCII).replace("%%EOF", "% EK-3 of company B\n%%EOF")
                .getBytes(StandardCharsets.US_ASCII);
        JsonNode declaration = JSON.readTree(declaration("EK_3", ek3));
        String body = ((com.fasterxml.jackson.databind.node.ObjectNode) declaration).put("issuedOn", "2025-06-01")
                .put("validUntil", "2099-12-31").toString();
        HttpResponse<String> declared = send("POST", "/v1/vault/documents", companyB, body);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode ticket = JSON.readTree(declared.body());
        assertThat(put(ticket, ek3).statusCode()).isEqualTo(200);

        // WHEN it has been validated
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode vault;
        do {
            assertThat(System.nanoTime()).as("vault document validated within 20 s").isLessThan(deadline);
            Thread.sleep(100);
            vault = JSON.readTree(send("GET", "/v1/vault", companyB, null).body());
        } while ("PENDING_UPLOAD".equals(vault.at("/items/0/state").asText()));

        // THEN it is on file, and two new applications of B take it from there; A's vault stays empty
        assertThat(vault.at("/items/0/state").asText()).isEqualTo("CURRENT");
        for (String item : List.of("ADVERTISING", "MARKET_REPORT")) {
            String id = JSON.readTree(send("POST", "/v1/applications", companyB, "{\"supportItem\":\"" + item + "\"}")
                    .body()).get("id").asText();
            JsonNode checklist = JSON.readTree(send("GET", "/v1/applications/" + id + "/checklist", companyB, null)
                    .body());
            for (JsonNode entry : checklist.get("entries")) {
                if (entry.get("documentType").asText().equals("EK_3")) {
                    assertThat(entry.get("status").asText()).as(item).isEqualTo("SATISFIED");
                    assertThat(entry.at("/documents/0/fromVault").asBoolean()).isTrue();
                    assertThat(entry.get("article").asText()).isEqualTo("Art. 34(6)");
                }
            }
        }
        assertThat(JSON.readTree(send("GET", "/v1/vault", companyA, null).body()).get("items")).isEmpty();
    }

    @Test
    void inboxDrop_pdfForAChecklistEntry_shouldBecomeAnAcceptedDocumentOfTheApplication() throws Exception {
        // GIVEN an application of company A, and an integrator with write access to the bucket
        String id = open(companyA);
        String key = "inbox/COMPANY_A/" + id + "/EK_8/başvuru formu.pdf";
        Map<String, String> env = system.functionEnvironment();
        try (S3Client s3 = AwsClients.s3(AwsSettings.fromEnv(env), AwsClients.credentials(env))) {
            // WHEN the integrator drops the form under the inbox (no manifest)
            s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(key), RequestBody.fromBytes(OTHER_PDF));

            // THEN the S3 event takes it in: a document of the application, validated and counted on the checklist
            JsonNode doc = awaitDocument(id, "başvuru formu.pdf");
            assertThat(doc.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(doc.get("documentType").asText()).isEqualTo("EK_8");
            assertThat(checklistEntry(id, "EK_8").get("status").asText()).isEqualTo("SATISFIED");
            awaitGone(s3, key);
        }
    }

    @Test
    void inboxDrop_unknownApplicationAndUndeclaredFile_shouldBeQuarantinedAndShownToAdministratorsOnly()
            throws Exception {
        // GIVEN an application whose manifest declares one invoice, and an application id that does not exist
        String id = open(companyA);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(OTHER_PDF));
        String manifest = "{\"files\":[{\"documentType\":\"INVOICE\",\"fileName\":\"invoice-1.pdf\","
                + "\"sha256\":\"" + sha256 + "\"}]}";
        String undeclared = "inbox/COMPANY_A/" + id + "/INVOICE/invoice-2.pdf";
        String orphan = "inbox/COMPANY_A/no-such-application/INVOICE/invoice-1.pdf";
        Map<String, String> env = system.functionEnvironment();
        try (S3Client s3 = AwsClients.s3(AwsSettings.fromEnv(env), AwsClients.credentials(env))) {
            // WHEN the integrator writes the manifest, then a file it does not declare, and a file for nobody
            s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key("inbox/COMPANY_A/" + id + "/manifest.json"),
                    RequestBody.fromString(manifest));
            s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(undeclared), RequestBody.fromBytes(OTHER_PDF));
            s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(orphan), RequestBody.fromBytes(OTHER_PDF));

            // THEN both are kept under quarantine/, not deleted, and no document was created
            assertThat(awaitObject(s3, "quarantine/" + undeclared)).isEqualTo(OTHER_PDF);
            assertThat(awaitObject(s3, "quarantine/" + orphan)).isEqualTo(OTHER_PDF);
            awaitGone(s3, undeclared);
        }
        assertThat(JSON.readTree(send("GET", "/v1/applications/" + id, companyA, null).body()).get("documents"))
                .isEmpty();

        // AND an administrator sees why; an applicant gets a 403 problem
        HttpResponse<String> errors = send("GET", "/v1/admin/intake-errors", admin, null);
        assertThat(errors.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(errors.body()).get("items");
        assertThat(items.findValuesAsText("objectKey")).contains(undeclared, orphan);
        for (JsonNode item : items) {
            if (item.get("objectKey").asText().equals(undeclared)) {
                assertThat(item.get("code").asText()).isEqualTo("UNDECLARED_FILE");
            } else if (item.get("objectKey").asText().equals(orphan)) {
                assertThat(item.get("code").asText()).isEqualTo("UNKNOWN_APPLICATION");
            }
        }
        HttpResponse<String> forbidden = send("GET", "/v1/admin/intake-errors", companyA, null);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @Test
    void errors_shouldBeProblemDocumentsWithStableTypes() throws Exception {
        HttpResponse<String> noToken = send("POST", "/v1/applications", null, "{\"supportItem\":\"ADVERTISING\"}");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("content-type")).hasValue("application/problem+json");

        HttpResponse<String> forged = send("GET", "/v1/applications", companyA.substring(0, companyA.length() - 4)
                + "AAAA", null);
        assertThat(forged.statusCode()).isEqualTo(401);

        HttpResponse<String> malformed = send("POST", "/v1/applications", companyA, "{\"supportItem\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(malformed.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://destek.dev/problems/malformed-request");
        assertThat(problem.get("detail").asText()).contains("not valid JSON");
        assertThat(malformed.body()).doesNotContain("at dev.destek", "Exception");

        HttpResponse<String> wrongShape = send("POST", "/v1/applications", companyA, "{\"supportItem\": 7, \"x\": 1}");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongShape.body()).at("/errors/0/pointer").asText()).isEqualTo("/x");

        HttpResponse<String> unknownItem = send("POST", "/v1/applications", companyA, "{\"supportItem\":\"NOPE\"}");
        assertThat(unknownItem.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownItem.body()).at("/errors/0/pointer").asText()).isEqualTo("/supportItem");

        HttpResponse<String> badDeclaration = send("POST", "/v1/applications/" + open(companyA) + "/documents",
                companyA, "{\"documentType\":\"EK_8\",\"fileName\":\"a/b.pdf\",\"contentType\":\"text/html\","
                        + "\"sizeBytes\":0,\"sha256\":\"xyz\"}");
        assertThat(badDeclaration.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badDeclaration.body()).get("errors").findValuesAsText("pointer"))
                .contains("/fileName", "/contentType", "/sizeBytes", "/sha256");
    }

    @Test
    void quoteAndCatalogue_shouldBeServedByThePayoutFunction() throws Exception {
        HttpResponse<String> catalogue = send("GET", "/v1/catalogue", null, null);
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("ADVERTISING");

        HttpResponse<String> quote = send("POST", "/v1/quotes", companyA, "{\"programme\":\"DECREE_2015_8\","
                + "\"supportItem\":\"ADVERTISING\",\"applicant\":{\"role\":\"BENEFICIARY\",\"type\":\"IT_COMPANY\","
                + "\"sector\":\"IT\",\"hqProvince\":\"PROV_A\"},\"activity\":{\"countries\":[\"XA\"],"
                + "\"start\":\"2025-01-10\",\"end\":\"2025-01-20\",\"preApprovalDate\":null},\"filingDate\":\"2025-03-01\","
                + "\"expenses\":[{\"id\":\"E1\",\"kind\":\"ADVERTISING\",\"amount\":\"10000.00\",\"currency\":\"USD\","
                + "\"paymentDate\":\"2025-02-01\"}]}");
        assertThat(quote.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(quote.body());
        assertThat(body.at("/totalSupport/currency").asText()).isEqualTo("USD");
        assertThat(body.at("/lines/0/id").asText()).isEqualTo("E1");
        assertThat(body.at("/lines/0/trace").size()).isPositive();
    }

    @Test
    void reminders_onDemandRun_shouldAnswerForTheRequestedDay() throws Exception {
        HttpResponse<String> run = send("POST", "/_local/schedules/reminders", null, "{\"now\":\"2026-03-01T06:00:00Z\"}");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(run.body()).get("day").asText()).isEqualTo("2026-03-01");
    }

    private static String open(String token) throws Exception {
        return JSON.readTree(send("POST", "/v1/applications", token, "{\"supportItem\":\"ADVERTISING\"}").body())
                .get("id").asText();
    }

    private static JsonNode checklistEntry(String applicationId, String documentType) throws Exception {
        HttpResponse<String> r = send("GET", "/v1/applications/" + applicationId + "/checklist", companyA, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode entry : JSON.readTree(r.body()).get("entries")) {
            if (entry.get("documentType").asText().equals(documentType)) {
                return entry;
            }
        }
        throw new AssertionError("no checklist entry " + documentType + " in " + r.body());
    }

    private static JsonNode declare(String id, String token, String type, byte[] file) throws Exception {
        HttpResponse<String> r = send("POST", "/v1/applications/" + id + "/documents", token, declaration(type, file));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private static String declaration(String type, byte[] file) throws Exception {
        return JSON.createObjectNode().put("documentType", type).put("fileName", "form.pdf")
                .put("contentType", "application/pdf").put("sizeBytes", file.length)
                .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file))).toString();
    }

    private static HttpResponse<String> put(JsonNode ticket, byte[] file) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ticket.at("/upload/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file));
        ticket.at("/upload/headers").fields().forEachRemaining(h -> {
            if (!List.of("host", "content-length").contains(h.getKey().toLowerCase())) {
                b.header(h.getKey(), h.getValue().asText());
            }
        });
        return api.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitValidated(String applicationId, String documentId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode app = JSON.readTree(send("GET", "/v1/applications/" + applicationId, companyA, null).body());
            for (JsonNode doc : app.get("documents")) {
                if (doc.get("id").asText().equals(documentId) && !"PENDING_UPLOAD".equals(doc.get("status").asText())) {
                    return doc;
                }
            }
            assertThat(System.nanoTime()).as("document validated within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitDocument(String applicationId, String fileName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode app = JSON.readTree(send("GET", "/v1/applications/" + applicationId, companyA, null).body());
            for (JsonNode doc : app.get("documents")) {
                if (doc.get("fileName").asText().equals(fileName)
                        && !"PENDING_UPLOAD".equals(doc.get("status").asText())) {
                    return doc;
                }
            }
            assertThat(System.nanoTime()).as("inbox drop taken in within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static byte[] awaitObject(S3Client s3, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return s3.getObjectAsBytes(b -> b.bucket(LocalSystem.BUCKET).key(key)).asByteArray();
            } catch (NoSuchKeyException e) {
                assertThat(System.nanoTime()).as(key + " stored within 10 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static void awaitGone(S3Client s3, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                s3.headObject(b -> b.bucket(LocalSystem.BUCKET).key(key));
            } catch (NoSuchKeyException e) {
                return;
            }
            assertThat(System.nanoTime()).as(key + " moved away within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String token(String sub, String company) throws Exception {
        return token(sub, company, "APPLICANT");
    }

    private static String token(String sub, String company, String role) throws Exception {
        return api.token(sub, company, role);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return api.send(method, path, token, body);
    }
}
