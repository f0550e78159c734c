package com.apexshare.upload.upload;

import java.util.UUID;

/** The trainer deleted this upload. */
public class UploadRemoved extends RuntimeException {

    public UploadRemoved(UUID fileId) {
        super("Upload " + fileId + ": " + "The trainer deleted this upload".toLowerCase(java.util.Locale.ROOT));
    }
}
