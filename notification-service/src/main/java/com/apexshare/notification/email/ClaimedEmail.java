package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email this replica has moved to {@code SENDING} and now sends.
 *
 * @param attempt           1 for the first attempt
 * @param firstDownloadedAt when the student first opened the link (trainer email only)
 */
public record ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
        String linkToken) {

    /** @param linkToken the issued token the student's email carries (a secret; never logged); null for others */
    public ClaimedEmail {
        if (kind == EmailKind.STUDENT_LINK && linkToken == null) {
            throw new IllegalArgumentException("A student's email is sent only with its issued link");
        }
    }

    @Override
    public String toString() {
        return "ClaimedEmail[" + kind + " of upload " + fileId + ", attempt " + attempt + "]";
    }
}
