package com.apexshare.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the service keeps of a started upload to write its emails: the personal data of {@code UploadInitiated}.
 *
 * @param trainerEmail may be null (the trainer's token had no email)
 * @param notes        may be null
 */
public record UploadFacts(UUID fileId, Instant initiatedAt, String trainerId, String trainerName, String trainerEmail,
        String studentEmail, String studentName, LocalDate sessionDate, String notes, String fileName, long fileSize,
        Instant retentionUntil) {
}
