package dev.destek.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.application.ApplicationService;
import dev.destek.reminder.ReminderSettings;
import dev.destek.application.NewApplication;
import dev.destek.application.NewDocument;
import dev.destek.aws.AwsAdapters;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.emulators.Dynalite;
import dev.destek.emulators.S3ProxyServer;
import dev.destek.local.LocalSystem;
import dev.destek.rules.Rules;
import dev.destek.tenancy.Caller;
import dev.destek.tenancy.Role;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./bench coldstart}: for each function, the time from starting a fresh JVM on the function's own
 * deployable jar to the handler's response to one real event that makes real DynamoDB/S3 calls against
 * the emulators, next to a bare hello-world JVM measured in the same run. Median of N interleaved runs,
 * each subject once plain and once with its own application class-data-sharing archive (from a training run).
 */
public final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    private ColdStartBenchmark() { }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "5"));
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("destek-coldstart");
        String harness = harnessJar(work).toString();

        try (Dynalite dynalite = Dynalite.start(); S3ProxyServer s3 = S3ProxyServer.startTransient()) {
            Map<String, String> env = LocalSystem.functionEnvironment(dynalite, s3);
            LocalSystem.provision(env);
            // every validation run gets an object of its own, so each one does the whole check
            Seed seed = seed(env, 2 * runs + 1);
            List<Path> validationEvents = new ArrayList<>();
            for (int i = 0; i < seed.objectKeys.size(); i++) {
                validationEvents.add(write(work, "validation-" + i + ".json", s3Event(seed.objectKeys.get(i), PDF.length)));
            }
            Map<String, Subject> subjects = new LinkedHashMap<>();
            subjects.put("hello-world", new Subject(harness, Hello.class.getName(), List.of(), null));
            subjects.put("upload", function(root, "upload", "dev.destek.upload.UploadHandler", harness,
                    List.of(write(work, "upload.json", httpEvent("GET", "/v1/applications/{id}",
                            "/v1/applications/" + seed.applicationId, Map.of("id", seed.applicationId), null)))));
            subjects.put("validation", function(root, "validation", "dev.destek.validation.ValidationHandler", harness,
                    validationEvents));
            subjects.put("reminders", function(root, "reminders", "dev.destek.reminders.RemindersHandler", harness,
                    List.of(write(work, "reminders.json", "{\"now\":\"2026-01-15T06:00:00Z\"}"))));
            subjects.put("payout", function(root, "payout", "dev.destek.payout.PayoutHandler", harness,
                    List.of(write(work, "payout.json", httpEvent("POST", "/v1/quotes", "/v1/quotes", Map.of(), QUOTE)))));
            subjects.put("claims", function(root, "claims", "dev.destek.claims.ClaimsHandler", harness,
                    List.of(write(work, "claims.json", httpEvent("GET", "/v1/applications/{id}/audit",
                            "/v1/applications/" + seed.applicationId + "/audit", Map.of("id", seed.applicationId),
                            null)))));
            // every integrations run gets a rates file of its own, so each one parses and stores it
            List<Path> integrationEvents = new ArrayList<>();
            for (int i = 0; i < seed.rateFiles.size(); i++) {
                String[] keyAndTag = seed.rateFiles.get(i);
                integrationEvents.add(write(work, "integrations-" + i + ".json",
                        s3Event(keyAndTag[0], RATES.length, keyAndTag[1])));
            }
            subjects.put("integrations", function(root, "integrations", "dev.destek.integrations.IntegrationsHandler",
                    harness, integrationEvents));

            // one training run per subject records the classes it loads into its own CDS archive
            Map<String, Path> archives = new LinkedHashMap<>();
            for (Map.Entry<String, Subject> s : subjects.entrySet()) {
                Path archive = work.resolve(s.getKey() + ".jsa");
                time(s.getValue(), env, List.of("-XX:ArchiveClassesAtExit=" + archive));
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalStateException("No CDS archive written for " + s.getKey());
                }
                archives.put(s.getKey(), archive);
            }
            Map<String, List<Double>> plain = new LinkedHashMap<>();
            Map<String, List<Double>> cds = new LinkedHashMap<>();
            subjects.keySet().forEach(k -> {
                plain.put(k, new ArrayList<>());
                cds.put(k, new ArrayList<>());
            });
            for (int run = 0; run < runs; run++) {
                for (Map.Entry<String, Subject> s : subjects.entrySet()) {
                    plain.get(s.getKey()).add(time(s.getValue(), env, List.of()));
                    cds.get(s.getKey()).add(time(s.getValue(), env,
                            List.of("-XX:SharedArchiveFile=" + archives.get(s.getKey()))));
                }
            }
            System.out.println(report(subjects, plain, cds, runs, root));
        }
    }

    private static Subject function(Path root, String name, String handler, String harness, List<Path> events) {
        Path jar = root.resolve("functions/" + name + "/target/" + name + "-function.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q install -DskipTests");
        }
        return new Subject(jar + File.pathSeparator + harness, InvokeOnce.class.getName() + " " + handler, events, jar);
    }

    private static double time(Subject subject, Map<String, String> env, List<String> extraFlags) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-cp");
        cmd.add(subject.classpath);
        cmd.addAll(List.of(subject.main.split(" ")));
        subject.nextEvent().ifPresent(event -> cmd.add(event.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        String result = null;
        long elapsed = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (result == null && line.startsWith("RESULT ")) {
                    elapsed = System.nanoTime() - start;
                    result = line;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        if (result == null || result.contains("\"statusCode\":5")) {
            throw new IllegalStateException("No good response from " + subject.main + ":\n" + output + result);
        }
        return elapsed / 1e6;
    }

    private static String report(Map<String, Subject> subjects, Map<String, List<Double>> plain,
                                 Map<String, List<Double>> cds, int runs, Path root) throws IOException {
        double hello = median(plain.get("hello-world"));
        StringBuilder sb = new StringBuilder();
        sb.append("Cold start, JVM start to handler response, median of ").append(runs).append(" runs (Java ")
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, flags ").append(String.join(" ", JVM_FLAGS)).append("); ratios are to the plain "
                        + "hello-world JVM of the same run\n\n");
        sb.append("| subject | jar size | median ms | min–max ms | × hello | with AppCDS ms | × hello |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String name : plain.keySet()) {
            Path jar = subjects.get(name).jar;
            String size = jar == null ? "-" : String.format("%.1f MB", Files.size(jar) / 1e6);
            double med = median(plain.get(name));
            double medCds = median(cds.get(name));
            sb.append(String.format("| %s | %s | %.0f | %.0f–%.0f | %.1f | %.0f | %.1f |%n", name, size, med,
                    Collections.min(plain.get(name)), Collections.max(plain.get(name)), med / hello, medCds,
                    medCds / hello));
        }
        Path out = root.resolve("local/target/coldstart.md");
        Files.writeString(out, sb.toString());
        return sb.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * One application with {@code documents} declared PDFs stored under their upload keys, made through the
     * services and adapters themselves; nothing validates them before the measured runs do.
     */
    private static Seed seed(Map<String, String> env, int documents) throws Exception {
        AwsAdapters aws = AwsAdapters.fromEnv(env);
        AwsSettings settings = aws.settings();
        S3Client s3 = AwsClients.s3(settings, AwsClients.credentials(env));
        ApplicationService applications = new ApplicationService(aws.applications(), aws.uploadSigner(),
                () -> Rules.load(env), Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofMinutes(5),
                aws.reminders(), ReminderSettings.DEFAULTS);
        Caller caller = new Caller("bench", BENCH_COMPANY, Set.of(Role.APPLICANT));
        String appId = applications.open(caller, new NewApplication("ADVERTISING")).application().id();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String key = applications.requestUpload(caller, appId,
                    new NewDocument("EK_8", "bench.pdf", "application/pdf", (long) PDF.length, sha))
                    .document().objectKey();
            s3.putObject(b -> b.bucket(settings.bucketName()).key(key), RequestBody.fromBytes(PDF));
            keys.add(key);
        }
        List<String[]> rateFiles = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String key = "integrations/rates/bench-" + i + ".xml";
            String eTag = s3.putObject(b -> b.bucket(settings.bucketName()).key(key), RequestBody.fromBytes(RATES))
                    .eTag();
            rateFiles.add(new String[] {key, eTag});
        }
        return new Seed(appId, keys, rateFiles);
    }

    private static String httpEvent(String method, String routePath, String path, Map<String, String> params,
                                    String body) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", method + " " + routePath);
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        e.putObject("headers").put("content-type", "application/json").put("host", "api.local");
        if (!params.isEmpty()) {
            ObjectNode pp = e.putObject("pathParameters");
            params.forEach(pp::put);
        }
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "bench");
        ctx.put("requestId", "bench-request");
        ctx.put("routeKey", method + " " + routePath);
        ctx.put("stage", "$default");
        ctx.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "bench");
        ctx.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "bench")
                .put("companyId", BENCH_COMPANY).put("roles", "[APPLICANT]");
        if (body != null) {
            e.put("body", body);
        }
        e.put("isBase64Encoded", false);
        return e.toString();
    }

    private static String s3Event(String key, long size) {
        return s3Event(key, size, null);
    }

    private static String s3Event(String key, long size, String eTag) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"eu-central-1\","
                + "\"eventTime\":\"2026-01-15T06:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + LocalSystem.BUCKET + "\","
                + "\"arn\":\"arn:aws:s3:::" + LocalSystem.BUCKET + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":"
                + size + (eTag == null ? "" : ",\"eTag\":\"" + eTag.replace("\"", "") + "\"")
                + ",\"sequencer\":\"0A\"}}}]}";
    }

    /** The two harness classes alone in a jar: class-data sharing accepts only jars on the class path. */
    private static Path harnessJar(Path dir) throws IOException {
        Path jar = dir.resolve("harness.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : List.of(InvokeOnce.class, Hello.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static final String BENCH_COMPANY = "BENCH_CO";
    /** The smallest PDF PDFBox accepts: one empty page. */
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                    + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    /** A central-bank indicative rates file in the public today.xml shape (TRY per unit). */
    private static final byte[] RATES = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Tarih_Date Tarih=\"14.01.2026\" Date=\"01/14/2026\" Bulten_No=\"2026/9\">"
            + "<Currency CrossOrder=\"0\" Kod=\"USD\" CurrencyCode=\"USD\"><Unit>1</Unit><Isim>ABD DOLARI</Isim>"
            + "<CurrencyName>US DOLLAR</CurrencyName><ForexBuying>34.5120</ForexBuying><ForexSelling>34.5742</ForexSelling>"
            + "<BanknoteBuying>34.4878</BanknoteBuying><BanknoteSelling>34.6261</BanknoteSelling><CrossRateUSD/>"
            + "<CrossRateOther/></Currency>"
            + "<Currency CrossOrder=\"9\" Kod=\"EUR\" CurrencyCode=\"EUR\"><Unit>1</Unit><Isim>EURO</Isim>"
            + "<CurrencyName>EURO</CurrencyName><ForexBuying>37.4410</ForexBuying><ForexSelling>37.5085</ForexSelling>"
            + "<BanknoteBuying>37.4148</BanknoteBuying><BanknoteSelling>37.5648</BanknoteSelling>"
            + "<CrossRateUSD/><CrossRateOther>1.0849</CrossRateOther></Currency></Tarih_Date>\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String QUOTE = "{\"programme\":\"DECREE_2015_8\",\"supportItem\":\"ADVERTISING\","
            + "\"applicant\":{\"role\":\"BENEFICIARY\",\"type\":\"IT_COMPANY\",\"sector\":\"IT\",\"hqProvince\":\"PROV_A\"},"
            + "\"activity\":{\"countries\":[\"XA\"],\"start\":\"2025-01-10\",\"end\":\"2025-01-20\",\"preApprovalDate\":null},"
            + "\"filingDate\":\"2025-03-01\",\"expenses\":[{\"id\":\"E1\",\"kind\":\"ADVERTISING\",\"amount\":\"10000.00\","
            + "\"currency\":\"USD\",\"paymentDate\":\"2025-02-01\"}]}";

    /** A JVM to start: class path, main class (and handler), and the events its runs take in turn. */
    private static final class Subject {
        private final String classpath;
        private final String main;
        private final List<Path> events;
        private final Path jar;
        private int next;

        Subject(String classpath, String main, List<Path> events, Path jar) {
            this.classpath = classpath;
            this.main = main;
            this.events = events;
            this.jar = jar;
        }

        Optional<Path> nextEvent() {
            return events.isEmpty() ? Optional.empty() : Optional.of(events.get(next++ % events.size()));
        }
    }

    private record Seed(String applicationId, List<String> objectKeys, List<String[]> rateFiles) { }
}
