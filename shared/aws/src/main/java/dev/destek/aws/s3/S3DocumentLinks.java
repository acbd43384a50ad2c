package dev.destek.aws.s3;

import dev.destek.claim.DocumentLinks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/** Presigned GETs for reviewers: valid for minutes, for one object; the function itself may read only uploads/. */
public final class S3DocumentLinks implements DocumentLinks {
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3DocumentLinks(Supplier<S3Presigner> presigner, String bucket) {
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public Link presignGet(String key, Duration ttl) {
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(r -> r.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key)));
        return new Link(presigned.url().toString(), presigned.expiration());
    }
}
