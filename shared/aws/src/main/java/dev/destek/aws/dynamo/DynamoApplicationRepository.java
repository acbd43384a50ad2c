package dev.destek.aws.dynamo;

import static dev.destek.aws.dynamo.ApplicationItemMapper.ENTITY;
import static dev.destek.aws.dynamo.ApplicationItemMapper.ENTITY_APPLICATION;
import static dev.destek.aws.dynamo.ApplicationItemMapper.ENTITY_DOCUMENT;
import static dev.destek.aws.dynamo.ApplicationItemMapper.PK;
import static dev.destek.aws.dynamo.ApplicationItemMapper.SK;
import static dev.destek.aws.dynamo.ApplicationItemMapper.applicationSk;
import static dev.destek.aws.dynamo.ApplicationItemMapper.companyPk;
import static dev.destek.aws.dynamo.ApplicationItemMapper.documentPrefix;
import static dev.destek.aws.dynamo.ApplicationItemMapper.documentSk;
import static dev.destek.aws.dynamo.ApplicationItemMapper.key;
import static dev.destek.aws.dynamo.ApplicationItemMapper.s;

import dev.destek.application.Application;
import dev.destek.application.ApplicationRepository;
import dev.destek.document.Document;
import dev.destek.lambda.InBackground;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Applications and their documents in the single table, all under the owning company's partition:
 * <pre>
 *   entity        pk                    sk
 *   APPLICATION   COMPANY#{companyId}   APP#{applicationId}
 *   DOCUMENT      COMPANY#{companyId}   APP#{applicationId}#DOC#{documentId}
 * </pre>
 * Every read names the company in the partition key, so one company can never read another's items.
 * Creations are conditional ({@code attribute_not_exists(pk)}); a validation outcome is written once per
 * object version and never onto a missing document. Low-level client only: the enhanced client costs
 * cold-start time.
 */
public final class DynamoApplicationRepository implements ApplicationRepository {
    private static final String NOT_EXISTS = "attribute_not_exists(" + PK + ")";
    private static final Comparator<Application> NEWEST_FIRST =
            Comparator.comparing(Application::createdAt).thenComparing(Application::id).reversed();

    private final Supplier<DynamoDbClient> dynamo;
    private final String tableName;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public DynamoApplicationRepository(Supplier<DynamoDbClient> dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public void create(Application application) {
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(ApplicationItemMapper.toItem(application))
                    .conditionExpression(NOT_EXISTS));
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyExistsException("application " + application.id());
        }
    }

    @Override
    public Optional<Application> find(String companyId, String applicationId) {
        return get(companyPk(companyId), applicationSk(applicationId), ENTITY_APPLICATION)
                .map(ApplicationItemMapper::toApplication);
    }

    @Override
    public List<Application> list(String companyId) {
        return query(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :app)")
                .filterExpression("#entity = :entity")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#entity", ENTITY))
                .expressionAttributeValues(Map.of(
                        ":pk", s(companyPk(companyId)), ":app", s("APP#"), ":entity", s(ENTITY_APPLICATION)))
                .build())
                .stream()
                .map(ApplicationItemMapper::toApplication)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public boolean updateFacts(String companyId, String applicationId, dev.destek.rules.QuoteRequest facts,
                               java.time.Instant at) {
        try {
            dynamo.get().updateItem(request -> request.tableName(tableName)
                    .key(key(companyPk(companyId), applicationSk(applicationId)))
                    .updateExpression("SET #facts = :facts, #updatedAt = :at")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#facts", ApplicationItemMapper.DECLARED_FACTS,
                            "#updatedAt", ApplicationItemMapper.UPDATED_AT, "#pk", PK))
                    .expressionAttributeValues(Map.of(":facts", ApplicationItemMapper.declaredFacts(facts),
                            ":at", s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public void addDocument(Document document) {
        try {
            dynamo.get().putItem(request -> request.tableName(tableName)
                    .item(ApplicationItemMapper.toItem(document))
                    .conditionExpression(NOT_EXISTS));
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyExistsException("document " + document.id());
        }
    }

    @Override
    public List<Document> documents(String companyId, String applicationId) {
        return query(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :docs)")
                .filterExpression("#entity = :entity")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#entity", ENTITY))
                .expressionAttributeValues(Map.of(":pk", s(companyPk(companyId)),
                        ":docs", s(documentPrefix(applicationId)), ":entity", s(ENTITY_DOCUMENT)))
                .build())
                .stream()
                .map(ApplicationItemMapper::toDocument)
                .toList();
    }

    @Override
    public Optional<Document> findDocument(String companyId, String applicationId, String documentId) {
        return get(companyPk(companyId), documentSk(applicationId, documentId), ENTITY_DOCUMENT)
                .map(ApplicationItemMapper::toDocument);
    }

    @Override
    public boolean recordValidation(Document validated) {
        Objects.requireNonNull(validated.validatedVersion(), "validatedVersion");
        Map<String, String> names = new HashMap<>(Map.of(
                "#pk", PK,
                "#status", ApplicationItemMapper.STATUS,
                "#reasons", ApplicationItemMapper.REASONS,
                "#objectKey", ApplicationItemMapper.OBJECT_KEY,
                "#version", ApplicationItemMapper.VALIDATED_VERSION,
                "#detected", ApplicationItemMapper.DETECTED_CONTENT_TYPE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", s(validated.status().name()),
                ":reasons", ApplicationItemMapper.reasons(validated.reasons()),
                ":objectKey", s(validated.objectKey()),
                ":version", s(validated.validatedVersion())));
        StringBuilder update = new StringBuilder(
                "SET #status = :status, #reasons = :reasons, #objectKey = :objectKey, #version = :version");
        if (validated.updatedAt() != null) {
            names.put("#updatedAt", ApplicationItemMapper.UPDATED_AT);
            values.put(":updatedAt", s(validated.updatedAt().toString()));
            update.append(", #updatedAt = :updatedAt");
        }
        names.put("#facts", ApplicationItemMapper.FACTS);
        List<String> removals = new java.util.ArrayList<>();
        if (validated.detectedContentType() != null) {
            values.put(":detected", s(validated.detectedContentType()));
            update.append(", #detected = :detected");
        } else {
            removals.add("#detected");
        }
        if (validated.facts() != null) {
            values.put(":facts", ApplicationItemMapper.facts(validated.facts()));
            update.append(", #facts = :facts");
        } else {
            removals.add("#facts");
        }
        if (!removals.isEmpty()) {
            update.append(" REMOVE ").append(String.join(", ", removals));
        }
        try {
            dynamo.get().updateItem(request -> request.tableName(tableName)
                    .key(key(companyPk(validated.companyId()), documentSk(validated.applicationId(), validated.id())))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_exists(#pk) AND "
                            + "(attribute_not_exists(#version) OR #version <> :version)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException replayedOrGone) {
            return false;
        }
    }

    @Override
    public boolean updateMetadata(Document corrected) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#entity", ENTITY,
                "#metadata", ApplicationItemMapper.METADATA, "#updatedAt", ApplicationItemMapper.UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":document", s(ENTITY_DOCUMENT),
                ":updatedAt", s(String.valueOf(corrected.updatedAt()))));
        String update;
        if (corrected.metadata().declaresNothing()) {
            update = "SET #updatedAt = :updatedAt REMOVE #metadata";
        } else {
            values.put(":metadata", ApplicationItemMapper.metadata(corrected.metadata()));
            update = "SET #metadata = :metadata, #updatedAt = :updatedAt";
        }
        try {
            dynamo.get().updateItem(request -> request.tableName(tableName)
                    .key(key(companyPk(corrected.companyId()), documentSk(corrected.applicationId(), corrected.id())))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(#pk) AND #entity = :document")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk, String entity) {
        Map<String, AttributeValue> item = dynamo.get().getItem(request -> request.tableName(tableName)
                .key(key(pk, sk))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || !entity.equals(ApplicationItemMapper.string(item, ENTITY))) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        return dynamo.get().queryPaginator(request).items().stream().toList();
    }
}
