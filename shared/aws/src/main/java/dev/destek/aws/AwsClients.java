package dev.destek.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds the SDK clients cheaply for a Lambda cold start: the URLConnection HTTP client, a fixed region, and
 * credentials read straight from the environment the Lambda runtime sets. The functions' Dagger modules call
 * these from {@code @Provides @Singleton} methods.
 */
public final class AwsClients {
    private AwsClients() { }

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        return dynamoDb(settings, credentials(System.getenv()));
    }

    public static DynamoDbClient dynamoDb(AwsSettings settings, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** SES (API v2); {@code endpoint} overrides the regional one for the local runner and tests only. */
    public static SesV2Client ses(AwsSettings settings, AwsCredentialsProvider credentials,
                                  java.util.Optional<java.net.URI> endpoint) {
        var builder = SesV2Client.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Client s3(AwsSettings settings) {
        return s3(settings, credentials(System.getenv()));
    }

    public static S3Client s3(AwsSettings settings, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(s3Configuration(settings));
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Presigner s3Presigner(AwsSettings settings) {
        return s3Presigner(settings, credentials(System.getenv()));
    }

    public static S3Presigner s3Presigner(AwsSettings settings, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration(settings));
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The only place path-style access is chosen (never also via {@code forcePathStyle} on a builder: the SDK
     * rejects both). Emulators on a plain host:port need path-style; AWS gets virtual-hosted style.
     */
    static S3Configuration s3Configuration(AwsSettings settings) {
        return S3Configuration.builder().pathStyleAccessEnabled(settings.s3Endpoint().isPresent()).build();
    }

    /**
     * Credentials read from the function's environment map when {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY} are set, as the Lambda runtime sets them, skipping the slow default
     * chain at cold start; otherwise the default chain. The map is {@code System.getenv()} deployed and the
     * local runner's explicit environment locally, so both take the same path.
     */
    public static AwsCredentialsProvider credentials(Map<String, String> env) {
        if (present(env, "AWS_ACCESS_KEY_ID") && present(env, "AWS_SECRET_ACCESS_KEY")) {
            String token = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(present(env, "AWS_SESSION_TOKEN")
                    ? AwsSessionCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"), token)
                    : AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean present(Map<String, String> env, String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }
}
