package dev.destek.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.local.LocalSystem;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench coldstart}: for each function, the time from starting a fresh JVM on the function's own
 * deployable jar to the handler's response to one real event that makes real DynamoDB/S3 calls against
 * the emulators, next to a bare hello-world JVM measured in the same run. Median of N interleaved runs.
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
        String harness = Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String serialization = Files.readString(root.resolve("local/target/classpath.txt")).lines()
                .flatMap(l -> List.of(l.split(File.pathSeparator)).stream())
                .filter(p -> p.contains("aws-lambda-java-serialization")).findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-serialization not on the class path"));

        try (LocalSystem system = LocalSystem.start(0, 0, null, Clock.systemUTC())) {
            Seed seed = seed(system);
            Map<String, Subject> subjects = new LinkedHashMap<>();
            subjects.put("hello-world", new Subject(harness, Hello.class.getName(), null));
            subjects.put("upload", function(root, "upload", "dev.destek.upload.UploadHandler", harness, serialization,
                    write(work, "upload.json", httpEvent("GET", "/v1/applications/{id}",
                            "/v1/applications/" + seed.applicationId, Map.of("id", seed.applicationId), null))));
            subjects.put("validation", function(root, "validation", "dev.destek.validation.ValidationHandler", harness,
                    serialization, write(work, "validation.json", s3Event(seed.objectKey, seed.size))));
            subjects.put("reminders", function(root, "reminders", "dev.destek.reminders.RemindersHandler", harness,
                    serialization, write(work, "reminders.json", "{\"now\":\"2026-01-15T06:00:00Z\"}")));
            subjects.put("payout", function(root, "payout", "dev.destek.payout.PayoutHandler", harness, serialization,
                    write(work, "payout.json", httpEvent("POST", "/v1/quotes", "/v1/quotes", Map.of(), QUOTE))));

            Map<String, List<Double>> times = new LinkedHashMap<>();
            subjects.keySet().forEach(k -> times.put(k, new ArrayList<>()));
            for (int run = 0; run < runs; run++) {
                for (Map.Entry<String, Subject> s : subjects.entrySet()) {
                    times.get(s.getKey()).add(time(s.getValue(), system.functionEnvironment()));
                }
            }
            System.out.println(report(subjects, times, runs, root));
        }
    }

    private static Subject function(Path root, String name, String handler, String harness, String serialization,
                                    Path event) {
        Path jar = root.resolve("functions/" + name + "/target/" + name + "-function.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q install -DskipTests");
        }
        return new Subject(jar + File.pathSeparator + harness + File.pathSeparator + serialization,
                InvokeOnce.class.getName() + " " + handler + " " + event, jar);
    }

    private static double time(Subject subject, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(subject.classpath);
        cmd.addAll(List.of(subject.mainAndArgs.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                    break;
                }
                output.append(line).append('\n');
            }
        }
        long elapsed = System.nanoTime() - start;
        p.waitFor(30, TimeUnit.SECONDS);
        if (result == null || result.contains("\"statusCode\":5")) {
            throw new IllegalStateException("No good response from " + subject.mainAndArgs + ":\n" + output + result);
        }
        return elapsed / 1e6;
    }

    private static String report(Map<String, Subject> subjects, Map<String, List<Double>> times, int runs, Path root)
            throws IOException {
        double hello = median(times.get("hello-world"));
        StringBuilder sb = new StringBuilder();
        sb.append("Cold start, JVM start to handler response, median of ").append(runs).append(" runs (")
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, flags ").append(String.join(" ", JVM_FLAGS)).append(")\n\n");
        sb.append("| subject | jar size | median ms | min ms | max ms | x hello-world |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            Path jar = subjects.get(e.getKey()).jar;
            String size = jar == null ? "-" : String.format("%.1f MB", Files.size(jar) / 1e6);
            double med = median(e.getValue());
            sb.append(String.format("| %s | %s | %.0f | %.0f | %.0f | %.1f |%n", e.getKey(), size, med,
                    Collections.min(e.getValue()), Collections.max(e.getValue()), med / hello));
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

    /** One application with one uploaded PDF, made through the running system's own API. */
    private static Seed seed(LocalSystem system) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = system.tokens().mint("bench", BENCH_COMPANY, List.of("APPLICANT")).token();
        JsonNode app = call(http, system.baseUri().resolve("/v1/applications"), token, "{\"supportItem\":\"ADVERTISING\"}");
        String appId = app.get("id").asText();
        String docType = app.get("checklist").get(0).get("documentType").asText();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        JsonNode ticket = call(http, system.baseUri().resolve("/v1/applications/" + appId + "/documents"), token,
                JSON.createObjectNode().put("documentType", docType).put("fileName", "bench.pdf")
                        .put("contentType", "application/pdf").put("sizeBytes", pdf.length).put("sha256", sha).toString());
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.at("/upload/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        ticket.at("/upload/headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> stored = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("Seed upload failed: " + stored.statusCode() + " " + stored.body());
        }
        return new Seed(appId, "uploads/" + BENCH_COMPANY + "/" + appId + "/" + ticket.at("/document/id").asText(),
                pdf.length);
    }

    private static JsonNode call(HttpClient http, URI uri, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
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
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"eu-central-1\","
                + "\"eventTime\":\"2026-01-15T06:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + LocalSystem.BUCKET + "\","
                + "\"arn\":\"arn:aws:s3:::" + LocalSystem.BUCKET + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":"
                + size + ",\"sequencer\":\"0A\"}}}]}";
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static final String BENCH_COMPANY = "BENCH_CO";
    private static final String QUOTE = "{\"programme\":\"DECREE_2015_8\",\"supportItem\":\"ADVERTISING\","
            + "\"applicant\":{\"role\":\"BENEFICIARY\",\"type\":\"IT_COMPANY\",\"sector\":\"IT\",\"hqProvince\":\"PROV_A\"},"
            + "\"activity\":{\"countries\":[\"XA\"],\"start\":\"2025-01-10\",\"end\":\"2025-01-20\",\"preApprovalDate\":null},"
            + "\"filingDate\":\"2025-03-01\",\"expenses\":[{\"id\":\"E1\",\"kind\":\"ADVERTISING\",\"amount\":\"10000.00\","
            + "\"currency\":\"USD\",\"paymentDate\":\"2025-02-01\"}]}";

    private record Subject(String classpath, String mainAndArgs, Path jar) { }

    private record Seed(String applicationId, String objectKey, long size) { }
}
