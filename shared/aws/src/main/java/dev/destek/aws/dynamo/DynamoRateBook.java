package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import dev.destek.integration.RateBook;
import dev.destek.integration.StoredRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Exchange rates, one item per currency and day:
 * <pre>
 *   entity   pk                 sk            attributes
 *   RATE     RATE#{currency}    {yyyy-MM-dd}  usdPerUnit (string, exact), source, sourceObject
 * </pre>
 * A rate is a fact of its day: writing it again (a replayed file) puts the same item, and a file that stopped half
 * way can only leave some rates absent — a claim then waits for them — never a wrong one.
 */
public final class DynamoRateBook implements RateBook {
    static final String ENTITY_RATE = "RATE";
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    public DynamoRateBook(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    static String ratePk(String currency) {
        return "RATE#" + currency;
    }

    /** Puts the rates (idempotent: same key, same values). */
    public void save(List<StoredRate> rates) {
        for (StoredRate r : rates) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(DestekTable.PK, s(ratePk(r.currency())));
            item.put(DestekTable.SK, s(r.date().toString()));
            item.put("entity", s(ENTITY_RATE));
            item.put("usdPerUnit", s(r.usdPerUnit().toPlainString()));
            item.put("source", s(r.source()));
            if (r.sourceObject() != null) {
                item.put("sourceObject", s(r.sourceObject()));
            }
            dynamo.get().putItem(b -> b.tableName(tableName).item(item));
        }
    }

    @Override
    public List<StoredRate> rates(Set<String> currencies, LocalDate from, LocalDate to) {
        List<StoredRate> out = new ArrayList<>();
        for (String currency : new TreeSet<>(currencies)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#sk", DestekTable.SK))
                        .expressionAttributeValues(Map.of(":pk", s(ratePk(currency)), ":from", s(from.toString()),
                                ":to", s(to.toString())))
                        .consistentRead(true);
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse page = dynamo.get().query(q.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    AttributeValue sourceObject = item.get("sourceObject");
                    out.add(new StoredRate(currency, LocalDate.parse(item.get(DestekTable.SK).s()),
                            new BigDecimal(item.get("usdPerUnit").s()), item.get("source").s(),
                            sourceObject == null ? null : sourceObject.s()));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return out;
    }
}
