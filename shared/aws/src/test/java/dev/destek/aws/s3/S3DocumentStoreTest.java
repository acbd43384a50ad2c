package dev.destek.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.destek.aws.testsupport.S3Bucket;
import dev.destek.aws.testsupport.S3ProxyExtension;
import dev.destek.document.StoredObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@ExtendWith(S3ProxyExtension.class)
class S3DocumentStoreTest {
    private static final String KEY = "uploads/acme/app-1/doc-1";
    private static final byte[] PDF = "%PDF-1.7\n%fake but fine\n".getBytes(StandardCharsets.US_ASCII);

    private S3Bucket bucket;
    private S3DocumentStore store;

    @BeforeEach
    void setUp(S3Bucket freshBucket) {
        bucket = freshBucket;
        store = new S3DocumentStore(bucket::client, bucket.name());
    }

    @Test
    void head_missingKey_shouldBeEmpty() {
        // GIVEN an empty bucket

        // WHEN / THEN
        assertThat(store.head(KEY)).isEmpty();
    }

    @Test
    void head_storedObject_shouldReportSizeUnquotedEtagAndContentType() {
        // GIVEN
        String etag = put(KEY, PDF);

        // WHEN
        StoredObject object = store.head(KEY).orElseThrow();

        // THEN
        assertThat(object.key()).isEqualTo(KEY);
        assertThat(object.sizeBytes()).isEqualTo(PDF.length);
        assertThat(object.version()).isEqualTo(etag.replace("\"", "")).doesNotContain("\"").isNotBlank();
        assertThat(object.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void open_storedObject_shouldStreamItsBytes() throws Exception {
        // GIVEN
        put(KEY, PDF);

        // WHEN
        byte[] read;
        try (InputStream in = store.open(KEY)) {
            read = in.readAllBytes();
        }

        // THEN
        assertThat(read).isEqualTo(PDF);
    }

    @Test
    void quarantine_storedObject_shouldMoveItKeepingItsBytes() throws Exception {
        // GIVEN
        put(KEY, PDF);

        // WHEN
        String target = store.quarantine(KEY);

        // THEN
        assertThat(target).isEqualTo("quarantine/" + KEY);
        assertThat(store.head(KEY)).isEmpty();
        try (InputStream in = store.open(target)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void quarantine_calledAgain_shouldReturnTheSameKeyAndChangeNothing() {
        // GIVEN
        put(KEY, PDF);
        String first = store.quarantine(KEY);
        StoredObject quarantined = store.head(first).orElseThrow();

        // WHEN
        String second = store.quarantine(KEY);

        // THEN
        assertThat(second).isEqualTo(first);
        assertThat(store.head(second)).contains(quarantined);
        assertThat(store.head(KEY)).isEmpty();
    }

    @Test
    void quarantine_crashAfterCopy_shouldFinishTheMove() {
        // GIVEN both the original and its quarantine copy, as after a crash between copy and delete
        put(KEY, PDF);
        put("quarantine/" + KEY, PDF);

        // WHEN
        String target = store.quarantine(KEY);

        // THEN
        assertThat(store.head(KEY)).isEmpty();
        assertThat(store.head(target)).isPresent();
    }

    @Test
    void quarantine_nothingStored_shouldThrowNoSuchKey() {
        // GIVEN an empty bucket

        // WHEN / THEN
        assertThatThrownBy(() -> store.quarantine(KEY)).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void move_inboxFileWithSpacesAndTurkishLetters_shouldLandUnderItsUploadKeyWithItsBytes() throws Exception {
        // GIVEN a drop whose key carries an integrator's file name
        String inbox = "inbox/acme/app-1/INVOICE/fatura ödeme 1.pdf";
        put(inbox, PDF);

        // WHEN it is moved, twice (a replayed event)
        store.move(inbox, KEY);
        store.move(inbox, KEY);

        // THEN only the target holds the bytes
        assertThat(store.head(inbox)).isEmpty();
        try (InputStream in = store.open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    private String put(String key, byte[] bytes) {
        return bucket.client().putObject(request -> request.bucket(bucket.name()).key(key)
                .contentType("application/pdf"), RequestBody.fromBytes(bytes)).eTag();
    }
}
