package dev.destek.document;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Issues URLs that let a client put exactly one declared file, and nothing else, for a short time. */
public interface UploadSigner {

    PresignedUpload presignPut(UploadSpec spec);

    /** What the upload must be: its size and SHA-256 (base64, as S3's checksum header) are signed in. */
    record UploadSpec(String key, String contentType, long sizeBytes, String sha256Base64, Duration ttl) { }

    /** The client must send every header in {@code headers} exactly as given. */
    record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) { }
}
