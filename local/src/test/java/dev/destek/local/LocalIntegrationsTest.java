package dev.destek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.aws.AwsAdapters;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.emulators.S3ProxyServer;
import dev.destek.integration.DebtFile;
import dev.destek.integration.DebtLedger;
import dev.destek.integration.RateBook;
import dev.destek.integration.StoredRate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The README's integrator section against the local runner: files dropped into the S3 emulator reach the
 * integrations function through the notification bridge, and end up in the RateBook and DebtLedger the payment
 * reads — or, malformed, as a report next to the file and nothing stored.
 */
class LocalIntegrationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = String.join(",", DebtFile.HEADER);
    private static LocalSystem system;
    private static S3Client s3;
    private static RateBook rates;
    private static DebtLedger debts;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(0, 0, null, Clock.systemUTC());
        Map<String, String> env = system.functionEnvironment();
        s3 = AwsClients.s3(AwsSettings.fromEnv(env), AwsClients.credentials(env));
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        rates = aws.rateBook();
        debts = aws.debtLedger();
    }

    @AfterAll
    static void stop() {
        s3.close();
        system.close();
    }

    private static String bulletin(String day, String eur) {
        String[] d = day.split("-");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Tarih_Date Tarih=\"" + d[2] + "." + d[1] + "." + d[0] + "\" Date=\"" + d[1] + "/" + d[2] + "/"
                + d[0] + "\" Bulten_No=\"2026/1\">\n"
                + "<Currency Kod=\"USD\" CurrencyCode=\"USD\"><Unit>1</Unit><ForexBuying>42.3117</ForexBuying>"
                + "</Currency>\n"
                + "<Currency Kod=\"EUR\" CurrencyCode=\"EUR\"><Unit>1</Unit><ForexBuying>" + eur + "</ForexBuying>"
                + "</Currency>\n</Tarih_Date>\n";
    }

    @Test
    void ratesAndDebtsDropped_shouldBeReadByTheRateBookAndDebtLedger() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        put("integrations/rates/2026-03-02.xml", bulletin("2026-03-02", "48.9570"));
        put("integrations/debts/2026-03-01.csv", HEADER + "\n"
                + "LOCAL_CO_1,2026-03-01,TRY,60000.00,true,false,false,90000.00,true,false,false\n");

        List<StoredRate> eur = await(() -> Optional.of(rates.rates(Set.of("EUR"), day, day)).filter(l -> !l.isEmpty()));
        assertThat(eur).extracting(r -> r.usdPerUnit().toPlainString()).containsExactly("1.1570558498");
        assertThat(await(() -> debts.latest("LOCAL_CO_1")).tax().amount().toPlainString()).isEqualTo("60000.00");
    }

    @Test
    void malformedFilesDropped_shouldLeaveReportsAndStoreNothing() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 3);
        put("integrations/rates/2026-03-03.xml", bulletin("2026-03-03", "48.9570").replace("</Tarih_Date>", ""));
        put("integrations/debts/2026-03-03.csv", HEADER + "\n"
                + "LOCAL_CO_2,2026-03-03,TRY,10.00,true,false,false,0,false,false,false\n"
                + "LOCAL_CO_3,2026-03-03,TRY,-10.00,true,false,false,0,false,false,false\n");

        JsonNode ratesReport = await(() -> report("integrations/rates/2026-03-03.xml"));
        JsonNode debtsReport = await(() -> report("integrations/debts/2026-03-03.csv"));

        assertThat(ratesReport.at("/errors/0/code").asText()).isEqualTo("MALFORMED_XML");
        assertThat(debtsReport.at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(debtsReport.at("/errors/0/field").asText()).isEqualTo("taxAmount");
        assertThat(rates.rates(Set.of("USD", "EUR"), day, day)).isEmpty();
        assertThat(debts.latest("LOCAL_CO_2")).isEmpty();
        // the reports themselves trigger nothing: no report of a report
        assertThat(system.pendingNotifications()).isZero();
        assertThat(report("integrations/debts/2026-03-03.csv.report.json")).isEmpty();
    }

    @Test
    void readmeCurlDrop_shouldBeAcceptedByTheEmulatorAndIngested(@TempDir Path dir) throws Exception {
        // GIVEN the README's command: curl signing with AWS SigV4 and the emulator's fixed local keys
        assumeTrue(curlAvailable(), "curl is not installed");
        Path file = Files.writeString(dir.resolve("2026-03-04.xml"), bulletin("2026-03-04", "49.0000"));
        String url = system.s3Endpoint() + "/" + LocalSystem.BUCKET + "/integrations/rates/2026-03-04.xml";
        Process curl = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "--aws-sigv4", "aws:amz:" + LocalSystem.REGION + ":s3",
                "--user", S3ProxyServer.DEFAULT_IDENTITY + ":" + S3ProxyServer.DEFAULT_CREDENTIAL,
                "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", "-T", file.toString(), url)
                .redirectErrorStream(true).start();
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("200");

        LocalDate day = LocalDate.of(2026, 3, 4);
        assertThat(await(() -> Optional.of(rates.rates(Set.of("EUR"), day, day)).filter(l -> !l.isEmpty())))
                .extracting(r -> r.usdPerUnit().toPlainString()).containsExactly("1.1580721172");
    }

    private static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void put(String key, String content) {
        s3.putObject(b -> b.bucket(LocalSystem.BUCKET).key(key),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    private static Optional<JsonNode> report(String key) {
        try {
            return Optional.of(JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(LocalSystem.BUCKET)
                    .key(key + ".report.json")).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** S3 events are delivered asynchronously, as in AWS: wait for the outcome, up to 20 s. */
    private static <T> T await(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(System.nanoTime()).as("outcome within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
