package com.apexshare.catalog.retention.s3;

import org.springframework.stereotype.Component;

import com.apexshare.catalog.retention.ObjectStore;

import software.amazon.awssdk.services.s3.S3Client;

/** S3's DeleteObject already answers success for a missing key, so a repeated deletion is harmless. */
@Component
class S3ObjectStore implements ObjectStore {

    private final S3Client s3;

    S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
