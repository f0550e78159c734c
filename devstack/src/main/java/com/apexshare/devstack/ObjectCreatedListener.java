package com.apexshare.devstack;

/** Told when an object is created in the devstack S3 store, as S3 event notifications (ObjectCreated:*) would tell. */
@FunctionalInterface
public interface ObjectCreatedListener {

    /**
     * @param eventName S3 event name without the prefix: {@code Put}, {@code CompleteMultipartUpload} or {@code Copy}
     * @param bucket    bucket name
     * @param key       object key
     * @param size      object size in bytes
     * @param eTag      object ETag without quotes
     */
    void objectCreated(String eventName, String bucket, String key, long size, String eTag);
}
