package com.apexshare.upload.upload;

import java.util.UUID;

/** The upload is not completed yet: it cannot take this action (abort it instead of deleting it). */
public class UploadNotCompleted extends RuntimeException {

    public UploadNotCompleted(UUID fileId) {
        super("Upload " + fileId + ": " + "The upload is not completed yet: it cannot take this action (abort it instead of deleting it)".toLowerCase(java.util.Locale.ROOT));
    }
}
