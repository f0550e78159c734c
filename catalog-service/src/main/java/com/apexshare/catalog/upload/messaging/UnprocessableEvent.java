package com.apexshare.catalog.upload.messaging;

/**
 * A record that will never apply, however often it is retried (undecodable bytes, an invalid id, data the database
 * refuses): it goes straight to the dead-letter topic.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
