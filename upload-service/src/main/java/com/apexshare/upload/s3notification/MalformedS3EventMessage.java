package com.apexshare.upload.s3notification;

/** A message that is not an S3 event message: however often it is read again, it cannot be handled. */
public class MalformedS3EventMessage extends RuntimeException {

    public MalformedS3EventMessage(String message) {
        super(message);
    }

    public MalformedS3EventMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
