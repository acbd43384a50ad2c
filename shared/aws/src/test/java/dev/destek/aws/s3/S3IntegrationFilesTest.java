package dev.destek.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.integration.IntegrationObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Integration files against S3Proxy: exactly the announced bytes, or nothing. */
@ExtendWith(S3ProxyExtension.class)
class S3IntegrationFilesTest {
    private static final String KEY = "integrations/debts/2026-11-24.csv";

    private static String put(S3Bucket bucket, String content) {
        return bucket.client().putObject(b -> b.bucket(bucket.name()).key(KEY),
                RequestBody.fromString(content, StandardCharsets.UTF_8)).eTag().replace("\"", "");
    }

    @Test
    void read_announcedVersion_shouldGiveItsBytes_andAnOverwrittenOneNothing(S3Bucket bucket) {
        S3IntegrationFiles files = new S3IntegrationFiles(bucket::client, bucket.name());
        String first = put(bucket, "first");

        assertThat(files.read(new IntegrationObject(KEY, first), 100)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("first"));

        put(bucket, "second, corrected");
        assertThat(files.read(new IntegrationObject(KEY, first), 100)).isEmpty();
        assertThat(files.read(new IntegrationObject("integrations/debts/none.csv", first), 100)).isEmpty();
    }

    @Test
    void read_largerThanTheLimit_shouldStopOneByteAfterIt(S3Bucket bucket) {
        String etag = put(bucket, "0123456789");

        assertThat(new S3IntegrationFiles(bucket::client, bucket.name()).read(new IntegrationObject(KEY, etag), 4))
                .hasValueSatisfying(bytes -> assertThat(bytes).hasSize(5));
    }
}
