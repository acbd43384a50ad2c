package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.AwsAdapters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 6 end to end over HTTP against the local runner: an applicant's claim through review to a payment order whose
 * offset matches the rules, with concurrent reviewer edits, a refused transition and the audit trail. Rates and debts
 * are seeded through the integration stores' adapters (the S3 ingestion that fills them is a separate function).
 */
class ClaimLifeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Istanbul"));
    private static final LocalDate PAID_ON = TODAY.minusDays(45);
    private static LocalSystem system;
    private static LocalApi api;
    private static String alice;
    private static String rita;
    private static String remzi;
    private static String ada;

    @BeforeAll
    static void start() throws Exception {
        system = LocalSystem.start(0, 0, null, Clock.systemUTC());
        api = new LocalApi(system);
        alice = token("alice", "COMPANY_A", "APPLICANT");
        rita = token("rita", "MINISTRY", "REVIEWER");
        remzi = token("remzi", "MINISTRY", "REVIEWER");
        ada = token("ada", "MINISTRY", "ADMIN");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void claimLife_applicantReviewerPaymentOrder_shouldPayWhatTheRulesSayAndAuditEveryStep() throws Exception {
        // GIVEN the company's EK-3 on file (Art. 34(6)) and an advertising application whose documents passed validation
        uploadToVault(4);
        String app = JSON.readTree(ok(201, send("POST", "/v1/applications", alice,
                "{\"supportItem\":\"ADVERTISING\"}", null)).body()).get("id").asText();
        upload(app, "EK_8", 1);
        String invoice = upload(app, "INVOICE", 2);
        String payment = upload(app, "PAYMENT_DOC", 3);
        // AND the central bank's bulletins of the payment day and of today, and the company's debts in TRY, dropped
        // into the bucket by the integrations
        dropRatesAndDebts();

        // WHEN the applicant files and submits a EUR claim
        ObjectNode draft = JSON.createObjectNode();
        draft.putObject("applicant").put("role", "BENEFICIARY").put("type", "IT_COMPANY").put("sector", "IT")
                .put("hqProvince", "PROV_A");
        draft.putObject("activity").put("start", PAID_ON.minusDays(20).toString())
                .put("end", PAID_ON.minusDays(10).toString()).putArray("countries").add("XA");
        ObjectNode line = draft.putArray("lines").addObject().put("id", "L1").put("kind", "ADVERTISING")
                .put("amount", "10000.00").put("currency", "EUR").put("paymentDate", PAID_ON.toString());
        line.putArray("documentIds").add(invoice).add(payment);
        String claim = JSON.readTree(ok(201, send("POST", "/v1/applications/" + app + "/claims", alice,
                draft.toString(), null)).body()).at("/claim/id").asText();
        ok(200, send("POST", "/v1/claims/" + claim + "/submit", alice, null, null));

        // THEN a reviewer finds it in the queue, opens it with the trace and the evidence, and starts the review
        assertThat(JSON.readTree(ok(200, send("GET", "/v1/review/claims", rita, null, null)).body())
                .get("items").findValuesAsText("claimId")).contains(claim);
        JsonNode opened = JSON.readTree(ok(200, send("POST", "/v1/claims/" + claim + "/review", rita, null, "2"))
                .body());
        assertThat(opened.at("/payout/lines/0/trace").size()).isPositive();
        assertThat(opened.get("documents").findValuesAsText("documentId")).containsExactlyInAnyOrder(invoice, payment);
        HttpResponse<byte[]> evidence = api.http().send(HttpRequest.newBuilder(URI.create(opened.at("/documents/0/url")
                .asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(evidence.statusCode()).isEqualTo(200);

        // WHEN two reviewers adjust the same version at once
        CompletableFuture<HttpResponse<String>> first = async("POST", "/v1/claims/" + claim
                + "/lines/L1/adjustments", rita, "{\"amount\":\"9000.00\",\"reason\":\"1000 EUR was domestic\"}", "3");
        CompletableFuture<HttpResponse<String>> second = async("POST", "/v1/claims/" + claim
                + "/lines/L1/adjustments", remzi, "{\"amount\":\"8000.00\",\"reason\":\"VAT included\"}", "3");
        List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());

        // THEN exactly one change is kept, the other is told (409 or 412) and must reload
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).anyMatch(s -> s == 409 || s == 412);

        // AND paying before the decision is refused, naming the state
        HttpResponse<String> early = send("POST", "/v1/claims/" + claim + "/paid", ada, null, null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(early.body()).get("currentState").asText()).isEqualTo("UNDER_REVIEW");

        // WHEN the reviewer approves and orders the payment
        JsonNode decided = JSON.readTree(ok(200, send("POST", "/v1/claims/" + claim + "/decision", rita,
                "{\"outcome\":\"APPROVE\"}", null)).body());
        assertThat(decided.at("/claim/state").asText()).isEqualTo("PARTIALLY_APPROVED");
        BigDecimal entitlementUsd = new BigDecimal(decided.at("/payout/totalSupport/amount").asText());
        JsonNode ordered = JSON.readTree(ok(200, send("POST", "/v1/claims/" + claim + "/payment-order", rita, null,
                null)).body());
        ok(200, send("POST", "/v1/claims/" + claim + "/paid", ada, null, null));

        // THEN the order in S3 converts at the stored rate and offsets the debts as Art. 35 says
        assertThat(ordered.at("/claim/state").asText()).isEqualTo("PAYMENT_ORDERED");
        JsonNode order;
        try (S3Client s3 = AwsClients.s3(AwsSettings.fromEnv(system.functionEnvironment()),
                AwsClients.credentials(system.functionEnvironment()))) {
            order = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(LocalSystem.BUCKET)
                    .key(ordered.at("/claim/paymentOrder/jsonKey").asText())).asByteArray());
            assertThat(s3.headObject(b -> b.bucket(LocalSystem.BUCKET)
                    .key(ordered.at("/claim/paymentOrder/pdfKey").asText())).contentType())
                    .isEqualTo("application/pdf");
        }
        BigDecimal entitlementTry = entitlementUsd.divide(new BigDecimal("0.025"), 2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(order.get("entitlement").asText())).isEqualByComparingTo(entitlementTry);
        ObjectNode offsetRequest = JSON.createObjectNode().put("entitlement", entitlementTry.toPlainString());
        offsetRequest.putObject("taxDebt").put("amount", "60000.00");
        offsetRequest.putObject("socialSecurityDebt").put("amount", "90000.00");
        JsonNode expected = JSON.readTree(ok(200, send("POST", "/v1/offsets", alice, offsetRequest.toString(), null))
                .body());
        assertThat(order.get("offset").get("toTaxAuthority").asText())
                .isEqualTo(expected.get("toTaxAuthority").asText());
        assertThat(order.get("offset").get("toSocialSecurity").asText())
                .isEqualTo(expected.get("toSocialSecurity").asText());
        assertThat(order.get("offset").get("toApplicant").asText()).isEqualTo(expected.get("toApplicant").asText());

        // AND every step is in the application's audit trail, who and in which role, with the adjustment's reason
        JsonNode audit = JSON.readTree(ok(200, send("GET", "/v1/applications/" + app + "/audit", alice, null,
                null)).body()).get("events");
        assertThat(audit.findValuesAsText("action")).containsExactly("CREATED", "SUBMITTED", "REVIEW_STARTED",
                "LINE_ADJUSTED", "DECIDED", "PAYMENT_ORDERED", "PAID");
        assertThat(audit.get(3).get("role").asText()).isEqualTo("REVIEWER");
        assertThat(audit.get(3).get("reason").asText()).isNotBlank();
        assertThat(audit.get(6).get("actor").asText()).isEqualTo("ada");
        assertThat(send("GET", "/v1/applications/" + app + "/audit", token("bora", "COMPANY_B", "APPLICANT"), null,
                null).statusCode()).isEqualTo(404);
    }

    /**
     * The integrations drop the central bank's bulletins (the payment day's: 43.20 / 40.00 = 1.08 USD per EUR; today's:
     * 1 / 40.00 = 0.025 USD per TRY) and the debt file into the S3 emulator; the integrations function ingests them.
     */
    private static void dropRatesAndDebts() throws Exception {
        Map<String, String> env = system.functionEnvironment();
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        try (S3Client s3 = AwsClients.s3(AwsSettings.fromEnv(env), AwsClients.credentials(env))) {
            for (LocalDate day : List.of(PAID_ON, TODAY)) {
                put(s3, "integrations/rates/" + day + ".xml", bulletin(day));
            }
            put(s3, "integrations/debts/" + TODAY + ".csv", "companyId,asOf,currency,taxAmount,taxOverdue,"
                    + "taxRestructured,taxRestructuringComplied,socialSecurityAmount,socialSecurityOverdue,"
                    + "socialSecurityRestructured,socialSecurityRestructuringComplied\n"
                    + "COMPANY_A," + TODAY.minusDays(1) + ",TRY,60000.00,true,false,false,90000.00,true,false,false\n");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (aws.rateBook().rates(java.util.Set.of("EUR", "TRY"), PAID_ON, TODAY).size() < 4
                || aws.debtLedger().latest("COMPANY_A").isEmpty()) {
            assertThat(System.nanoTime()).as("integration files ingested within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String bulletin(LocalDate day) {
        String tarih = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tarih_Date Tarih=\"" + tarih + "\">"
                + "<Currency Kod=\"USD\"><Unit>1</Unit><ForexBuying>40.0000</ForexBuying></Currency>"
                + "<Currency Kod=\"EUR\"><Unit>1</Unit><ForexBuying>43.2000</ForexBuying></Currency></Tarih_Date>\n";
    }

    private static void put(S3Client s3, String key, String content) {
        s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    /** Declares, uploads and waits for validation to accept one PDF; {@code n} keeps the files distinct. */
    private static byte[] pdf(int n) {
        return ("%PDF-1.4\n%" + n + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode declaration(String type, byte[] pdf)
            throws Exception {
        return JSON.createObjectNode().put("documentType", type).put("fileName", type + ".pdf")
                .put("contentType", "application/pdf").put("sizeBytes", pdf.length)
                .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .put("issuingCountry", "TR");
    }

    private static void putObject(JsonNode ticket, byte[] pdf) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.at("/upload/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        ticket.at("/upload/headers").fields().forEachRemaining(h -> {
            if (!List.of("host", "content-length").contains(h.getKey().toLowerCase())) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertThat(api.http().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** The company's EK-3 into its vault, once, until validation has put it on file. */
    private static void uploadToVault(int n) throws Exception {
        byte[] pdf = pdf(n);
        String body = declaration("EK_3", pdf).put("issuedOn", PAID_ON.minusYears(1).toString()).toString();
        putObject(JSON.readTree(ok(201, send("POST", "/v1/vault/documents", alice, body, null)).body()), pdf);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"CURRENT".equals(JSON.readTree(send("GET", "/v1/vault", alice, null, null).body())
                .at("/items/0/state").asText())) {
            assertThat(System.nanoTime()).as("EK-3 on file within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String upload(String app, String type, int n) throws Exception {
        byte[] pdf = pdf(n);
        String declaration = declaration(type, pdf).toString();
        JsonNode ticket = JSON.readTree(ok(201, send("POST", "/v1/applications/" + app + "/documents", alice,
                declaration, null)).body());
        putObject(ticket, pdf);
        return awaitAccepted(app, ticket);
    }

    private static String awaitAccepted(String app, JsonNode ticket) throws Exception {
        String id = ticket.at("/document/id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            for (JsonNode doc : JSON.readTree(send("GET", "/v1/applications/" + app, alice, null, null).body())
                    .get("documents")) {
                if (doc.get("id").asText().equals(id) && !"PENDING_UPLOAD".equals(doc.get("status").asText())) {
                    assertThat(doc.get("status").asText()).as(doc.toString()).isEqualTo("ACCEPTED");
                    return id;
                }
            }
            assertThat(System.nanoTime()).as("validated within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> ok(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    private static String token(String sub, String company, String role) throws Exception {
        return api.token(sub, company, role);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body, String ifMatch)
            throws Exception {
        return api.send(method, path, token, body, ifMatch);
    }

    private static CompletableFuture<HttpResponse<String>> async(String method, String path, String token,
                                                                 String body, String ifMatch) {
        return api.sendAsync(method, path, token, body, ifMatch);
    }
}
