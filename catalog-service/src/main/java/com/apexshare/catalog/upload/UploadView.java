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
 */
public record UploadView(UUID fileId, String fileName, String originalFileName, String studentEmail,
        String studentName, String trainerName, LocalDate sessionDate, String notes, Instant uploadDate,
        Long fileSize, String contentType, String status, String emailStatus, Instant emailSentAt,
        Instant emailFailedAt, String emailFailureReason, long downloadCount, Instant lastDownloadAt,
        Instant completedAt, Instant retentionUntil, Instant deletedAt) {
}
