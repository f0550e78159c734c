package com.apexshare.upload.upload;

import java.util.UUID;

/** The upload has expired. */
public class UploadExpired extends RuntimeException {

    public UploadExpired(UUID fileId) {
        super("Upload " + fileId + ": " + "The upload has expired".toLowerCase(java.util.Locale.ROOT));
    }
}
