package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an upload stands after a trainer's action: what the action answers.
 *
 * @param linksRevokedAt null while its links live
 */
public record ActionState(UUID fileId, UploadStatus status, Instant expiresAt, int linkGeneration,
        Instant linksRevokedAt, boolean remindersEnabled) {
}
