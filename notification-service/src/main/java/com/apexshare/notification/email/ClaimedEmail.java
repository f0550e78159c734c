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
 * @param ref               the email's ref within its kind (see {@link EmailId})
 * @param linkGeneration    the link generation the email's link was issued for
 * @param linkToken         the issued token a student's email carries (a secret; never logged); null for the trainer's
 */
public record ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
        DeliveryState studentDelivery, BounceType studentBounce, String ref, int linkGeneration, String linkToken) {

    public ClaimedEmail {
        if (kind.toStudent() && linkToken == null) {
            throw new IllegalArgumentException("A student's email is sent only with its issued link");
        }
    }

    /** An email without delivery details, of the first link generation (a student's email carries its token). */
    public ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
            String linkToken) {
        this(fileId, kind, attempt, upload, firstDownloadedAt, null, null, "", 1, linkToken);
    }

    /** A trainer's email about the student's delivery. */
    public ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt,
            DeliveryState studentDelivery, BounceType studentBounce) {
        this(fileId, kind, attempt, upload, firstDownloadedAt, studentDelivery, studentBounce, "", 1, null);
    }

    public EmailId id() {
        return new EmailId(fileId, kind, ref);
    }

    /** Who this email goes to: the student or the trainer; null when unknown. */
    public String recipient() {
        return recipientOf(kind, upload);
    }

    static String recipientOf(EmailKind kind, UploadFacts upload) {
        return kind.toStudent() ? upload.studentEmail() : upload.trainerEmail();
    }

    @Override
    public String toString() {
        return "ClaimedEmail[" + kind + " of upload " + fileId + ", attempt " + attempt + "]";
    }
}
