package com.apexshare.events.storage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key layout {@code videos/YYYY-MM-DD/<fileId>-<fileName>}. The date is the upload's (UTC) initiation day,
 * so lifecycle rules and listings can work by day. The file id makes every key unique, lets the S3 notification bridge
 * find the upload a new object belongs to, and lets every consumer refuse an event that points an upload at an object
 * that is not its own.
 */
public final class ObjectKeys {

    public static final String PREFIX = "videos/";

    /** The date must be a real day and the file id canonical (lower case); the name after it is anything but a line break. */
    private static final Pattern KEY = Pattern.compile(
            "videos/(\\d{4}-\\d{2}-\\d{2})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-.+");

    private ObjectKeys() {
    }

    /** The key of an upload initiated on {@code day}; {@code safeFileName} is already reduced to key-safe characters. */
    public static String of(LocalDate day, UUID fileId, String safeFileName) {
        return PREFIX + day + "/" + fileId + "-" + safeFileName;
    }

    /** The file id in a key of this layout, or empty for any other key. */
    public static Optional<UUID> fileIdOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches() || !isDay(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(2)));
    }

    /** Whether {@code key} is in the layout and names this upload's file id. */
    public static boolean isOwnKey(UUID fileId, String key) {
        return fileId != null && fileIdOf(key).filter(fileId::equals).isPresent();
    }

    private static boolean isDay(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
