package com.apexshare.gateway.routing;

import java.util.Optional;

/**
 * Decides whether a raw (undecoded) request path is in canonical form. A service's servlet container would normalise
 * {@code /d/..;/actuator/env} or {@code /d/%2e%2e/actuator} into {@code /actuator/...} after the gateway matched
 * {@code /d/**}; refusing every path that a normalisation could change closes that door: dot segments (plain or
 * encoded), empty segments ({@code //}), matrix parameters ({@code ;}), backslashes, encoded {@code /}, {@code \},
 * {@code ;}, {@code .} and {@code %} (double encoding), and control characters.
 */
public final class PathGuard {

    private PathGuard() {
    }

    /** Why the path is refused, or empty when it is canonical. */
    public static Optional<String> refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("path does not start with /");
        }
        int segmentStart = 1;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c == 0x7f || c > 0x7e) {
                return Optional.of("control, space or non-ASCII character");
            }
            switch (c) {
                case ';' -> {
                    return Optional.of("matrix parameter (;)");
                }
                case '\\' -> {
                    return Optional.of("backslash");
                }
                case '%' -> {
                    Optional<String> encoded = encoded(rawPath, i);
                    if (encoded.isPresent()) {
                        return encoded;
                    }
                    i += 2;
                }
                case '/' -> {
                    if (i > 0) {
                        Optional<String> segment = segment(rawPath, segmentStart, i);
                        if (segment.isPresent()) {
                            return segment;
                        }
                        segmentStart = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        return lastSegment(rawPath, segmentStart);
    }

    private static Optional<String> encoded(String path, int at) {
        if (at + 2 >= path.length()) {
            return Optional.of("incomplete percent-encoding");
        }
        int value = hex(path.charAt(at + 1)) * 16 + hex(path.charAt(at + 2));
        if (value < 0) {
            return Optional.of("invalid percent-encoding");
        }
        if (value == '/' || value == '\\' || value == ';' || value == '.' || value == '%' || value < 0x20
                || value == 0x7f) {
            return Optional.of("encoded separator, dot, percent or control character");
        }
        return Optional.empty();
    }

    private static Optional<String> segment(String path, int start, int end) {
        if (end == start) {
            return Optional.of("empty segment (//)");
        }
        String segment = path.substring(start, end);
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("dot segment");
        }
        return Optional.empty();
    }

    private static Optional<String> lastSegment(String path, int start) {
        String segment = path.substring(start);
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("dot segment");
        }
        return Optional.empty();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1000;
    }
}
