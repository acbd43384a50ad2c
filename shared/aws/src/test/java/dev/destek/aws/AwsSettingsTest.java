package dev.destek.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

    @Test
    void fromEnv_minimalLambdaEnvironment_shouldApplyDefaults() {
        // GIVEN
        Map<String, String> env = Map.of("TABLE_NAME", "destek", "BUCKET_NAME", "destek-docs");

        // WHEN
        AwsSettings settings = AwsSettings.fromEnv(env);

        // THEN
        assertThat(settings.region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(settings.tableName()).isEqualTo("destek");
        assertThat(settings.bucketName()).isEqualTo("destek-docs");
        assertThat(settings.dynamoDbEndpoint()).isEmpty();
        assertThat(settings.s3Endpoint()).isEmpty();
        assertThat(settings.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fromEnv_localOverrides_shouldBeRead() {
        // GIVEN
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "TABLE_NAME", "t", "BUCKET_NAME", "b",
                "DESTEK_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567", "DESTEK_S3_ENDPOINT", "http://127.0.0.1:9000",
                "UPLOAD_URL_TTL", "PT5M");

        // WHEN
        AwsSettings settings = AwsSettings.fromEnv(env);

        // THEN
        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(settings.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(settings.s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(AwsClients.s3Configuration(settings).pathStyleAccessEnabled()).isTrue();
    }

    @Test
    void fromEnv_missingBucket_shouldNameTheVariable() {
        // GIVEN
        Map<String, String> env = Map.of("TABLE_NAME", "destek", "BUCKET_NAME", " ");

        // WHEN / THEN
        assertThatThrownBy(() -> AwsSettings.fromEnv(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUCKET_NAME");
    }

    @Test
    void fromEnv_malformedTtl_shouldNameTheVariable() {
        // GIVEN
        Map<String, String> env = Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b", "UPLOAD_URL_TTL", "15 minutes");

        // WHEN / THEN
        assertThatThrownBy(() -> AwsSettings.fromEnv(env)).hasMessageContaining("UPLOAD_URL_TTL");
    }

    @Test
    void s3Configuration_noEndpointOverride_shouldUseVirtualHostedStyle() {
        // GIVEN
        AwsSettings settings = AwsSettings.fromEnv(Map.of("TABLE_NAME", "t", "BUCKET_NAME", "b"));

        // WHEN / THEN
        assertThat(AwsClients.s3Configuration(settings).pathStyleAccessEnabled()).isFalse();
    }

    @Test
    void credentials_lambdaEnvironment_shouldReadTheEnvironmentMapDirectly() {
        // GIVEN / WHEN
        var lambda = AwsClients.credentials(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SESSION_TOKEN", "t"));
        var laptop = AwsClients.credentials(Map.of());

        // THEN
        assertThat(lambda).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(lambda.resolveCredentials().accessKeyId()).isEqualTo("AKIA");
        assertThat(((AwsSessionCredentials) lambda.resolveCredentials()).sessionToken()).isEqualTo("t");
        assertThat(laptop).isInstanceOf(DefaultCredentialsProvider.class);
    }
}
