package com.apexshare.catalog.upload;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Position after the last row of a keyset page: its time and id (the list's sort key), for uploads their upload date
 * and file id, for an upload's downloads their download time and download id. Opaque to clients: base64url of
 * {@code <ISO instant>|<id>}.
 */
public record PageCursor(Instant uploadDate, UUID fileId) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((uploadDate + "|" + fileId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty when it is not one this service made. */
    public static Optional<PageCursor> decode(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(Instant.parse(plain.substring(0, bar)),
                    UUID.fromString(plain.substring(bar + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
