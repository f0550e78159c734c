package com.apexshare.cli.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The video types ApexShare accepts, told from the file name's extension (GoPro cards write {@code .MP4}). */
final class ContentTypes {

    static final Map<String, String> BY_EXTENSION;

    static {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("mp4", "video/mp4");
        types.put("mov", "video/quicktime");
        types.put("avi", "video/x-msvideo");
        BY_EXTENSION = Collections.unmodifiableMap(types);
    }

    private ContentTypes() {
    }

    static Optional<String> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The list shown when a file's type cannot be told: {@code .mp4 (video/mp4), .mov (…), .avi (…)}. */
    static String allowed() {
        return BY_EXTENSION.entrySet().stream()
                .map(e -> "." + e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
