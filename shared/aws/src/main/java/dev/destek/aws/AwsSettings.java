package dev.destek.aws;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the functions' AWS resources are, read once from the Lambda environment.
 *
 * @param dynamoDbEndpoint override for local runs and tests only ({@code DESTEK_DYNAMODB_ENDPOINT})
 * @param s3Endpoint override for local runs and tests only ({@code DESTEK_S3_ENDPOINT}); implies path-style
 */
public record AwsSettings(
        Region region,
        String tableName,
        String bucketName,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> s3Endpoint,
        Duration uploadUrlTtl) {

    public static final String REGION = "AWS_REGION";
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String BUCKET_NAME = "BUCKET_NAME";
    public static final String DYNAMODB_ENDPOINT = "DESTEK_DYNAMODB_ENDPOINT";
    public static final String S3_ENDPOINT = "DESTEK_S3_ENDPOINT";
    public static final String UPLOAD_URL_TTL = "UPLOAD_URL_TTL";

    public static final Region DEFAULT_REGION = Region.EU_CENTRAL_1;
    public static final Duration DEFAULT_UPLOAD_URL_TTL = Duration.ofMinutes(15);

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(uploadUrlTtl, "uploadUrlTtl");
        if (uploadUrlTtl.isNegative() || uploadUrlTtl.isZero()) {
            throw new IllegalArgumentException("uploadUrlTtl must be positive: " + uploadUrlTtl);
        }
    }

    /** Reads the settings from an environment map such as {@code System.getenv()}. */
    public static AwsSettings fromEnv(Map<String, String> env) {
        return new AwsSettings(
                Region.of(optional(env, REGION).orElse(DEFAULT_REGION.id())),
                required(env, TABLE_NAME),
                required(env, BUCKET_NAME),
                optional(env, DYNAMODB_ENDPOINT).map(value -> uri(DYNAMODB_ENDPOINT, value)),
                optional(env, S3_ENDPOINT).map(value -> uri(S3_ENDPOINT, value)),
                optional(env, UPLOAD_URL_TTL).map(AwsSettings::ttl).orElse(DEFAULT_UPLOAD_URL_TTL));
    }

    private static String required(Map<String, String> env, String key) {
        return optional(env, key).orElseThrow(() -> new IllegalStateException(
                "environment variable " + key + " is missing or blank"));
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + key + " is not a URL: " + value, e);
        }
    }

    private static Duration ttl(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "environment variable " + UPLOAD_URL_TTL + " is not an ISO-8601 duration (e.g. PT15M): " + value, e);
        }
    }
}
