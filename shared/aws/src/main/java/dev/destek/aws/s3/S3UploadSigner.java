package dev.destek.aws.s3;

import dev.destek.document.UploadSigner;
import dev.destek.lambda.InBackground;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned PUT URLs that accept exactly one declared file: its content type, length and SHA-256 are in the
 * signature, so S3 refuses any other body (a different length breaks the signature; the same length with other
 * bytes fails the checksum with BadDigest) and any edited header or URL (403).
 */
public final class S3UploadSigner implements UploadSigner {
    private static final String HOST = "host";

    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /** Takes the client as it may still be being built (see {@link InBackground}); it is awaited on first use. */
    public S3UploadSigner(Supplier<S3Presigner> presigner, String bucket) {
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * @return the URL, {@code PUT}, and every signed header except {@code host} (lower-case names), including
     *     {@code content-length}, which HTTP clients derive from the body and must match
     */
    @Override
    public PresignedUpload presignPut(UploadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        PresignedPutObjectRequest presigned = presigner.get().presignPutObject(request -> request
                .signatureDuration(spec.ttl())
                .putObjectRequest(put -> put
                        .bucket(bucket)
                        .key(spec.key())
                        .contentType(spec.contentType())
                        .contentLength(spec.sizeBytes())
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(spec.sha256Base64())));
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : presigned.signedHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOST.equals(name)) {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        return new PresignedUpload(presigned.url().toString(), presigned.httpRequest().method().name(),
                Map.copyOf(headers), presigned.expiration());
    }
}
