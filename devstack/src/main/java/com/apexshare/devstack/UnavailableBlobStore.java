package com.apexshare.devstack;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;

import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * While switched on, answers the calls with which an upload completes (HeadObject of a single PUT, CompleteMultipartUpload)
 * with 503, as S3 does when it is unavailable or throttles; every other call (the client's PUTs, the downloads) passes.
 * The fault suite uses it for "S3 unavailable at complete".
 */
final class UnavailableBlobStore extends ForwardingBlobStore {

    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    UnavailableBlobStore(BlobStore delegate) {
        super(delegate);
    }

    void unavailable(boolean on) {
        unavailable.set(on);
    }

    /** Calls answered with 503 since the store started. */
    int refused() {
        return refused.get();
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        refuseWhileUnavailable();
        return super.blobMetadata(request);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        refuseWhileUnavailable();
        return super.completeMultipartUpload(upload, request);
    }

    private void refuseWhileUnavailable() {
        if (unavailable.get()) {
            refused.incrementAndGet();
            throw S3Exceptions.fromStatusCode(503);
        }
    }
}
