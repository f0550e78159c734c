package com.apexshare.upload.upload;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key layout {@code videos/YYYY-MM-DD/<fileId>-<fileName>}: the date is the upload's (UTC) initiation day,
 * so lifecycle rules and listings can work by day; the file id makes every key unique and lets the S3 notification
 * bridge find the upload a new object belongs to.
 */
public final class ObjectKeys {

    public static final String PREFIX = "videos/";

    private static final Pattern KEY = Pattern.compile(
            "videos/\\d{4}-\\d{2}-\\d{2}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-.+");

    private ObjectKeys() {
    }

    public static String of(LocalDate day, UUID fileId, String safeFileName) {
        return PREFIX + day + "/" + fileId + "-" + safeFileName;
    }

    /** The file id in a key of this layout, or empty for any other key. */
    public static Optional<UUID> fileIdOf(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }
}
