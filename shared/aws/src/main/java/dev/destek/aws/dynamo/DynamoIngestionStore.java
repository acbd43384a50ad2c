package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import dev.destek.integration.CompanyDebts;
import dev.destek.integration.IngestionRecord;
import dev.destek.integration.IngestionStatus;
import dev.destek.integration.IngestionStore;
import dev.destek.integration.IntegrationKind;
import dev.destek.integration.StoredRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Integration files' ingestion records, on the file item the debt ledger already keys by file:
 * <pre>
 *   entity        pk                     sk     attributes
 *   INTEGRATION   INTEGRATION#{fileId}   FILE   status (INGESTED|REJECTED), kind, objectKey, eTag, stored, skipped,
 *                                               errors, reportKey, dataDate, recordedAt
 * </pre>
 * Rows first (rates through {@link DynamoRateBook}, debts through {@link DynamoDebtLedger}), the record last; the
 * record is put only if the file has none yet, so two deliveries racing each other leave the first one's record.
 * No transaction: dynalite has none, and none is needed — the debt reader ignores rows of unrecorded files, and a
 * rate row is the same fact whichever delivery writes it.
 */
public final class DynamoIngestionStore implements IngestionStore {
    static final String ENTITY_INTEGRATION = "INTEGRATION";
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;
    private final DynamoRateBook rates;
    private final DynamoDebtLedger debts;

    public DynamoIngestionStore(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.rates = new DynamoRateBook(dynamo, tableName);
        this.debts = new DynamoDebtLedger(dynamo, tableName);
    }

    @Override
    public Optional<IngestionRecord> find(String fileId) {
        Map<String, AttributeValue> item = dynamo.get().getItem(b -> b.tableName(tableName)
                .key(DynamoDebtLedger.fileKey(fileId)).consistentRead(true)).item();
        if (item == null || !item.containsKey("status") || !item.containsKey("kind")) {
            return Optional.empty(); // no record, or a file saved directly through the ledger (tests, tools)
        }
        return Optional.of(new IngestionRecord(fileId, item.get("objectKey").s(), item.get("eTag").s(),
                IntegrationKind.valueOf(item.get("kind").s()), IngestionStatus.valueOf(item.get("status").s()),
                number(item, "stored"), number(item, "skipped"), number(item, "errors"), text(item, "reportKey"),
                item.containsKey("dataDate") ? LocalDate.parse(item.get("dataDate").s()) : null,
                Instant.parse(item.get("recordedAt").s())));
    }

    @Override
    public void ingestedRates(IngestionRecord record, List<StoredRate> stored) {
        rates.save(stored);
        put(record);
    }

    @Override
    public void ingestedDebts(IngestionRecord record, List<CompanyDebts> rows) {
        debts.writeRows(record.fileId(), rows);
        put(record);
    }

    @Override
    public void rejected(IngestionRecord record) {
        put(record);
    }

    private void put(IngestionRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDebtLedger.fileKey(r.fileId()));
        item.put("entity", s(ENTITY_INTEGRATION));
        item.put("fileId", s(r.fileId()));
        item.put("objectKey", s(r.key()));
        item.put("eTag", s(r.eTag()));
        item.put("kind", s(r.kind().name()));
        item.put("status", s(r.status().name()));
        item.put("stored", n(r.stored()));
        item.put("skipped", n(r.skipped()));
        item.put("errors", n(r.errors()));
        if (r.reportKey() != null) {
            item.put("reportKey", s(r.reportKey()));
        }
        if (r.dataDate() != null) {
            item.put("dataDate", s(r.dataDate().toString()));
        }
        item.put("recordedAt", s(r.recordedAt().toString()));
        try {
            dynamo.get().putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#status)")
                    .expressionAttributeNames(Map.of("#status", "status")));
        } catch (ConditionalCheckFailedException recordedMeanwhile) {
            // a duplicate delivery of the same object recorded it first, from the same bytes: keep that record
        }
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue n(int value) {
        return AttributeValue.builder().n(Integer.toString(value)).build();
    }
}
