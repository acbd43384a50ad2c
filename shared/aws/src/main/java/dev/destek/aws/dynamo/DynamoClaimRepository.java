package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.claim.Claim;
import dev.destek.claim.ClaimEvent;
import dev.destek.claim.ClaimRepository;
import dev.destek.claim.ClaimState;
import dev.destek.tenancy.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Claims as an append-only stream of events, plus a projection for the reviewer queue:
 * <pre>
 *   entity        pk              sk              GSI1PK               GSI1SK
 *   CLAIM_EVENT   CLAIM#{id}      EV#{version:06} AUDIT#{companyId}    {applicationId}#{at}#{id}#{version:06}
 *   CLAIM_STATE   CLAIM#{id}      STATE           QUEUE#CLAIMS (only while waiting for a reviewer)  {since}#{id}
 * </pre>
 * An event is put with {@code attribute_not_exists(pk)}: it is written once or not at all, so the conditional put on
 * the next version is both the optimistic lock and the audit record, without a transaction (dynalite has none). The
 * projection is written after, only forward ({@code version < :v}); if a function dies in between, the next change
 * of the claim rewrites it, and it can be rebuilt from the latest event at any time. Reads of a claim never use it.
 * Nothing here updates or deletes an event, and the claims function's IAM policy has no DeleteItem.
 */
public final class DynamoClaimRepository implements ClaimRepository {
    static final String ENTITY_EVENT = "CLAIM_EVENT";
    static final String ENTITY_STATE = "CLAIM_STATE";
    static final String QUEUE = "QUEUE#CLAIMS";
    private static final ObjectMapper JSON = EventStream.JSON;
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;
    private final EventStream stream;

    public DynamoClaimRepository(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.stream = new EventStream(dynamo, tableName);
    }

    static String claimPk(String claimId) {
        return "CLAIM#" + claimId;
    }

    static String eventSk(long version) {
        return EventStream.eventSk(version);
    }

    @Override
    public void append(ClaimEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s(claimPk(e.claimId())));
        item.put(DestekTable.SK, s(eventSk(e.version())));
        item.put("entity", s(ENTITY_EVENT));
        item.put("claimId", s(e.claimId()));
        item.put("companyId", s(e.companyId()));
        item.put("applicationId", s(e.applicationId()));
        item.put("version", n(e.version()));
        item.put("action", s(e.action().name()));
        item.put("actor", s(e.actor()));
        item.put("role", s(e.role().name()));
        item.put("at", s(e.at().toString()));
        item.put("stateAfter", s(e.stateAfter().name()));
        if (e.stateBefore() != null) {
            item.put("stateBefore", s(e.stateBefore().name()));
        }
        if (e.reason() != null) {
            item.put("reason", s(e.reason()));
        }
        if (e.before() != null) {
            item.put("before", s(write(e.before())));
        }
        item.put("after", s(write(e.after())));
        item.put(DestekTable.GSI1_PK, s("AUDIT#" + e.companyId()));
        item.put(DestekTable.GSI1_SK, s(EventStream.auditSk(e.applicationId(), e.at(), e.claimId(), e.version())));
        stream.append(item, e.claimId(), e.version());
        project(e.after());
    }

    /** The queue row, moved forward only: a late writer of an older version changes nothing. */
    void project(Claim c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s(claimPk(c.id())));
        item.put(DestekTable.SK, s("STATE"));
        item.put("entity", s(ENTITY_STATE));
        item.put("claimId", s(c.id()));
        item.put("companyId", s(c.companyId()));
        item.put("applicationId", s(c.applicationId()));
        item.put("supportItem", s(String.valueOf(c.supportItem())));
        item.put("state", s(c.state().name()));
        item.put("version", n(c.version()));
        item.put("since", s(c.updatedAt().toString()));
        if (c.state().isInReviewQueue()) {
            item.put(DestekTable.GSI1_PK, s(QUEUE));
            item.put(DestekTable.GSI1_SK, s(c.updatedAt() + "#" + c.id()));
        }
        try {
            dynamo.get().putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #v < :v")
                    .expressionAttributeNames(Map.of("#pk", DestekTable.PK, "#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(c.version()))));
        } catch (ConditionalCheckFailedException newerThere) {
            // a later version already projected itself
        }
    }

    @Override
    public Optional<Claim> find(String claimId) {
        QueryResponse page = dynamo.get().query(events(claimId).scanIndexForward(false).limit(1).build());
        return page.items().stream().findFirst().map(item -> read(item.get("after").s(), Claim.class));
    }

    @Override
    public List<ClaimEvent> history(String claimId) {
        List<ClaimEvent> out = new ArrayList<>();
        dynamo.get().queryPaginator(events(claimId).build()).items().forEach(item -> out.add(event(item)));
        return out;
    }

    @Override
    public List<QueueEntry> reviewQueue() {
        List<QueueEntry> out = new ArrayList<>();
        dynamo.get().queryPaginator(QueryRequest.builder().tableName(tableName).indexName(DestekTable.GSI1)
                .keyConditionExpression("#pk = :queue")
                .expressionAttributeNames(Map.of("#pk", DestekTable.GSI1_PK))
                .expressionAttributeValues(Map.of(":queue", s(QUEUE))).build()).items().forEach(item -> out.add(
                new QueueEntry(item.get("claimId").s(), item.get("companyId").s(), item.get("applicationId").s(),
                        item.get("supportItem").s(), ClaimState.valueOf(item.get("state").s()),
                        Long.parseLong(item.get("version").n()), Instant.parse(item.get("since").s()))));
        return out;
    }

    /** From the index (eventually consistent on AWS: an event of the last second may be missing, never wrong). */
    @Override
    public List<ClaimEvent> audit(String companyId, String applicationId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":company", s("AUDIT#" + companyId));
        String condition = "#pk = :company";
        Map<String, String> names = new HashMap<>(Map.of("#pk", DestekTable.GSI1_PK));
        if (applicationId != null) {
            condition += " AND begins_with(#sk, :app)";
            names.put("#sk", DestekTable.GSI1_SK);
            values.put(":app", s(applicationId + "#"));
        }
        List<ClaimEvent> out = new ArrayList<>();
        dynamo.get().queryPaginator(QueryRequest.builder().tableName(tableName).indexName(DestekTable.GSI1)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).items().forEach(item -> out.add(event(item)));
        out.sort(Comparator.comparing(ClaimEvent::at).thenComparing(ClaimEvent::claimId)
                .thenComparingLong(ClaimEvent::version));
        return out;
    }

    private QueryRequest.Builder events(String claimId) {
        return stream.events(claimPk(claimId));
    }

    private static ClaimEvent event(Map<String, AttributeValue> item) {
        return new ClaimEvent(item.get("claimId").s(), item.get("companyId").s(), item.get("applicationId").s(),
                Long.parseLong(item.get("version").n()), ClaimEvent.Action.valueOf(item.get("action").s()),
                item.get("actor").s(), Role.valueOf(item.get("role").s()), Instant.parse(item.get("at").s()),
                item.containsKey("stateBefore") ? ClaimState.valueOf(item.get("stateBefore").s()) : null,
                ClaimState.valueOf(item.get("stateAfter").s()),
                item.containsKey("reason") ? item.get("reason").s() : null,
                item.containsKey("before") ? read(item.get("before").s(), Claim.class) : null,
                read(item.get("after").s(), Claim.class));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim not serialisable", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored claim unreadable", e);
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
