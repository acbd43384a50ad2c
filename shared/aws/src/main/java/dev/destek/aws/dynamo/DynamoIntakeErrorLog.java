package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.PK;
import static dev.destek.aws.dynamo.ApplicationItemMapper.SK;
import static dev.destek.aws.dynamo.ApplicationItemMapper.s;
import static dev.destek.aws.dynamo.ApplicationItemMapper.string;

import dev.destek.intake.IntakeError;
import dev.destek.intake.IntakeErrorLog;
import dev.destek.lambda.InBackground;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Refused inbox drops, one item each in one partition of their own (they belong to no company an applicant could
 * read, and an unknown company has no partition):
 * <pre>
 *   entity         pk              sk              attributes
 *   INTAKE_ERROR   INTAKE_ERRORS   ERR#{errorId}   code, detail, objectKey, objectVersion, quarantineKey,
 *                                                  companyId, applicationId, occurredAt
 * </pre>
 * The sort key is the error's id (from the object key and version), so a replayed event's put fails its
 * {@code attribute_not_exists} condition instead of adding a second item. Listing reads the partition and sorts by
 * time: refused drops are rare and administrators page through few of them.
 */
public final class DynamoIntakeErrorLog implements IntakeErrorLog {
    static final String PARTITION = "INTAKE_ERRORS";
    static final String ENTITY_INTAKE_ERROR = "INTAKE_ERROR";
    static final String CODE = "code";
    static final String DETAIL = "detail";
    static final String OBJECT_KEY = "objectKey";
    static final String OBJECT_VERSION = "objectVersion";
    static final String QUARANTINE_KEY = "quarantineKey";
    static final String OCCURRED_AT = "occurredAt";

    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public DynamoIntakeErrorLog(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public boolean record(IntakeError error) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(PARTITION));
        item.put(SK, s("ERR#" + error.id()));
        item.put(ApplicationItemMapper.ENTITY, s(ENTITY_INTAKE_ERROR));
        item.put(ApplicationItemMapper.ID, s(error.id()));
        item.put(CODE, s(error.code()));
        put(item, DETAIL, error.detail());
        item.put(OBJECT_KEY, s(error.objectKey()));
        put(item, OBJECT_VERSION, error.objectVersion());
        put(item, QUARANTINE_KEY, error.quarantineKey());
        put(item, ApplicationItemMapper.COMPANY_ID, error.companyId());
        put(item, ApplicationItemMapper.APPLICATION_ID, error.applicationId());
        item.put(OCCURRED_AT, s(error.occurredAt().toString()));
        try {
            dynamo.get().putItem(request -> request.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(" + PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException replayed) {
            return false;
        }
    }

    @Override
    public List<IntakeError> recent(int limit) {
        return dynamo.get().queryPaginator(request -> request.tableName(tableName)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION))))
                .items().stream()
                .map(DynamoIntakeErrorLog::toError)
                .sorted(Comparator.comparing(IntakeError::occurredAt).thenComparing(IntakeError::id).reversed())
                .limit(limit)
                .toList();
    }

    private static IntakeError toError(Map<String, AttributeValue> item) {
        return new IntakeError(string(item, ApplicationItemMapper.ID), string(item, CODE), string(item, DETAIL),
                string(item, OBJECT_KEY), string(item, OBJECT_VERSION), string(item, QUARANTINE_KEY),
                string(item, ApplicationItemMapper.COMPANY_ID), string(item, ApplicationItemMapper.APPLICATION_ID),
                Instant.parse(string(item, OCCURRED_AT)));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
