package dev.destek.aws.s3;

import dev.destek.document.DocumentKeys;
import dev.destek.document.DocumentStore;
import dev.destek.document.StoredObject;
import dev.destek.lambda.InBackground;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The documents bucket through the S3 API. The object's ETag (without quotes) is its version. */
public final class S3DocumentStore implements DocumentStore {
    private static final int NOT_FOUND = 404;

    private final Supplier<S3Client> s3;
    private final String bucket;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public S3DocumentStore(Supplier<S3Client> s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.get().headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), unquote(head.eTag()), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) {
        return s3.get().getObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public String quarantine(String key) {
        String target = DocumentKeys.quarantineOf(key);
        move(key, target);
        return target;
    }

    /**
     * Copies the object to {@code target}, then deletes the original. A retry after a crash between the two steps
     * copies again (same bytes) and deletes; a retry after both finds only the target.
     */
    @Override
    public void move(String key, String target) {
        if (head(key).isEmpty()) {
            if (head(target).isPresent()) {
                return;
            }
            throw NoSuchKeyException.builder()
                    .message("neither " + key + " nor " + target + " exists in " + bucket)
                    .statusCode(NOT_FOUND)
                    .build();
        }
        s3.get().copyObject(request -> request
                .sourceBucket(bucket).sourceKey(key)
                .destinationBucket(bucket).destinationKey(target));
        s3.get().deleteObject(request -> request.bucket(bucket).key(key));
    }

    static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
