package dev.destek.aws;

import dev.destek.application.ApplicationRepository;
import dev.destek.aws.dynamo.DynamoApplicationRepository;
import dev.destek.aws.dynamo.DynamoReminderStore;
import dev.destek.aws.s3.S3DocumentStore;
import dev.destek.aws.s3.S3UploadSigner;
import dev.destek.document.DocumentStore;
import dev.destek.document.UploadSigner;
import dev.destek.reminder.ReminderStore;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The production adapters of the core ports, for a function's Dagger module: each one's SDK client starts
 * building on its own thread as soon as the adapter is asked for (see {@link InBackground}).
 */
public final class AwsAdapters {
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;

    private AwsAdapters(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    /** From the function's environment: {@code System.getenv()} deployed, an explicit map locally. */
    public static AwsAdapters fromEnv(Map<String, String> env) {
        return new AwsAdapters(AwsSettings.fromEnv(env), AwsClients.credentials(env));
    }

    public AwsSettings settings() {
        return settings;
    }

    public ApplicationRepository applications() {
        return new DynamoApplicationRepository(
                InBackground.start("dynamodb", () -> AwsClients.dynamoDb(settings, credentials)), settings.tableName());
    }

    public ReminderStore reminders() {
        return new DynamoReminderStore(
                InBackground.start("dynamodb", () -> AwsClients.dynamoDb(settings, credentials)), settings.tableName());
    }

    public DocumentStore documents() {
        return new S3DocumentStore(InBackground.start("s3", () -> AwsClients.s3(settings, credentials)),
                settings.bucketName());
    }

    public UploadSigner uploadSigner() {
        return new S3UploadSigner(InBackground.start("s3-presigner", () -> AwsClients.s3Presigner(settings, credentials)),
                settings.bucketName());
    }
}
