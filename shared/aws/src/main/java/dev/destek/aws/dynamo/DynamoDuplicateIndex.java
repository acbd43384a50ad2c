package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.companyPk;
import static dev.destek.aws.dynamo.ApplicationItemMapper.key;
import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import dev.destek.document.DocumentRef;
import dev.destek.document.DuplicateIndex;
import dev.destek.lambda.InBackground;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The first document of a company to bring each file, one item per file in the company's partition:
 * <pre>
 *   entity        pk                    sk                  attributes
 *   FINGERPRINT   COMPANY#{companyId}   SHA256#{hex}        applicationId, documentId, claimedAt
 * </pre>
 * A claim is one conditional put: it succeeds when no item exists or the item already names the claimant
 * (a replay), so two concurrent uploads of the same bytes cannot both win. The loser reads the winner with a
 * consistent read; the item is never deleted, so that read cannot miss it. A reassignment is a put conditional
 * on the stale holder still being named.
 */
public final class DynamoDuplicateIndex implements DuplicateIndex {
    static final String ENTITY_FINGERPRINT = "FINGERPRINT";
    static final String CLAIMED_AT = "claimedAt";
    private static final String APPLICATION_ID = ApplicationItemMapper.APPLICATION_ID;
    private static final String ID = ApplicationItemMapper.ID;
    private static final Map<String, String> HOLDER_NAMES = Map.of("#pk", ApplicationItemMapper.PK,
            "#app", APPLICATION_ID, "#doc", ID);

    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;
    private final Clock clock;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public DynamoDuplicateIndex(Supplier<DynamoDbClient> dynamo, String tableName, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static String fingerprintSk(String sha256) {
        return "SHA256#" + sha256;
    }

    @Override
    public Optional<DocumentRef> claim(String companyId, String sha256, DocumentRef claimant) {
        Map<String, AttributeValue> itemKey = key(companyPk(companyId), fingerprintSk(sha256));
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(item(itemKey, claimant))
                    .conditionExpression("attribute_not_exists(#pk) OR (#app = :app AND #doc = :doc)")
                    .expressionAttributeNames(HOLDER_NAMES)
                    .expressionAttributeValues(holderValues(claimant)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException heldByAnother) {
            Map<String, AttributeValue> holder = dynamo.get().getItem(request -> request.tableName(tableName)
                    .key(itemKey).consistentRead(true)).item();
            return Optional.of(new DocumentRef(ApplicationItemMapper.string(holder, APPLICATION_ID),
                    ApplicationItemMapper.string(holder, ID)));
        }
    }

    @Override
    public boolean reassign(String companyId, String sha256, DocumentRef stale, DocumentRef claimant) {
        Map<String, AttributeValue> itemKey = key(companyPk(companyId), fingerprintSk(sha256));
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(item(itemKey, claimant))
                    .conditionExpression("attribute_exists(#pk) AND #app = :app AND #doc = :doc")
                    .expressionAttributeNames(HOLDER_NAMES)
                    .expressionAttributeValues(holderValues(stale)));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> itemKey, DocumentRef holder) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey);
        item.put(ApplicationItemMapper.ENTITY, s(ENTITY_FINGERPRINT));
        item.put(APPLICATION_ID, s(holder.applicationId()));
        item.put(ID, s(holder.documentId()));
        item.put(CLAIMED_AT, s(clock.instant().toString()));
        return item;
    }

    private static Map<String, AttributeValue> holderValues(DocumentRef holder) {
        return Map.of(":app", s(holder.applicationId()), ":doc", s(holder.documentId()));
    }
}
