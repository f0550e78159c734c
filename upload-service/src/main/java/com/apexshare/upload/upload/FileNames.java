package com.apexshare.upload.upload;

import java.text.Normalizer;
import java.util.Optional;

/**
 * File names from trainers' clients: what makes one unacceptable, and the key-safe form used in the object key (the
 * key is always built by the service, never taken from the client).
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;
    private static final int MAX_KEY_NAME_LENGTH = 120;
    private static final int MAX_EXTENSION_LENGTH = 10;

    private FileNames() {
    }

    /** Why a name is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String name) {
        if (name.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (TextRules.hasControlCharacter(name, false)) {
            return Optional.of("must not contain control characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            return Optional.of("must be a plain file name without path parts");
        }
        if (name.strip().chars().allMatch(c -> c == '.')) {
            return Optional.of("must be a file name, not '.' or '..'");
        }
        return Optional.empty();
    }

    /**
     * ASCII letters, digits, dot, dash and underscore only (everything else becomes {@code _}), accents folded, no
     * leading dots, at most 120 characters with the extension kept.
     */
    public static String keySafe(String name) {
        String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String safe = folded.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_{2,}", "_")
                .replaceAll("^[._]+", "").replaceAll("[_]+$", "");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.' || c == '_')) {
            safe = "video";
        }
        if (safe.length() > MAX_KEY_NAME_LENGTH) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= MAX_EXTENSION_LENGTH + 1 ? safe.substring(dot) : "";
            safe = safe.substring(0, MAX_KEY_NAME_LENGTH - extension.length()) + extension;
        }
        return safe;
    }
}
