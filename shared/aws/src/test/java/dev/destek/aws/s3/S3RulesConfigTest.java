package dev.destek.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.rules.Rules;
import dev.destek.rules.RulesConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The deployed rules override (issue 3: "overridable … deployed, from an S3 object"), read from a real S3 API. */
@ExtendWith(S3ProxyExtension.class)
class S3RulesConfigTest {
    private static final String KEY = "config/rules.yaml";
    @TempDir
    Path dir;

    @Test
    void overrideObject_shouldReachRulesLoadAsTheConfigurationFile(S3Bucket bucket) {
        put(bucket, "source: ministry-2026\nmaxRate: [{from: 2015-06-02, value: 0.85}]\n");

        Map<String, String> env = S3RulesConfig.environment(Map.of(S3RulesConfig.KEY_ENV, KEY),
                bucket::client, bucket.name(), dir);

        assertThat(Path.of(env.get(S3RulesConfig.FILE_ENV))).startsWith(dir).hasFileName("rules.yaml");
        assertThat(Rules.load(env).configurationSource()).contains("ministry-2026");
    }

    @Test
    void absentObject_shouldLeaveTheEmbeddedDefaults(S3Bucket bucket) {
        Map<String, String> env = S3RulesConfig.environment(Map.of(S3RulesConfig.KEY_ENV, KEY),
                bucket::client, bucket.name(), dir);

        assertThat(env).doesNotContainKey(S3RulesConfig.FILE_ENV);
        assertThat(Rules.load(env).configurationSource()).contains("embedded-defaults");
    }

    @Test
    void invalidObject_shouldFailStartUpNamingTheKeyAndReason(S3Bucket bucket) {
        put(bucket, "maxRate: [{from: 2015-06-02, value: 50}]\n");

        Map<String, String> env = S3RulesConfig.environment(Map.of(S3RulesConfig.KEY_ENV, KEY),
                bucket::client, bucket.name(), dir);

        assertThatThrownBy(() -> Rules.load(env)).isInstanceOf(RulesConfigException.class)
                .hasMessageContaining("maxRate[0].value").hasMessageContaining("rate outside 0..1");
    }

    @Test
    void localFile_shouldWinOverTheObjectWithoutCallingS3() {
        Map<String, String> env = Map.of(S3RulesConfig.KEY_ENV, KEY, S3RulesConfig.FILE_ENV, "/etc/rules.yaml");

        assertThat(S3RulesConfig.environment(env, () -> {
            throw new AssertionError("S3 must not be called");
        }, "bucket", dir)).isSameAs(env);
    }

    @Test
    void keyEscapingTheDirectory_shouldBeRefused(S3Bucket bucket) {
        assertThatThrownBy(() -> S3RulesConfig.environment(Map.of(S3RulesConfig.KEY_ENV, "../../etc/passwd"),
                bucket::client, bucket.name(), dir)).hasMessageContaining("plain object key");
    }

    private static void put(S3Bucket bucket, String yaml) {
        bucket.client().putObject(b -> b.bucket(bucket.name()).key(KEY), RequestBody.fromString(yaml));
    }
}
