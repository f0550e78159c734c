package com.apexshare.devstack;

import java.io.InputStream;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy emits no event notifications; this blob store tells a listener about every created object after the write
 * succeeded, so that the local run feeds the same notification bridge as production S3 or MinIO.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);

    private final ObjectCreatedListener listener;

    NotifyingBlobStore(BlobStore delegate, ObjectCreatedListener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        notify("Put", request.bucket(), request.key());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        notify("CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        notify("Copy", request.destinationBucket(), request.destinationKey());
        return response;
    }

    private void notify(String eventName, String bucket, String key) {
        if (key.startsWith(".s3proxy")) {
            // S3Proxy's own bookkeeping (multipart stubs), not an object anyone created.
            return;
        }
        try {
            HeadObjectResponse head = delegate().blobMetadata(bucket, key);
            String eTag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
            listener.objectCreated(eventName, bucket, key, head.contentLength() == null ? 0 : head.contentLength(), eTag);
        } catch (RuntimeException e) {
            // Like S3, a lost notification never fails the write; the client's own complete signal still arrives.
            LOG.warn("devstack: no notification for {}/{}: {}", bucket, key, e.toString());
        }
    }
}
