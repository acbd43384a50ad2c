package dev.destek.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.UploadSigner.PresignedUpload;
import dev.destek.document.UploadSigner.UploadSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves against S3Proxy (which checks v4 signatures and SHA-256 checksums) that a presigned upload accepts the
 * declared file and nothing else, sent by a plain {@code java.net.http} client as a browser would.
 */
@ExtendWith(S3ProxyExtension.class)
class S3UploadSignerTest {
    private static final String KEY = "uploads/acme/app-1/doc-1";
    private static final String PDF = "application/pdf";
    /** Headers java.net.http sets itself and refuses to take from the caller; it derives them from the body. */
    private static final Set<String> SET_BY_CLIENT = Set.of("content-length", "host");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final byte[] file = "%PDF-1.7 the declared invoice\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] sameSizeOtherFile = "%PDF-1.7 a forged invoice!!!!\n".getBytes(StandardCharsets.US_ASCII);

    private S3Bucket bucket;
    private S3UploadSigner signer;

    @BeforeEach
    void setUp(S3Bucket freshBucket) {
        bucket = freshBucket;
        signer = new S3UploadSigner(bucket::presigner, bucket.name());
        assertThat(sameSizeOtherFile).hasSameSizeAs(file);
    }

    @Test
    void presignPut_declaredFile_shouldSignTypeLengthAndChecksum() {
        // GIVEN
        Instant before = Instant.now();

        // WHEN
        PresignedUpload upload = signer.presignPut(spec(file));

        // THEN
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.url()).startsWith(bucket.settings().s3Endpoint().orElseThrow() + "/" + bucket.name() + "/")
                .contains("X-Amz-Signature=");
        assertThat(upload.headers())
                .containsEntry("content-type", PDF)
                .containsEntry("content-length", Integer.toString(file.length))
                .containsEntry("x-amz-checksum-sha256", sha256(file))
                .doesNotContainKey("host");
        assertThat(upload.expiresAt()).isBetween(before.plus(Duration.ofMinutes(14)), Instant.now().plusSeconds(901));
    }

    @Test
    void upload_declaredFileWithExactlyTheHeaders_shouldBeStored() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));

        // WHEN
        HttpResponse<String> response = send(upload.url(), upload.headers(), file);

        // THEN
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        byte[] stored = bucket.client().getObjectAsBytes(request -> request.bucket(bucket.name()).key(KEY))
                .asByteArray();
        assertThat(stored).isEqualTo(file);
        assertThat(new S3DocumentStore(bucket::client, bucket.name()).head(KEY).orElseThrow().contentType())
                .isEqualTo(PDF);
    }

    @Test
    void upload_otherFileOfTheSameSize_shouldBeRefusedWithBadDigest() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));

        // WHEN
        HttpResponse<String> response = send(upload.url(), upload.headers(), sameSizeOtherFile);

        // THEN
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("BadDigest");
        assertNothingStored();
    }

    @Test
    void upload_otherFileWithItsOwnChecksumHeader_shouldBeRefusedAsForged() throws Exception {
        // GIVEN the client swaps the file and recomputes the checksum header to match it
        PresignedUpload upload = signer.presignPut(spec(file));
        Map<String, String> altered = new HashMap<>(upload.headers());
        altered.put("x-amz-checksum-sha256", sha256(sameSizeOtherFile));

        // WHEN
        HttpResponse<String> response = send(upload.url(), altered, sameSizeOtherFile);

        // THEN
        assertThat(response.statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void upload_otherSize_shouldBeRefused() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));
        byte[] longer = (new String(file, StandardCharsets.US_ASCII) + "appended").getBytes(StandardCharsets.US_ASCII);

        // WHEN
        HttpResponse<String> response = send(upload.url(), upload.headers(), longer);

        // THEN
        assertThat(response.statusCode()).isIn(400, 403);
        assertNothingStored();
    }

    @Test
    void upload_otherContentType_shouldBeRefused() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));
        Map<String, String> altered = new HashMap<>(upload.headers());
        altered.put("content-type", "text/html");

        // WHEN
        HttpResponse<String> response = send(upload.url(), altered, file);

        // THEN
        assertThat(response.statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void upload_urlPointedAtAnotherKey_shouldBeRefused() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));
        String tampered = upload.url().replace("/doc-1?", "/doc-2?");

        // WHEN
        HttpResponse<String> response = send(tampered, upload.headers(), file);

        // THEN
        assertThat(tampered).isNotEqualTo(upload.url());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(bucket.client().listObjectsV2(request -> request.bucket(bucket.name())).contents()).isEmpty();
    }

    @Test
    void upload_extendedExpiry_shouldBeRefused() throws Exception {
        // GIVEN
        PresignedUpload upload = signer.presignPut(spec(file));
        String tampered = upload.url().replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800");

        // WHEN
        HttpResponse<String> response = send(tampered, upload.headers(), file);

        // THEN
        assertThat(tampered).isNotEqualTo(upload.url());
        assertThat(response.statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    private UploadSpec spec(byte[] bytes) {
        return new UploadSpec(KEY, PDF, bytes.length, sha256(bytes), Duration.ofMinutes(15));
    }

    private static HttpResponse<String> send(String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!SET_BY_CLIENT.contains(name)) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertNothingStored() {
        assertThat(new S3DocumentStore(bucket::client, bucket.name()).head(KEY)).isEmpty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
