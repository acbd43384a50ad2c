package dev.destek.local.bench;

import dev.destek.aws.dynamo.DestekTable;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.emulators.Dynalite;
import dev.destek.reminder.DueReminder;
import dev.destek.reminder.ReminderRun;
import dev.destek.reminder.ReminderService;
import dev.destek.reminder.ReminderSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The daily reminder run over a large table: seeds dynalite with {@code BENCH_APPLICATIONS} applications (default
 * 100,000), each with one deadline and its four reminders (30/7/1 days before, missed), {@code BENCH_DUE} of them
 * (default 1,000) due today, then times one daily run (records, sends to a no-op notifier, marks sent) and counts
 * the items DynamoDB read for it (Query ScannedCount + GetItem), then times the same day's repeated run.
 */
public final class ReminderBenchmark {
    private static final String TABLE = "destek-bench";
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    private ReminderBenchmark() { }

    public static void main(String[] args) throws Exception {
        int applications = Integer.parseInt(System.getenv().getOrDefault("BENCH_APPLICATIONS", "100000"));
        int due = Integer.parseInt(System.getenv().getOrDefault("BENCH_DUE", "1000"));
        try (Dynalite dynalite = Dynalite.builder().start()) {
            AtomicLong itemsRead = new AtomicLong();
            AtomicLong calls = new AtomicLong();
            DynamoDbClient dynamo = DynamoDbClient.builder()
                    .region(Region.EU_CENTRAL_1)
                    .endpointOverride(dynalite.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new CountingInterceptor(itemsRead, calls)))
                    .build();
            DestekTable.create(dynamo, TABLE);
            Instant now = LocalDate.of(2027, 3, 1).atTime(9, 0).atZone(ISTANBUL).toInstant();
            LocalDate today = LocalDate.ofInstant(now, ISTANBUL);

            long seedStart = System.nanoTime();
            long items = seed(dynamo, applications, due, today);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf("seeded %,d items (%,d applications, %,d due today) in %.0f s%n", items, applications,
                    due, seedSeconds);

            DynamoReminderStore store = new DynamoReminderStore(() -> dynamo, TABLE);
            store.advanceWatermark(today.minusDays(1), now);
            AtomicLong sent = new AtomicLong();
            ReminderService service = new ReminderService(store, message -> sent.incrementAndGet(),
                    ReminderSettings.DEFAULTS);

            itemsRead.set(0);
            calls.set(0);
            long start = System.nanoTime();
            ReminderRun run = service.run(now);
            double runMs = (System.nanoTime() - start) / 1e6;
            long read = itemsRead.get();
            long runCalls = calls.get();

            itemsRead.set(0);
            calls.set(0);
            start = System.nanoTime();
            ReminderRun again = service.run(now.plusSeconds(3600));
            double againMs = (System.nanoTime() - start) / 1e6;

            System.out.println();
            System.out.println("| run | due | sent | items read (DynamoDB) | requests | ms | ms per due reminder |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.printf("| daily run, %,d applications | %,d | %,d | %,d | %,d | %.0f | %.2f |%n", applications,
                    run.due(), run.sent(), read, runCalls, runMs, runMs / Math.max(1, run.due()));
            System.out.printf("| same day again | %,d | %,d | %,d | %,d | %.0f | - |%n", again.due(), again.sent(),
                    itemsRead.get(), calls.get(), againMs);
            System.out.printf("%nitems read per due reminder: %.3f (table holds %,d items); a Scan would read all"
                    + " %,d%n", (double) read / Math.max(1, run.due()), items, items);
            if (sent.get() != due) {
                throw new IllegalStateException("expected " + due + " sends, got " + sent.get());
            }
        }
    }

    /** Applications and their reminders, written in batches of 25 on two threads (the machine has two cores). */
    private static long seed(DynamoDbClient dynamo, int applications, int due, LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> parts = new ArrayList<>();
        int threads = 2;
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                long written = 0;
                List<WriteRequest> batch = new ArrayList<>(25);
                for (int i = first; i < applications; i += threads) {
                    String company = "C" + (i % 5_000);
                    String app = "app-" + i;
                    // due today: the 7-day reminder of a deadline a week away; the rest: deadlines 40+ days away
                    LocalDate deadline = i < due ? today.plusDays(7) : today.plusDays(40 + (i % 300));
                    List<Map<String, AttributeValue>> items = new ArrayList<>();
                    items.add(application(company, app));
                    for (String kind : List.of("BEFORE_30", "BEFORE_7", "BEFORE_1", "MISSED")) {
                        int before = kind.equals("MISSED") ? -1 : Integer.parseInt(kind.substring(7));
                        items.add(DynamoReminderStore.scheduledItem(new DueReminder(company, app, "T42",
                                "Art. 34(1), 34(5)", "E1", deadline, deadline.minusDays(before), kind,
                                "Claim within 1 year of the payment date (value date if shown, 36(4))",
                                "Payment documents not submitted in time are not considered (34(5))",
                                "Başvuru ödeme tarihinden itibaren 1 yıl içinde yapılmalı (gösteriliyorsa valör tarihi,"
                                        + " 36(4))",
                                "Süresinde sunulmayan ödeme belgeleri dikkate alınmaz (34(5))")));
                    }
                    for (Map<String, AttributeValue> item : items) {
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                        if (batch.size() == 25) {
                            written += write(dynamo, batch);
                            batch = new ArrayList<>(25);
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    written += write(dynamo, batch);
                }
                return written;
            }));
        }
        long total = 0;
        for (Future<Long> part : parts) {
            total += part.get();
        }
        pool.shutdown();
        return total;
    }

    /** An application item as the repository stores it (the fields the run never reads are left out). */
    private static Map<String, AttributeValue> application(String company, String app) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, AttributeValue.fromS("COMPANY#" + company));
        item.put(DestekTable.SK, AttributeValue.fromS("APP#" + app));
        item.put("entity", AttributeValue.fromS("APPLICATION"));
        item.put("id", AttributeValue.fromS(app));
        item.put("companyId", AttributeValue.fromS(company));
        item.put("supportItem", AttributeValue.fromS("ADVERTISING"));
        item.put("status", AttributeValue.fromS("DRAFT"));
        item.put("createdAt", AttributeValue.fromS("2026-03-01T09:00:00Z"));
        return item;
    }

    private static long write(DynamoDbClient dynamo, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            pending = pending.isEmpty() || pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
        }
        return batch.size();
    }

    /** Counts what DynamoDB read: items a Query or Scan examined, and items a GetItem returned. */
    private record CountingInterceptor(AtomicLong itemsRead, AtomicLong calls) implements ExecutionInterceptor {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
            Object response = context.response();
            if (response instanceof QueryResponse q) {
                itemsRead.addAndGet(q.scannedCount());
            } else if (response instanceof ScanResponse s) {
                itemsRead.addAndGet(s.scannedCount());
            } else if (response instanceof GetItemResponse g && g.hasItem()) {
                itemsRead.incrementAndGet();
            }
        }
    }
}
