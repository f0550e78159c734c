package com.apexshare.upload.notification;

/** A message that is not an S3 event message; retrying cannot help, so it goes to the dead-letter topic at once. */
public class MalformedS3Notification extends RuntimeException {

    public MalformedS3Notification(String message) {
        super(message);
    }

    public MalformedS3Notification(String message, Throwable cause) {
        super(message, cause);
    }
}
