package dev.destek.aws.dynamo;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The single Destek table: string keys {@value #PK} / {@value #SK} and the sparse index {@value #GSI1} on
 * {@value #GSI1_PK} / {@value #GSI1_SK} (projection ALL), billed per request. The deployed table comes from
 * the SAM template, which must match this; this class creates it for tests and the local runner.
 */
public final class DestekTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "GSI1";
    public static final String GSI1_PK = "GSI1PK";
    public static final String GSI1_SK = "GSI1SK";

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private DestekTable() { }

    /** Creates the table unless it exists, then waits until it and its index are ACTIVE. */
    public static void create(DynamoDbClient dynamo, String tableName) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
        try {
            dynamo.createTable(request -> request
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            stringAttribute(PK), stringAttribute(SK), stringAttribute(GSI1_PK), stringAttribute(GSI1_SK))
                    .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(GSI1)
                            .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build()));
        } catch (ResourceInUseException alreadyThere) {
            // created before, by us or by another process: just wait for it
        }
        awaitActive(dynamo, tableName);
    }

    private static void awaitActive(DynamoDbClient dynamo, String tableName) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (true) {
            TableDescription table = dynamo.describeTable(request -> request.tableName(tableName)).table();
            if (isActive(table)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " not ACTIVE after " + ACTIVE_TIMEOUT
                        + ": " + table.tableStatusAsString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    /** Some emulators omit the index status; a missing status counts as active. */
    private static boolean isActive(TableDescription table) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.indexStatus() != null && index.indexStatus() != IndexStatus.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
