package dev.destek.aws.s3;

import dev.destek.integration.IntegrationFiles;
import dev.destek.integration.IntegrationObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Integration files through the S3 API. A file is read with {@code If-Match} on the event's ETag, so the bytes
 * ingested are the bytes the event announced: if the key has been overwritten since, S3 answers 412 and the newer
 * file's own event ingests it. (No version id is needed for that, so the function needs no s3:GetObjectVersion.)
 */
public final class S3IntegrationFiles implements IntegrationFiles {
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;
    private final Supplier<S3Client> s3;
    private final String bucket;

    public S3IntegrationFiles(Supplier<S3Client> s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public Optional<byte[]> read(IntegrationObject object, int maxBytes) {
        String etag = object.eTag().startsWith("\"") ? object.eTag() : "\"" + object.eTag() + "\"";
        try (InputStream in = s3.get().getObject(b -> b.bucket(bucket).key(object.key()).ifMatch(etag))) {
            return Optional.of(in.readNBytes(maxBytes + 1));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND || e.statusCode() == PRECONDITION_FAILED) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + object.key(), e);
        }
    }

    @Override
    public void writeReport(String key, byte[] json) {
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(json));
    }
}
