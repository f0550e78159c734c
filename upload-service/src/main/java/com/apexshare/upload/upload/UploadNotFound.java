package com.apexshare.upload.upload;

/** No upload with this id belongs to the asking trainer (another trainer's upload looks the same: not found). */
public class UploadNotFound extends RuntimeException {

    public UploadNotFound(String fileId) {
        super("No upload " + fileId);
    }
}
