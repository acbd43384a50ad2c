package dev.destek.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxyServerTest {

    @Test
    void decorate_completedPut_shouldBeObservedWithItsKey() {
        // GIVEN a decorator as the local runner uses to emit S3 events
        List<String> stored = new CopyOnWriteArrayList<>();
        try (S3ProxyServer server = S3ProxyServer.builder()
                .decorate(store -> new ObservingStore(store, stored))
                .start();
             S3Client s3 = client(server, server.credential())) {
            s3.createBucket(request -> request.bucket("docs"));

            // WHEN
            s3.putObject(request -> request.bucket("docs").key("uploads/a/b/c"), RequestBody.fromString("hello"));

            // THEN
            assertThat(stored).containsExactly("docs/uploads/a/b/c");
        }
    }

    @Test
    void start_wrongSecret_shouldRefuseTheRequest() {
        // GIVEN
        try (S3ProxyServer server = S3ProxyServer.startTransient();
             S3Client s3 = client(server, "not-the-secret")) {

            // WHEN
            int status;
            try {
                s3.createBucket(request -> request.bucket("docs"));
                status = 200;
            } catch (S3Exception e) {
                status = e.statusCode();
            }

            // THEN
            assertThat(status).isEqualTo(403);
        }
    }

    @Test
    void filesystem_restart_shouldKeepObjects(@TempDir Path basedir) {
        // GIVEN
        try (S3ProxyServer first = S3ProxyServer.builder().filesystem(basedir).start();
             S3Client s3 = client(first, first.credential())) {
            s3.createBucket(request -> request.bucket("docs"));
            s3.putObject(request -> request.bucket("docs").key("k"), RequestBody.fromString("kept"));
        }

        // WHEN
        String read;
        try (S3ProxyServer second = S3ProxyServer.builder().filesystem(basedir).start();
             S3Client s3 = client(second, second.credential())) {
            read = s3.getObjectAsBytes(request -> request.bucket("docs").key("k")).asUtf8String();
        }

        // THEN
        assertThat(read).isEqualTo("kept");
    }

    private static S3Client client(S3ProxyServer server, String secret) {
        return S3Client.builder()
                .region(Region.EU_CENTRAL_1)
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.identity(), secret)))
                .build();
    }

    private static final class ObservingStore extends ForwardingBlobStore {
        private final List<String> stored;

        ObservingStore(BlobStore delegate, List<String> stored) {
            super(delegate);
            this.stored = stored;
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, java.io.InputStream content) {
            PutObjectResponse response = super.putBlob(request, content);
            stored.add(request.bucket() + "/" + request.key());
            return response;
        }
    }
}
