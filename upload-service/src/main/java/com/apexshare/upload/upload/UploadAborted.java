package com.apexshare.upload.upload;

import java.util.UUID;

/** The upload was aborted (by its trainer, by housekeeping or because S3 dropped it); it cannot continue. */
public class UploadAborted extends RuntimeException {

    public UploadAborted(UUID fileId) {
        super("Upload " + fileId + " was aborted");
    }
}
