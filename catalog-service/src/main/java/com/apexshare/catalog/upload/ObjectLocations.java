package com.apexshare.catalog.upload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an upload's video may be: in the configured bucket, under the upload's own key
 * {@code videos/YYYY-MM-DD/<fileId>-<fileName>} (the layout upload-service gives every key; mirrored here, not
 * imported, because services share only {@code schemas/}). An event naming anything else is not believed: whoever can
 * write to a topic could otherwise make retention delete any object the catalog's role may delete.
 */
public final class ObjectLocations {

    /** The date must be a real day and the file id canonical; the name after it is anything but a line break. */
    private static final Pattern KEY = Pattern.compile(
            "videos/(\\d{4}-\\d{2}-\\d{2})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-.+");

    private final String bucket;

    /** @param bucket the one bucket this deployment keeps its videos in */
    public ObjectLocations(String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("apexshare.catalog.s3.bucket must be set");
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
        return isOwnKey(fileId, key) ? Optional.empty() : Optional.of(Violation.FOREIGN_KEY);
    }

    /** Whether {@code key} is in the layout and names this upload's file id. */
    public static boolean isOwnKey(UUID fileId, String key) {
        if (fileId == null || key == null) {
            return false;
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches() || !m.group(2).equals(fileId.toString())) {
            return false;
        }
        try {
            LocalDate.parse(m.group(1));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
