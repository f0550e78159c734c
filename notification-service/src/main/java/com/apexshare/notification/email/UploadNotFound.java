package com.apexshare.notification.email;

import java.util.UUID;

/** No upload with this id is known to this service for the asking trainer. */
public class UploadNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadNotFound(UUID fileId) {
        super("No upload " + fileId + " is known for this trainer");
    }
}
