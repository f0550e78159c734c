package com.apexshare.devstack;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;

import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Counts the UploadPart requests the store accepted, per object: what reached S3 itself, whatever a client believes
 * it sent (a browser test checks that a resumed upload sends only the missing parts). Also refuses DeleteObject for
 * objects a test names ({@link S3Store#refuseDeletes}), so that a test can make one object's deletion fail while the
 * others succeed, as a real bucket does for an object under a legal hold or a failing partition.
 */
final class PartCountingBlobStore extends ForwardingBlobStore {

    private final Map<String, AtomicInteger> parts = new ConcurrentHashMap<>();
    private final Set<String> refusedDeletes = ConcurrentHashMap.newKeySet();

    PartCountingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request,
            InputStream input) {
        UploadPartResponse response = super.uploadMultipartPart(upload, request, input);
        parts.computeIfAbsent(upload.containerName() + "/" + upload.blobName(), k -> new AtomicInteger())
                .incrementAndGet();
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        if (refusedDeletes.contains(request.bucket() + "/" + request.key())) {
            throw new IllegalStateException("devstack: deletion of this object is refused by the test");
        }
        return super.removeBlob(request);
    }

    void refuseDeletes(String bucket, String key, boolean refuse) {
        if (refuse) {
            refusedDeletes.add(bucket + "/" + key);
        } else {
            refusedDeletes.remove(bucket + "/" + key);
        }
    }

    /** UploadPart requests stored so far, by {@code bucket/key}. */
    Map<String, Integer> uploadPartRequests() {
        Map<String, Integer> snapshot = new java.util.TreeMap<>();
        parts.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }
}
