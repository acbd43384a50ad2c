package dev.destek.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.destek.aws.AwsAdapters;
import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.aws.dynamo.DestekTable;
import dev.destek.document.DocumentKeys;
import dev.destek.integration.IntegrationObject;
import dev.destek.observability.JsonLog;
import dev.destek.emulators.Dynalite;
import dev.destek.emulators.S3ProxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The whole stack on one machine: dynalite and S3Proxy as the AWS services, the real handlers as
 * functions, and local stand-ins for API Gateway, S3 notifications and EventBridge Scheduler.
 */
public final class LocalSystem implements AutoCloseable {
    public static final String TABLE = "destek";
    public static final String BUCKET = "destek-documents";
    public static final String REGION = "eu-central-1";
    /** The daily reminder run, as the template's schedule: 09:00 in Turkey. */
    static final ZoneId SCHEDULE_ZONE = ZoneId.of("Europe/Istanbul");
    static final LocalTime SCHEDULE_TIME = LocalTime.of(9, 0);
    /** The From address of reminder e-mails locally; they land in the local SES outbox. */
    static final String SENDER = "reminders@destek.local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog LOG = JsonLog.of(LocalSystem.class);

    private final List<AutoCloseable> resources;
    private final HttpServer server;
    private final TokenIssuer tokens;
    private final S3ProxyServer s3;
    private final List<S3NotificationBridge> notifications;
    private final Map<String, String> functionEnv;

    private LocalSystem(List<AutoCloseable> resources, HttpServer server, TokenIssuer tokens, S3ProxyServer s3,
                        List<S3NotificationBridge> notifications, Map<String, String> functionEnv) {
        this.resources = resources;
        this.server = server;
        this.tokens = tokens;
        this.s3 = s3;
        this.notifications = notifications;
        this.functionEnv = functionEnv;
    }

    /**
     * @param port     the API's port (0 = any free port)
     * @param s3Port   the S3 emulator's port, which presigned URLs point at (0 = any free port)
     * @param stateDir where data survives restarts; {@code null} keeps everything in memory (tests)
     */
    public static LocalSystem start(int port, int s3Port, Path stateDir, Clock clock) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Dynalite.Builder dynaliteBuilder = Dynalite.builder();
            if (stateDir != null) {
                dynaliteBuilder.persistTo(stateDir.resolve("dynamodb"));
            }
            Dynalite dynalite = dynaliteBuilder.start();
            resources.add(dynalite);

            LocalLambda[] validation = new LocalLambda[1];
            // [0] uploads/ -> validation, [1] integrations/ -> integrations, as the template's S3 events
            S3NotificationBridge[] bridge = new S3NotificationBridge[2];
            S3ProxyServer.Builder s3Builder = S3ProxyServer.builder()
                    .decorate(store -> new NotifyingBlobStore(store, created -> {
                        bridge[0].objectCreated(created);
                        bridge[1].objectCreated(created);
                    }));
            if (s3Port != 0) {
                s3Builder.port(s3Port);
            }
            if (stateDir != null) {
                s3Builder.filesystem(stateDir.resolve("s3"));
            }
            S3ProxyServer s3 = s3Builder.start();
            resources.add(0, s3);

            LocalSes ses = LocalSes.start(stateDir);
            resources.add(0, ses);
            Map<String, String> withSes = new LinkedHashMap<>(functionEnvironment(dynalite, s3));
            withSes.put(AwsAdapters.SENDER_ADDRESS, SENDER);
            withSes.put(AwsAdapters.SES_ENDPOINT, ses.endpoint().toString());
            Map<String, String> env = Map.copyOf(withSes);
            provision(env);

            ApiRoutes routes = ApiRoutes.fromTemplate(ApiRoutes.locateTemplate());
            Map<String, LocalLambda> functions = new LinkedHashMap<>();
            for (ApiRoutes.ApiRoute route : routes.all()) {
                functions.computeIfAbsent(route.handlerClass(), h -> LocalLambda.of(h, env));
            }
            validation[0] = LocalLambda.of("dev.destek.validation.ValidationHandler", env);
            LocalLambda reminders = LocalLambda.of("dev.destek.reminders.RemindersHandler", env);
            bridge[0] = new S3NotificationBridge(BUCKET, List.of(
                    new S3NotificationBridge.KeyFilter(DocumentKeys.UPLOADS, ""),
                    new S3NotificationBridge.KeyFilter(DocumentKeys.INBOX, "")),
                    "ValidationFunctionDocuments", REGION, validation[0], clock);
            resources.add(0, bridge[0]);
            bridge[1] = new S3NotificationBridge(BUCKET, List.of(
                    new S3NotificationBridge.KeyFilter(IntegrationObject.RATES_PREFIX, IntegrationObject.RATES_SUFFIX),
                    new S3NotificationBridge.KeyFilter(IntegrationObject.DEBTS_PREFIX, IntegrationObject.DEBTS_SUFFIX)),
                    "IntegrationsFunctionFiles", REGION,
                    LocalLambda.of("dev.destek.integrations.IntegrationsHandler", env), clock);
            resources.add(0, bridge[1]);

            TokenIssuer tokens = stateDir == null ? TokenIssuer.ephemeral(clock)
                    : TokenIssuer.persistent(stateDir.resolve("jwt-signing-key.json"), clock);
            Map<String, HttpHandler> local = new LinkedHashMap<>();
            local.put("POST /_local/tokens", exchange -> mintToken(exchange, tokens));
            local.put("GET /_local/jwks.json", exchange -> LocalGateway.write(exchange, 200,
                    tokens.jwks().getBytes(StandardCharsets.UTF_8)));
            local.put("POST /_local/schedules/reminders", exchange -> runReminders(exchange, reminders, clock));
            local.put("GET /_local/outbox", exchange -> {
                exchange.getResponseHeaders().set("content-type", "application/json");
                LocalGateway.write(exchange, 200, JSON.createObjectNode().set("items", ses.messages()).toString()
                        .getBytes(StandardCharsets.UTF_8));
            });

            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService workers = Executors.newFixedThreadPool(8);
            server.setExecutor(workers);
            server.createContext("/", new LocalGateway(routes, functions, tokens, local, clock));
            server.start();
            resources.add(0, () -> {
                server.stop(0);
                workers.shutdownNow();
            });
            resources.add(0, scheduleDailyReminders(reminders, clock));
            return new LocalSystem(resources, server, tokens, s3, List.of(bridge), env);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw new IllegalStateException("The local system did not start: " + e.getMessage(), e);
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    /** The environment every function sees (endpoints, table, bucket, emulator credentials). */
    public Map<String, String> functionEnvironment() {
        return Map.copyOf(functionEnv);
    }

    /** S3 events accepted but not yet delivered to the validation or integrations function. */
    public long pendingNotifications() {
        return notifications.stream().mapToLong(S3NotificationBridge::inFlight).sum();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /** What every function sees: the emulators' endpoints and credentials, the table and the bucket. */
    public static Map<String, String> functionEnvironment(Dynalite dynalite, S3ProxyServer s3) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(AwsSettings.REGION, REGION);
        env.put(AwsSettings.TABLE_NAME, TABLE);
        env.put(AwsSettings.BUCKET_NAME, BUCKET);
        env.put(AwsSettings.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
        env.put(AwsSettings.S3_ENDPOINT, s3.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", s3.identity());
        env.put("AWS_SECRET_ACCESS_KEY", s3.credential());
        env.put("POWERTOOLS_SERVICE_NAME", "destek-local");
        return Map.copyOf(env);
    }

    /** Creates the table and the bucket the SAM template would, unless they exist (state kept in .local/). */
    public static void provision(Map<String, String> env) {
        AwsSettings settings = AwsSettings.fromEnv(env);
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings, AwsClients.credentials(env));
             S3Client s3 = AwsClients.s3(settings, AwsClients.credentials(env))) {
            try {
                dynamo.describeTable(b -> b.tableName(settings.tableName()));
            } catch (ResourceNotFoundException e) {
                DestekTable.create(dynamo, settings.tableName());
            }
            try {
                s3.headBucket(b -> b.bucket(settings.bucketName()));
            } catch (NoSuchBucketException e) {
                try {
                    s3.createBucket(b -> b.bucket(settings.bucketName()));
                } catch (BucketAlreadyOwnedByYouException raced) {
                    // created meanwhile: fine
                }
            }
        }
    }

    private static void mintToken(HttpExchange exchange, TokenIssuer tokens) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            LocalGateway.problem(exchange, 400, "malformed-request", "Send {\"sub\", \"companyId\", \"roles\": [...]}");
            return;
        }
        if (body == null || !body.path("sub").isTextual() || !body.path("companyId").isTextual()
                || body.path("sub").asText().isBlank() || body.path("companyId").asText().isBlank()) {
            LocalGateway.problem(exchange, 422, "invalid-request", "sub and companyId are required strings");
            return;
        }
        List<String> roles = new ArrayList<>();
        body.path("roles").forEach(r -> roles.add(r.asText()));
        TokenIssuer.Token token = tokens.mint(body.get("sub").asText(), body.get("companyId").asText(), roles);
        ObjectNode out = JSON.createObjectNode();
        out.put("token", token.token());
        out.put("expiresAt", token.expiresAt().toString());
        exchange.getResponseHeaders().set("content-type", "application/json");
        LocalGateway.write(exchange, 201, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void runReminders(HttpExchange exchange, LocalLambda reminders, Clock clock)
            throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Instant now = clock.instant();
        if (raw.length > 0) {
            try {
                JsonNode body = JSON.readTree(raw);
                if (body != null && body.hasNonNull("now")) {
                    now = Instant.parse(body.get("now").asText());
                }
            } catch (IOException | RuntimeException e) {
                LocalGateway.problem(exchange, 400, "malformed-request",
                        "Send {\"now\": \"2026-01-31T06:00:00Z\"} (an ISO-8601 instant) or no body");
                return;
            }
        }
        String result = reminders.invoke(JSON.createObjectNode().put("now", now.toString()).toString());
        exchange.getResponseHeaders().set("content-type", "application/json");
        LocalGateway.write(exchange, 200, result.getBytes(StandardCharsets.UTF_8));
    }

    /** EventBridge Scheduler's daily rule; the function receives the run time as {@code now}. */
    private static AutoCloseable scheduleDailyReminders(LocalLambda reminders, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-scheduler");
            t.setDaemon(true);
            return t;
        });
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(SCHEDULE_ZONE));
            ZonedDateTime at = now.with(SCHEDULE_TIME);
            if (!at.isAfter(now)) {
                at = at.plusDays(1);
            }
            scheduler.schedule(() -> {
                try {
                    reminders.invoke(JSON.createObjectNode().put("now", clock.instant().toString()).toString());
                } catch (RuntimeException e) {
                    LOG.error("scheduled reminder run failed", Map.of(), e);
                }
                next[0].run();
            }, Duration.between(now, at).toMillis(), TimeUnit.MILLISECONDS);
        };
        next[0].run();
        return scheduler::shutdownNow;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("could not close", Map.of("resource", r.getClass().getSimpleName(), "error", e.toString()));
            }
        }
    }
}
