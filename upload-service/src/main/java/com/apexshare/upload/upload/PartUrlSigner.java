package com.apexshare.upload.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.apexshare.upload.UploadProperties;

/** Presigned UploadPart URLs of a multipart upload, each signing its part's exact length. */
@Component
class PartUrlSigner {

    private final ObjectStore store;
    private final Duration expiry;

    PartUrlSigner(ObjectStore store, UploadProperties properties) {
        this.store = store;
        this.expiry = properties.presignExpiry();
    }

    List<PartUrl> sign(String key, String s3UploadId, PartPlan plan, List<Integer> partNumbers) {
        List<PartUrl> urls = new ArrayList<>(partNumbers.size());
        for (int n : partNumbers) {
            urls.add(new PartUrl(n, store.presignPart(key, s3UploadId, n, plan.partLength(n), expiry).url()));
        }
        return urls;
    }

    /** When URLs signed now stop working. */
    Instant expiresAt(Instant now) {
        return now.plus(expiry);
    }

    PresignedUrl singlePut(String key, String contentType, long size) {
        return store.presignPut(key, contentType, size, expiry);
    }
}
