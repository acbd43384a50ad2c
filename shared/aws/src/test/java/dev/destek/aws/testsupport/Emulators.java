package dev.destek.aws.testsupport;

import dev.destek.aws.AwsClients;
import dev.destek.aws.AwsSettings;
import dev.destek.emulators.Dynalite;
import dev.destek.emulators.S3ProxyServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One dynalite and one S3Proxy per test JVM, started on first use and stopped when JUnit closes its root
 * store. Clients are built by {@link AwsClients}, exactly as the functions build theirs.
 */
final class Emulators {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Emulators.class);
    static final String DUMMY_ACCESS_KEY = "dynalite-access-key";
    static final String DUMMY_SECRET_KEY = "dynalite-secret-key";

    private Emulators() { }

    static RunningDynalite dynamo(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("dynamo", key -> new RunningDynalite(), RunningDynalite.class);
    }

    static RunningS3 s3(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("s3", key -> new RunningS3(), RunningS3.class);
    }

    /** Settings as the functions would read them from their environment, pointing at the emulators. */
    static AwsSettings settings(String table, String bucket, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                AwsSettings.REGION, "eu-central-1",
                AwsSettings.TABLE_NAME, table,
                AwsSettings.BUCKET_NAME, bucket));
        env.putAll(overrides);
        return AwsSettings.fromEnv(env);
    }

    @SuppressWarnings("deprecation") // CloseableResource: still the portable way across JUnit 5.x
    static final class RunningDynalite implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Dynalite dynalite = Dynalite.start();
        final DynamoDbClient client = AwsClients.dynamoDb(
                settings("unused", "unused", Map.of(AwsSettings.DYNAMODB_ENDPOINT, dynalite.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY)));

        @Override
        public void close() {
            client.close();
            dynalite.close();
        }
    }

    @SuppressWarnings("deprecation")
    static final class RunningS3 implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final S3ProxyServer server = S3ProxyServer.startTransient();
        final AwsSettings settings = settings("unused", "unused",
                Map.of(AwsSettings.S3_ENDPOINT, server.endpoint().toString()));
        final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(server.identity(), server.credential()));
        final S3Client client = AwsClients.s3(settings, credentials);
        final S3Presigner presigner = AwsClients.s3Presigner(settings, credentials);

        @Override
        public void close() {
            presigner.close();
            client.close();
            server.close();
        }
    }
}
