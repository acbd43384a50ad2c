package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import dev.destek.integration.CompanyDebts;
import dev.destek.integration.DebtLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Debt snapshots per company, and the file they came from:
 * <pre>
 *   entity        pk                     sk                            attributes
 *   DEBTS         COMPANY#{companyId}    DEBTS#{asOf}#{fileId}         currency, tax*, socialSecurity*, sourceObject
 *   INTEGRATION   INTEGRATION#{fileId}   FILE                          status (INGESTED once every row is written)
 * </pre>
 * A file's rows are written first and the file is marked INGESTED last (by {@link #save}, or as the ingestion record
 * of {@link DynamoIngestionStore}); {@link #latest} skips rows of files that are not, so a file that stopped half
 * way is never seen in part (a retry rewrites the same rows and completes it).
 */
public final class DynamoDebtLedger implements DebtLedger {
    static final String ENTITY_DEBTS = "DEBTS";
    /** The file item's status once every row is stored; a REJECTED file never has rows. */
    static final String INGESTED = "INGESTED";
    private static final int SNAPSHOTS_READ = 10;
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    public DynamoDebtLedger(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    static Map<String, AttributeValue> fileKey(String fileId) {
        return Map.of(DestekTable.PK, s("INTEGRATION#" + fileId), DestekTable.SK, s("FILE"));
    }

    /** Writes the rows of one file (idempotent), then marks the file INGESTED. */
    public void save(String fileId, List<CompanyDebts> rows) {
        writeRows(fileId, rows);
        dynamo.get().updateItem(b -> b.tableName(tableName).key(fileKey(fileId))
                .updateExpression("SET #status = :ingested")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":ingested", s(INGESTED))));
    }

    /** The rows alone (idempotent): invisible to {@link #latest} until the file item says INGESTED. */
    void writeRows(String fileId, List<CompanyDebts> rows) {
        for (CompanyDebts d : rows) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(DestekTable.PK, s(ApplicationItemMapper.companyPk(d.companyId())));
            item.put(DestekTable.SK, s("DEBTS#" + d.asOf() + "#" + fileId));
            item.put("entity", s(ENTITY_DEBTS));
            item.put("companyId", s(d.companyId()));
            item.put("asOf", s(d.asOf().toString()));
            item.put("currency", s(d.currency()));
            item.put("fileId", s(fileId));
            if (d.sourceObject() != null) {
                item.put("sourceObject", s(d.sourceObject()));
            }
            put(item, "tax", d.tax());
            put(item, "socialSecurity", d.socialSecurity());
            dynamo.get().putItem(b -> b.tableName(tableName).item(item));
        }
    }

    @Override
    public Optional<CompanyDebts> latest(String companyId) {
        QueryResponse page = dynamo.get().query(b -> b.tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :debts)")
                .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#sk", DestekTable.SK))
                .expressionAttributeValues(Map.of(":pk", s(ApplicationItemMapper.companyPk(companyId)),
                        ":debts", s("DEBTS#")))
                .scanIndexForward(false).limit(SNAPSHOTS_READ).consistentRead(true));
        for (Map<String, AttributeValue> item : page.items()) {
            Map<String, AttributeValue> file = dynamo.get().getItem(b -> b.tableName(tableName)
                    .key(fileKey(item.get("fileId").s())).consistentRead(true)).item();
            if (file != null && file.containsKey("status") && INGESTED.equals(file.get("status").s())) {
                AttributeValue sourceObject = item.get("sourceObject");
                return Optional.of(new CompanyDebts(companyId, LocalDate.parse(item.get("asOf").s()),
                        item.get("currency").s(), debt(item, "tax"), debt(item, "socialSecurity"),
                        sourceObject == null ? null : sourceObject.s()));
            }
        }
        return Optional.empty();
    }

    private static void put(Map<String, AttributeValue> item, String prefix, CompanyDebts.Debt d) {
        item.put(prefix + "Amount", s(d.amount().toPlainString()));
        item.put(prefix + "Overdue", AttributeValue.builder().bool(d.overdue()).build());
        item.put(prefix + "Restructured", AttributeValue.builder().bool(d.restructured()).build());
        item.put(prefix + "RestructuringComplied", AttributeValue.builder().bool(d.restructuringComplied()).build());
    }

    private static CompanyDebts.Debt debt(Map<String, AttributeValue> item, String prefix) {
        return new CompanyDebts.Debt(new BigDecimal(item.get(prefix + "Amount").s()),
                item.get(prefix + "Overdue").bool(), item.get(prefix + "Restructured").bool(),
                item.get(prefix + "RestructuringComplied").bool());
    }
}
