package com.apexshare.notification.email.messaging;

/** An event that decodes but cannot be right (e.g. a file id that is not a UUID): dead-lettered without retries. */
public class MalformedUploadEvent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedUploadEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
