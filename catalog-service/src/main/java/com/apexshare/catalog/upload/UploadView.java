package com.apexshare.catalog.upload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the dashboard knows about one upload. Student fields are null once the upload has expired (its personal data
 * is erased then).
 *
 * @param status      INITIATED, AVAILABLE, DELETED (aborted or removed) or EXPIRED (retention ended)
 * @param emailStatus PENDING, SENT or FAILED
 * @param emailFailedAt when the email was given up ({@code EmailFailed}); null unless it failed
 * @param linkGeneration  1 until the trainer first corrects the student's address, then counting up
 * @param linksRevokedAt  when the trainer revoked the links; null while they live
 * @param remindersEnabled whether the one reminder email may go out
 * @param reminderSentAt  when the reminder went out; null if none did
 * @param lastResentAt    when the trainer last had the email resent; null if never
 * @param delivery      the latest delivery report of the student's email; null while there is none
 */
public record UploadView(UUID fileId, String fileName, String originalFileName, String studentEmail,
        String studentName, String trainerName, LocalDate sessionDate, String notes, Instant uploadDate,
        Long fileSize, String contentType, String status, String emailStatus, Instant emailSentAt,
        Instant emailFailedAt, String emailFailureReason, long downloadCount, Instant lastDownloadAt,
        Instant completedAt, Instant retentionUntil, Instant deletedAt, String deletionReason, int linkGeneration,
        Instant linksRevokedAt, boolean remindersEnabled, Instant reminderSentAt, Instant lastResentAt,
        DeliveryView delivery) {

    /** The same upload with its delivery report. */
    public UploadView withDelivery(DeliveryView report) {
        return new UploadView(fileId, fileName, originalFileName, studentEmail, studentName, trainerName, sessionDate,
                notes, uploadDate, fileSize, contentType, status, emailStatus, emailSentAt, emailFailedAt,
                emailFailureReason, downloadCount, lastDownloadAt, completedAt, retentionUntil, deletedAt,
                deletionReason, linkGeneration, linksRevokedAt, remindersEnabled, reminderSentAt, lastResentAt, report);
    }

    /**
     * The dashboard's "did it arrive?": the latest delivery report if there is one, else {@code SENT} once the
     * provider accepted the email, else null (not sent yet, or failed before sending: see {@code emailStatus}).
     */
    public DeliveryView deliveryOrSent() {
        if (delivery != null) {
            return delivery;
        }
        return "SENT".equals(emailStatus) ? new DeliveryView("SENT", emailSentAt, null) : null;
    }
}
