package dev.destek.aws.s3;

import dev.destek.observability.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The deployed rules override: an S3 object ({@value #KEY_ENV}, in the documents bucket) fetched to a local
 * file at init and handed to {@code Rules.load} as the file named by {@value #FILE_ENV}, so the rules module
 * keeps one override mechanism and never imports AWS. Read once per execution environment: under SnapStart
 * the snapshot holds it, so a changed object takes effect with the next published version.
 */
public final class S3RulesConfig {
    public static final String KEY_ENV = "RULES_CONFIG_KEY";
    /** Same name as {@code DeploymentConfig.ENV}; repeated to keep this adapter free of the rules internals. */
    public static final String FILE_ENV = "DESTEK_RULES_CONFIG";
    private static final JsonLog LOG = JsonLog.of(S3RulesConfig.class);

    private S3RulesConfig() { }

    /**
     * The environment for {@code Rules.load}: unchanged when a local file is named already or no key is set;
     * otherwise with {@value #FILE_ENV} naming a copy of the object under {@code dir}. A missing object means the
     * embedded defaults (logged); any other failure stops the start-up with the object's name and the reason.
     */
    public static Map<String, String> environment(Map<String, String> env, Supplier<S3Client> s3, String bucket,
                                                  Path dir) {
        String key = env.get(KEY_ENV);
        if (blank(key) || !blank(env.get(FILE_ENV))) {
            return env;
        }
        String object = "s3://" + bucket + "/" + key;
        Path file = dir.resolve(bucket).resolve(key).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalStateException(KEY_ENV + " " + key + ": must be a plain object key");
        }
        try (InputStream in = s3.get().getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchKeyException e) {
            LOG.info("rules override object absent: embedded defaults apply", Map.of("object", object));
            return env;
        } catch (SdkException e) {
            throw new IllegalStateException(KEY_ENV + " " + object + ": cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(KEY_ENV + " " + object + ": cannot be copied to " + file, e);
        }
        LOG.info("rules override object read", Map.of("object", object));
        Map<String, String> withFile = new HashMap<>(env);
        withFile.put(FILE_ENV, file.toString());
        return Map.copyOf(withFile);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
