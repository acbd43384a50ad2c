package dev.destek.aws.testsupport;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A freshly created Destek table (its own name) on the shared emulator; {@code endpoint} is what a function
 * under test gets as {@code DESTEK_DYNAMODB_ENDPOINT}.
 */
public record DynamoTable(URI endpoint, DynamoDbClient client, String tableName) { }
