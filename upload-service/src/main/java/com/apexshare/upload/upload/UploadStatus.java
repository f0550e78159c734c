package com.apexshare.upload.upload;

/**
 * Where an upload session stands. {@link #IN_PROGRESS} moves on to {@link #COMPLETED} or {@link #ABORTING};
 * {@link #ABORTING} (S3 cleaned up and {@code UploadDeleted} published outside any transaction) ends in
 * {@link #ABORTED}. A completed upload the trainer deletes moves on to {@link #DELETING} (the object removed with no
 * transaction open) and ends in {@link #DELETED}. {@link UploadSession} refuses every other move.
 */
public enum UploadStatus {
    IN_PROGRESS,
    COMPLETED,
    /** An abort is claimed and under way; if its claimant dies, housekeeping finishes it after the abort lease. */
    ABORTING,
    ABORTED,
    /** The trainer's delete of a completed upload is claimed and under way; finished by housekeeping if it stalls. */
    DELETING,
    /** The trainer deleted the completed upload: the object is gone and {@code UploadDeleted(TRAINER_DELETED)} out. */
    DELETED
}
