package com.apexshare.upload.upload;

/** The client asked to complete an upload whose bytes are not (all) in S3 yet. */
public class UploadIncomplete extends RuntimeException {

    public UploadIncomplete(String message) {
        super(message);
    }
}
