package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email this replica has moved to {@code SENDING} and now sends.
 *
 * @param attempt           1 for the first attempt
 * @param firstDownloadedAt when the student first opened the link (trainer email only)
 * @param studentDelivery   the student email's delivery state (trainer delivery-problem email only)
 * @param studentBounce     its bounce type, if it bounced (trainer delivery-problem email only)
 */
public record ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
        DeliveryState studentDelivery, BounceType studentBounce, String linkToken) {

    /** @param linkToken the issued token the student's email carries (a secret; never logged); null for others */
    public ClaimedEmail {
        if (kind == EmailKind.STUDENT_LINK && linkToken == null) {
            throw new IllegalArgumentException("A student's email is sent only with its issued link");
        }
    }

    /** An email without delivery details (the student's link email carries its issued token). */
    public ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
            String linkToken) {
        this(fileId, kind, attempt, upload, firstDownloadedAt, null, null, linkToken);
    }

    /** Who this email goes to: the student or the trainer; null when unknown. */
    public String recipient() {
        return recipientOf(kind, upload);
    }

    static String recipientOf(EmailKind kind, UploadFacts upload) {
        return kind == EmailKind.STUDENT_LINK ? upload.studentEmail() : upload.trainerEmail();
    }

    @Override
    public String toString() {
        return "ClaimedEmail[" + kind + " of upload " + fileId + ", attempt " + attempt + "]";
    }
}
