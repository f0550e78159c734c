package com.apexshare.upload.upload;

import java.util.UUID;

/** The object S3 assembled does not have the declared size; it was removed and the upload aborted. */
public class UploadSizeMismatch extends RuntimeException {

    public UploadSizeMismatch(UUID fileId, long declared, long actual) {
        super("Upload " + fileId + " declared " + declared + " bytes but S3 holds " + actual);
    }
}
