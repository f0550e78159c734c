package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an upload's expiry, as {@code UploadExpiryChanged} announces it.
 *
 * @param revision 1 for the first change of the upload, then counting up
 */
public record ExpiryChange(UUID fileId, Instant previousExpiresAt, Instant expiresAt, long revision) {
}
