package com.apexshare.events.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an upload's video may be: in the configured bucket, under the upload's own key ({@link ObjectKeys}). An event
 * naming anything else is not believed: whoever can write to a topic could otherwise make catalog-service's retention
 * delete any object its role may delete, or make download-service hand out or re-aim links to any object it may sign
 * for.
 */
public final class ObjectLocations {

    private final String bucket;

    /** @param bucket the one bucket this deployment keeps its videos in */
    public ObjectLocations(String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("the videos bucket (S3_BUCKET) must be set");
        }
        this.bucket = bucket;
    }

    /** Why a location is not the upload's own. */
    public enum Violation {
        /** The bucket is not the configured one. */
        FOREIGN_BUCKET,
        /** The key is not {@code videos/<date>/<fileId>-…} of this upload. */
        FOREIGN_KEY
    }

    public String bucket() {
        return bucket;
    }

    /** What is wrong with the location, or empty when it is the upload's own. */
    public Optional<Violation> check(UUID fileId, String bucketName, String key) {
        if (!bucket.equals(bucketName)) {
            return Optional.of(Violation.FOREIGN_BUCKET);
        }
        return ObjectKeys.isOwnKey(fileId, key) ? Optional.empty() : Optional.of(Violation.FOREIGN_KEY);
    }
}
