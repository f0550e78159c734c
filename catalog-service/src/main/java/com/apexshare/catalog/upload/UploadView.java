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
 */
public record UploadView(UUID fileId, String fileName, String originalFileName, String studentEmail,
        String studentName, String trainerName, LocalDate sessionDate, String notes, Instant uploadDate,
        Long fileSize, String contentType, String status, String emailStatus, Instant emailSentAt,
        Instant emailFailedAt, String emailFailureReason, long downloadCount, Instant lastDownloadAt,
        Instant completedAt, Instant retentionUntil, Instant deletedAt, String deletionReason, int linkGeneration,
        Instant linksRevokedAt, boolean remindersEnabled, Instant reminderSentAt, Instant lastResentAt) {
}
