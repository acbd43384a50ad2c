package dev.destek.aws.testsupport;

import dev.destek.aws.AwsSettings;
import java.util.Map;

/** The environment a function under test gets: the emulators' endpoints and credentials, a fresh table and bucket. */
public final class FunctionEnvironment {
    private FunctionEnvironment() { }

    public static Map<String, String> of(DynamoTable table, S3Bucket bucket) {
        return Map.of(
                AwsSettings.REGION, bucket.settings().region().id(),
                AwsSettings.TABLE_NAME, table.tableName(),
                AwsSettings.BUCKET_NAME, bucket.name(),
                AwsSettings.DYNAMODB_ENDPOINT, table.endpoint().toString(),
                AwsSettings.S3_ENDPOINT, bucket.server().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", bucket.server().identity(),
                "AWS_SECRET_ACCESS_KEY", bucket.server().credential());
    }
}
