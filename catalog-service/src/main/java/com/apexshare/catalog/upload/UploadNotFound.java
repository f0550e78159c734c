package com.apexshare.catalog.upload;

/** No upload with this id belongs to the calling trainer (another trainer's upload is reported the same way). */
public class UploadNotFound extends RuntimeException {

    public UploadNotFound(String fileId) {
        super("No upload " + fileId + " for this trainer");
    }
}
