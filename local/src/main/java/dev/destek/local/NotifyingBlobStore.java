package dev.destek.local;

import java.io.InputStream;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Observes the emulator's store the way S3 notifications observe a bucket: after an object was really
 * written (put, copy, or a completed multipart upload), reports what the store now holds for that key —
 * its size and ETag as read back from the store, never what the client claimed.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {
    private final Consumer<ObjectCreated> listener;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        fire(request.bucket(), request.key(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        fire(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        fire(request.bucket(), request.key(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    private void fire(String bucket, String key, String eventName) {
        HeadObjectResponse stored = delegate().blobMetadataIfPresent(bucket, key);
        if (stored != null) {
            listener.accept(new ObjectCreated(bucket, key, stored.contentLength() == null ? 0 : stored.contentLength(),
                    unquote(stored.eTag()), stored.versionId(), eventName));
        }
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** An object the store now holds. */
    record ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String eventName) { }
}
