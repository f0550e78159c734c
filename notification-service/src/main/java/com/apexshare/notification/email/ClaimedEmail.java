package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email this replica has moved to {@code SENDING} and now sends.
 *
 * @param attempt           1 for the first attempt
 * @param firstDownloadedAt when the student first opened the link (trainer email only)
 */
public record ClaimedEmail(UUID fileId, EmailKind kind, int attempt, UploadFacts upload, Instant firstDownloadedAt) {
}
