package com.apexshare.upload.upload;

import java.util.UUID;

/** The upload is complete; it takes no more parts and cannot be aborted. */
public class UploadAlreadyCompleted extends RuntimeException {

    public UploadAlreadyCompleted(UUID fileId) {
        super("Upload " + fileId + " is already completed");
    }
}
