package dev.destek.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void locateDirectory_fromTheBuild_shouldFindThePinnedPackage() throws Exception {
        // GIVEN the parent pom's dynalite.dir, or the walk up from this module

        // WHEN
        Path dir = Dynalite.locateDirectory();

        // THEN
        assertThat(Files.readString(dir.resolve("package.json"))).contains("\"dynalite\": \"4.0.0\"");
        assertThat(dir.resolve("package-lock.json")).exists();
    }

    @Test
    void start_inMemory_shouldAnswerDynamoDbRequestsUntilClosed() throws Exception {
        // GIVEN
        Dynalite dynalite = Dynalite.start();

        // WHEN
        String tables = call(dynalite.endpoint(), "ListTables", "{}");
        dynalite.close();

        // THEN
        assertThat(tables).contains("\"TableNames\":[]");
        assertThat(dynalite.isAlive()).isFalse();
    }

    @Test
    void start_persistent_shouldKeepTablesAcrossRestarts(@TempDir Path data) throws Exception {
        // GIVEN
        try (Dynalite first = Dynalite.builder().persistTo(data).start()) {
            call(first.endpoint(), "CreateTable", """
                    {"TableName":"kept","BillingMode":"PAY_PER_REQUEST",
                     "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        }

        // WHEN
        String tables;
        try (Dynalite second = Dynalite.builder().persistTo(data).start()) {
            tables = call(second.endpoint(), "ListTables", "{}");
        }

        // THEN
        assertThat(tables).contains("\"kept\"");
    }

    /** dynalite checks that a request is signed, not the signature itself. */
    private static String call(URI endpoint, String operation, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/eu-central-1/dynamodb/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
