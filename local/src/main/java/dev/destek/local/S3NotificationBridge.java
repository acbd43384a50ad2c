package dev.destek.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.destek.observability.JsonLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns objects the emulator really stored into S3 event notifications for one function (validation,
 * integrations), the way S3 + Lambda do it: only for the configured bucket and key filters (prefix and
 * suffix, as the template's notification rules), delivered asynchronously,
 * and retried twice when the function fails (Lambda's asynchronous-invocation policy, with shorter
 * pauses). Keys are form-encoded in the event as S3 encodes them.
 */
final class S3NotificationBridge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog LOG = JsonLog.of(S3NotificationBridge.class);
    private static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final String bucket;
    private final List<KeyFilter> filters;
    private final String configurationId;
    private final String region;
    private final LocalLambda target;
    private final Clock clock;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "s3-notifications");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong inFlight = new AtomicLong();

    /** One S3 notification rule: keys starting with {@code prefix} and ending with {@code suffix} ("" = any). */
    record KeyFilter(String prefix, String suffix) {
        boolean matches(String key) {
            return key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    S3NotificationBridge(String bucket, String prefix, String region, LocalLambda target, Clock clock) {
        this(bucket, List.of(new KeyFilter(prefix, "")), "ValidationFunctionUpload", region, target, clock);
    }

    S3NotificationBridge(String bucket, List<KeyFilter> filters, String configurationId, String region,
                         LocalLambda target, Clock clock) {
        this.bucket = bucket;
        this.filters = List.copyOf(filters);
        this.configurationId = configurationId;
        this.region = region;
        this.target = target;
        this.clock = clock;
    }

    void objectCreated(NotifyingBlobStore.ObjectCreated object) {
        if (!bucket.equals(object.bucket()) || filters.stream().noneMatch(f -> f.matches(object.key()))) {
            return;
        }
        String event = event(object);
        inFlight.incrementAndGet();
        delivery.execute(() -> {
            try {
                deliver(event, object.key());
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Events accepted but not yet delivered (or given up on). */
    long inFlight() {
        return inFlight.get();
    }

    private void deliver(String event, String key) {
        for (int attempt = 0; ; attempt++) {
            try {
                target.invoke(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= RETRY_PAUSES.size()) {
                    // Lambda would now send the event to the function's on-failure destination
                    LOG.error("S3 event dropped after retries", Map.of("key", key), e);
                    return;
                }
                sleep(RETRY_PAUSES.get(attempt));
            }
        }
    }

    private String event(NotifyingBlobStore.ObjectCreated object) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        ObjectNode r = records.addObject();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", region);
        r.put("eventTime", clock.instant().toString());
        r.put("eventName", object.eventName());
        r.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = r.putObject("responseElements");
        response.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        response.put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode b = s3.putObject("bucket");
        b.put("name", object.bucket());
        b.putObject("ownerIdentity").put("principalId", "LOCAL");
        b.put("arn", "arn:aws:s3:::" + object.bucket());
        ObjectNode o = s3.putObject("object");
        o.put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        o.put("size", object.size());
        o.put("eTag", object.eTag());
        if (object.versionId() != null) {
            o.put("versionId", object.versionId());
        }
        o.put("sequencer", Long.toHexString(sequencer.incrementAndGet()).toUpperCase());
        return root.toString();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
