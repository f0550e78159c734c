package com.apexshare.upload.upload;

/**
 * Where an upload session stands. {@link #IN_PROGRESS} moves on to {@link #COMPLETED} or {@link #ABORTING};
 * {@link #ABORTING} (S3 cleaned up and {@code UploadDeleted} published outside any transaction) ends in
 * {@link #ABORTED}. {@link UploadSession} refuses every other move.
 */
public enum UploadStatus {
    IN_PROGRESS,
    COMPLETED,
    /** An abort is claimed and under way; if its claimant dies, housekeeping finishes it after the abort lease. */
    ABORTING,
    ABORTED
}
