package dev.destek.aws.dynamo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.destek.claim.ClaimRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The append-only, versioned event streams of the claims and the pre-approvals: one partition per stream, one item
 * per version ({@code EV#{version:06}}), each put once with {@code attribute_not_exists} — the put on the next version
 * is the change, its audit record and the optimistic lock at once, with no transaction (dynalite has none).
 */
final class EventStream {
    static final String EVENT_PREFIX = "EV#";
    /** How an event's values (the claim before/after, a pre-approval event) are written into its item. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    EventStream(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    static String eventSk(long version) {
        return EVENT_PREFIX + String.format("%06d", version);
    }

    /** GSI1 sort key of an event: an application's events together, in time order. */
    static String auditSk(String applicationId, Instant at, String streamId, long version) {
        return applicationId + "#" + at + "#" + streamId + "#" + String.format("%06d", version);
    }

    /** Puts the event item once; a taken version is the other writer's win. */
    void append(Map<String, AttributeValue> item, String streamId, long version) {
        try {
            dynamo.get().putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DestekTable.PK)));
        } catch (ConditionalCheckFailedException taken) {
            throw new ClaimRepository.VersionConflictException(streamId, version);
        }
    }

    /** The stream's events, oldest first, read consistently. */
    QueryRequest.Builder events(String pk) {
        return QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :ev)")
                .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#sk", DestekTable.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.builder().s(pk).build(),
                        ":ev", AttributeValue.builder().s(EVENT_PREFIX).build()))
                .consistentRead(true);
    }
}
