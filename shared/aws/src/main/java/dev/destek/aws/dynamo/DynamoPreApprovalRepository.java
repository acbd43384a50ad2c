package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.destek.claim.PreApproval;
import dev.destek.claim.PreApprovalEvent;
import dev.destek.claim.PreApprovalRepository;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Pre-approvals as append-only events, like the claims ({@link DynamoClaimRepository}):
 * <pre>
 *   entity              pk                sk               GSI1PK                    GSI1SK
 *   PREAPPROVAL_EVENT   PREAPPROVAL#{id}  EV#{version:06}  PREAPPROVALS#{companyId}  {applicationId}#{at}#{id}#{v:06}
 * </pre>
 */
public final class DynamoPreApprovalRepository implements PreApprovalRepository {
    private static final ObjectMapper JSON = EventStream.JSON;
    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;
    private final EventStream stream;

    public DynamoPreApprovalRepository(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.stream = new EventStream(dynamo, tableName);
    }

    @Override
    public void append(PreApprovalEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DestekTable.PK, s("PREAPPROVAL#" + e.preApprovalId()));
        item.put(DestekTable.SK, s(EventStream.eventSk(e.version())));
        item.put("entity", s("PREAPPROVAL_EVENT"));
        item.put("event", s(write(e)));
        item.put(DestekTable.GSI1_PK, s("PREAPPROVALS#" + e.companyId()));
        item.put(DestekTable.GSI1_SK, s(EventStream.auditSk(e.applicationId(), e.at(), e.preApprovalId(),
                e.version())));
        stream.append(item, e.preApprovalId(), e.version());
    }

    @Override
    public Optional<PreApproval> find(String preApprovalId) {
        return dynamo.get().query(stream.events("PREAPPROVAL#" + preApprovalId).scanIndexForward(false).limit(1)
                        .build())
                .items().stream().findFirst().map(item -> read(item.get("event").s()).after());
    }

    /** From the index: eventually consistent on AWS (a decision of the last second may not be listed yet). */
    @Override
    public List<PreApprovalEvent> events(String companyId, String applicationId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":company", s("PREAPPROVALS#" + companyId)));
        Map<String, String> names = new HashMap<>(Map.of("#pk", DestekTable.GSI1_PK));
        String condition = "#pk = :company";
        if (applicationId != null) {
            condition += " AND begins_with(#sk, :app)";
            names.put("#sk", DestekTable.GSI1_SK);
            values.put(":app", s(applicationId + "#"));
        }
        List<PreApprovalEvent> out = new ArrayList<>();
        dynamo.get().queryPaginator(QueryRequest.builder().tableName(tableName).indexName(DestekTable.GSI1)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).items().forEach(item -> out.add(read(item.get("event").s())));
        out.sort(Comparator.comparing(PreApprovalEvent::at).thenComparing(PreApprovalEvent::preApprovalId)
                .thenComparingLong(PreApprovalEvent::version));
        return out;
    }

    private static String write(PreApprovalEvent e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("pre-approval not serialisable", x);
        }
    }

    private static PreApprovalEvent read(String json) {
        try {
            return JSON.readValue(json, PreApprovalEvent.class);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("stored pre-approval unreadable", x);
        }
    }
}
