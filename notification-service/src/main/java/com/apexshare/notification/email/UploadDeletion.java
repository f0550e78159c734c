package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/** {@code UploadDeleted}: the upload is gone ({@code reason} as the event names it). */
public record UploadDeletion(UUID fileId, String reason, Instant deletedAt) {
}
