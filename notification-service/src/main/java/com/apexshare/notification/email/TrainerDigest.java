package com.apexshare.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One trainer's daily digest: their live uploads whose students have not downloaded yet, and those first downloaded
 * since the day before.
 *
 * @param id identifies the digest (trainer and day) to the mail provider; no upload's id
 */
public record TrainerDigest(UUID id, String trainerId, String trainerName, String trainerEmail, LocalDate day,
        List<Line> notDownloaded, List<Line> downloadedSince) {

    /** One upload in the digest. */
    public record Line(UUID fileId, String fileName, String studentName, LocalDate sessionDate,
            Instant firstDownloadedAt, Instant expiresAt) {
    }

    public boolean isEmpty() {
        return notDownloaded.isEmpty() && downloadedSince.isEmpty();
    }
}
