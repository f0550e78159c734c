package com.apexshare.upload;

/** Where an upload session stands. Only {@link #IN_PROGRESS} moves on, to exactly one of the two others. */
public enum UploadStatus {
    IN_PROGRESS,
    COMPLETED,
    ABORTED
}
