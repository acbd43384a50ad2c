package dev.destek.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.aws.dynamo.DynamoDebtLedger;
import dev.destek.aws.dynamo.DynamoRateBook;
import dev.destek.aws.testsupport.DynaliteExtension;
import dev.destek.aws.testsupport.DynamoTable;
import dev.destek.aws.testsupport.FunctionEnvironment;
import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.integration.CompanyDebts;
import dev.destek.integration.DebtFile;
import dev.destek.integration.StoredRate;
import dev.destek.lambda.SnapStartPriming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The integrations function fed the S3 event JSON that S3 sends, against dynalite and S3Proxy: files dropped into
 * the bucket end up readable through the RateBook and DebtLedger ports, or rejected whole with a report.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class})
class IntegrationsHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String RATES_KEY = "integrations/rates/2026-11-25.xml";
    private static final String DEBTS_KEY = "integrations/debts/2026-11-24.csv";
    private static final String HEADER = String.join(",", DebtFile.HEADER);

    private DynamoTable table;
    private S3Bucket bucket;
    private IntegrationsHandler handler;
    private DynamoRateBook rateBook;
    private DynamoDebtLedger debtLedger;

    @BeforeEach
    void setUp(DynamoTable freshTable, S3Bucket freshBucket) {
        table = freshTable;
        bucket = freshBucket;
        handler = new IntegrationsHandler(FunctionEnvironment.of(table, bucket));
        rateBook = new DynamoRateBook(table::client, table.tableName());
        debtLedger = new DynamoDebtLedger(table::client, table.tableName());
    }

    @Test
    void art36_1_ratesFileDropped_shouldBeReadableThroughTheRateBook_withoutTheCurrencyItHasNoQuoteFor()
            throws Exception {
        List<String> outcome = drop(RATES_KEY, bulletin("48.9570"));

        assertThat(outcome).containsExactly("Ingested");
        assertThat(rateBook.rates(Set.of("EUR", "JPY", "XDR", "USD"), DAY, DAY))
                .extracting(StoredRate::currency, r -> r.usdPerUnit().toPlainString(), StoredRate::sourceObject)
                .containsExactly(tuple("EUR", "1.1570558498", RATES_KEY), tuple("JPY", "0.0064058641", RATES_KEY),
                        tuple("USD", "1.0000000000", RATES_KEY));
        // stored: EUR, JPY, USD and TRY (the table's own currency, 1 / the USD quote)
        assertThat(rateBook.rates(Set.of("TRY"), DAY, DAY)).extracting(r -> r.usdPerUnit().toPlainString())
                .containsExactly("0.0236341248");
        assertThat(record(RATES_KEY)).containsEntry("status", "INGESTED").containsEntry("stored", "4")
                .containsEntry("skipped", "1").containsEntry("dataDate", "2026-11-25");
    }

    @Test
    void art35_1_debtFileDropped_shouldBeReadableThroughTheDebtLedger() throws Exception {
        List<String> outcome = drop(DEBTS_KEY, HEADER + "\n"
                + "COMPANY_A,2026-11-24,TRY,60000.00,true,false,false,90000.00,true,false,false\n"
                + "COMPANY_B,2026-11-24,TRY,0,false,false,false,1200.5,true,true,true\n");

        assertThat(outcome).containsExactly("Ingested");
        assertThat(debtLedger.latest("COMPANY_A")).contains(new CompanyDebts("COMPANY_A", LocalDate.of(2026, 11, 24),
                "TRY", new CompanyDebts.Debt(new BigDecimal("60000.00"), true, false, false),
                new CompanyDebts.Debt(new BigDecimal("90000.00"), true, false, false), DEBTS_KEY));
        assertThat(debtLedger.latest("COMPANY_B").map(d -> d.socialSecurity().amount().toPlainString()))
                .contains("1200.50");
        assertThat(record(DEBTS_KEY)).containsEntry("status", "INGESTED").containsEntry("stored", "2");
    }

    @Test
    void malformedDebtFile_shouldStoreNothingOfIt_andLeaveAReportNextToIt() throws Exception {
        // GIVEN a file whose first row is fine and whose second is not
        List<String> outcome = drop(DEBTS_KEY, HEADER + "\n"
                + "COMPANY_A,2026-11-24,TRY,60000.00,true,false,false,90000.00,true,false,false\n"
                + "COMPANY_B,2026-11-24,TRY,12.345,true,false,false,0,maybe,false,false\n");

        // THEN not even the good row is stored, and the report names each error by line and column
        assertThat(outcome).containsExactly("Rejected");
        assertThat(debtLedger.latest("COMPANY_A")).isEmpty();
        assertThat(itemsExceptRecords()).isEmpty();
        JsonNode report = report(DEBTS_KEY).orElseThrow();
        assertThat(report.get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("errorCount").asInt()).isEqualTo(2);
        assertThat(report.get("errors")).extracting(e -> e.get("line").asInt(), e -> e.get("field").asText(),
                        e -> e.get("code").asText())
                .containsExactly(tuple(3, "taxAmount", "INVALID_AMOUNT"),
                        tuple(3, "socialSecurityOverdue", "INVALID_FLAG"));
        assertThat(record(DEBTS_KEY)).containsEntry("status", "REJECTED").containsEntry("errors", "2")
                .containsEntry("reportKey", DEBTS_KEY + ".report.json");
    }

    @Test
    void malformedRatesFile_shouldStoreNoRate_andLeaveAReportNextToIt() throws Exception {
        // GIVEN a bulletin whose EUR quote has a decimal comma
        List<String> outcome = drop(RATES_KEY, bulletin("48,9570"));

        assertThat(outcome).containsExactly("Rejected");
        assertThat(rateBook.rates(Set.of("EUR", "JPY", "USD"), DAY, DAY)).isEmpty();
        assertThat(report(RATES_KEY).orElseThrow().get("errors")).extracting(e -> e.get("line").asInt(),
                        e -> e.get("field").asText(), e -> e.get("code").asText())
                .containsExactly(tuple(9, "ForexBuying", "INVALID_QUOTE"));
    }

    @Test
    void xxeRatesFile_shouldBeRejectedWithoutResolvingAnything() throws Exception {
        List<String> outcome = drop(RATES_KEY, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]>\n<Tarih_Date Tarih=\"25.11.2026\">&e;</Tarih_Date>");

        assertThat(outcome).containsExactly("Rejected");
        assertThat(report(RATES_KEY).orElseThrow().toString()).contains("DTD_NOT_ALLOWED").doesNotContain("root:");
    }

    @Test
    void replayedEvent_ofAnIngestedFile_shouldChangeNothing_evenAfterACorrectedFileForTheSameDay() throws Exception {
        // GIVEN the day's bulletin ingested, then a corrected bulletin for the same day under another key
        String first = put(RATES_KEY, bulletin("48.9570"));
        assertThat(invoke(RATES_KEY, first)).containsExactly("Ingested");
        String correctedKey = "integrations/rates/2026-11-25-corrected.xml";
        assertThat(drop(correctedKey, bulletin("49.0000"))).containsExactly("Ingested");
        List<Map<String, AttributeValue>> before = items();

        // WHEN S3 delivers the first file's event again
        List<String> replay = invoke(RATES_KEY, first);

        // THEN nothing is written: every item is as it was, and EUR keeps the corrected rate
        assertThat(replay).containsExactly("AlreadyDone");
        assertThat(items()).isEqualTo(before);
        assertThat(rateBook.rates(Set.of("EUR"), DAY, DAY)).extracting(StoredRate::sourceObject)
                .containsExactly(correctedKey);
    }

    @Test
    void replayedEvent_ofARejectedFile_shouldNeitherRewriteTheReportNorTheRecord() throws Exception {
        String eTag = put(DEBTS_KEY, HEADER + "\nCOMPANY_A,yesterday,TRY,1,true,false,false,1,true,false,false\n");
        assertThat(invoke(DEBTS_KEY, eTag)).containsExactly("Rejected");
        List<Map<String, AttributeValue>> before = items();
        bucket.client().deleteObject(b -> b.bucket(bucket.name()).key(DEBTS_KEY + ".report.json"));

        assertThat(invoke(DEBTS_KEY, eTag)).containsExactly("AlreadyDone");

        assertThat(items()).isEqualTo(before);
        assertThat(report(DEBTS_KEY)).isEmpty();
    }

    @Test
    void eventForAnOverwrittenFile_shouldIngestOnlyTheBytesStillThere() throws Exception {
        // GIVEN a debt file overwritten before its first event was handled
        String old = put(DEBTS_KEY, HEADER + "\nCOMPANY_A,2026-11-24,TRY,1.00,true,false,false,0,false,false,false\n");
        String current = put(DEBTS_KEY,
                HEADER + "\nCOMPANY_A,2026-11-24,TRY,2.00,true,false,false,0,false,false,false\n");

        // WHEN both events arrive, the old one first
        assertThat(invoke(DEBTS_KEY, old)).containsExactly("Ignored");
        assertThat(invoke(DEBTS_KEY, current)).containsExactly("Ingested");

        // THEN only the current bytes are stored
        assertThat(debtLedger.latest("COMPANY_A").map(d -> d.tax().amount().toPlainString())).contains("2.00");
    }

    @Test
    void priming_shouldReadNothingThatExists() {
        SnapStartPriming priming = SnapStartPriming.of(handler, IntegrationsHandler.PRIMING_EVENT);

        assertThat(priming.prime()).isEqualTo("[\"Ignored\"]");
        assertThat(items()).isEmpty();
    }

    // ------------------------------------------------------------------ fixture

    /** The sample bulletin of the core tests' shape, EUR's ForexBuying (line 9) as given. */
    private static String bulletin(String eurForexBuying) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?xml-stylesheet type="text/xsl" href="isokur.xsl"?>
                <Tarih_Date Tarih="25.11.2026" Date="11/25/2026"  Bulten_No="2026/222" >
                <Currency CrossOrder="0" Kod="USD" CurrencyCode="USD">
                <Unit>1</Unit><Isim>ABD DOLARI</Isim><CurrencyName>US DOLLAR</CurrencyName>
                <ForexBuying>42.3117</ForexBuying><ForexSelling>42.3879</ForexSelling></Currency>
                <Currency CrossOrder="2" Kod="EUR" CurrencyCode="EUR">
                <Unit>1</Unit><Isim>EURO</Isim><CurrencyName>EURO</CurrencyName>
                <ForexBuying>%s</ForexBuying><ForexSelling>49.0452</ForexSelling></Currency>
                <Currency CrossOrder="9" Kod="JPY" CurrencyCode="JPY">
                <Unit>100</Unit><Isim>JAPON YENİ</Isim><CurrencyName>JAPENESE YEN</CurrencyName>
                <ForexBuying>27.1043</ForexBuying><ForexSelling>27.2838</ForexSelling></Currency>
                <Currency CrossOrder="20" Kod="XDR" CurrencyCode="XDR">
                <Unit>1</Unit><ForexBuying/><ForexSelling/><CrossRateOther>1.3209</CrossRateOther></Currency>
                </Tarih_Date>
                """.formatted(eurForexBuying);
    }

    private List<String> drop(String key, String content) throws Exception {
        return invoke(key, put(key, content));
    }

    private String put(String key, String content) {
        return bucket.client().putObject(b -> b.bucket(bucket.name()).key(key),
                RequestBody.fromString(content, StandardCharsets.UTF_8)).eTag().replace("\"", "");
    }

    /** Delivers the recorded S3 event, pointed at {@code key} with {@code eTag}. */
    private List<String> invoke(String key, String eTag) throws Exception {
        String json = Files.readString(Path.of("events", "s3-object-created.json"))
                .replace(RATES_KEY, URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .replace("d41d8cd98f00b204e9800998ecf8427e", eTag);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readValue(out.toByteArray(), new TypeReference<List<String>>() { });
    }

    private Optional<JsonNode> report(String key) throws Exception {
        try {
            return Optional.of(JSON.readTree(bucket.client().getObjectAsBytes(b -> b.bucket(bucket.name())
                    .key(key + ".report.json")).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The ingestion record of the file now at {@code key}, attribute values as strings. */
    private Map<String, String> record(String key) {
        return items().stream().filter(i -> i.containsKey("objectKey") && key.equals(i.get("objectKey").s()))
                .findFirst().orElseThrow().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().n() != null ? e.getValue().n()
                        : String.valueOf(e.getValue().s())));
    }

    private List<Map<String, AttributeValue>> items() {
        return table.client().scan(b -> b.tableName(table.tableName())).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                        .thenComparing(i -> i.get("sk").s()))
                .toList();
    }

    private List<Map<String, AttributeValue>> itemsExceptRecords() {
        return items().stream().filter(i -> !i.get("pk").s().startsWith("INTEGRATION#")).toList();
    }
}
