package com.apexshare.platform.kafka;

/**
 * A record that can never be processed, however often it is retried: it cannot be decoded, or it breaks the contract
 * (a file id that is not a UUID, a missing field, facts that contradict what the service knows). The error policy
 * sends it to the consumer group's dead-letter topic at once, so the partition moves on. Throw it (or a subclass
 * named as the fact, e.g. {@code MalformedUploadEvent}) from a listener's mapping; never for a failure that may pass,
 * such as a database, S3 or SMTP outage: those are retried.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message) {
        super(message);
    }

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
