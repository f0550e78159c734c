package com.apexshare.catalog.upload;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One student as one trainer knows them: every upload for the address, across sessions.
 *
 * @param studentEmail     the address, lower case
 * @param studentName      the name on the newest upload
 * @param uploads          how many uploads (any state)
 * @param downloads        downloads over all of them
 * @param notDownloaded    available uploads never downloaded
 * @param firstSessionDate earliest session date
 * @param lastSessionDate  latest session date
 * @param lastUploadDate   when the newest upload was started
 */
public record StudentSummary(String studentEmail, String studentName, long uploads, long downloads,
        long notDownloaded, LocalDate firstSessionDate, LocalDate lastSessionDate, Instant lastUploadDate) {
}
