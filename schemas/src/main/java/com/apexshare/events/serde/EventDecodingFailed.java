package com.apexshare.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value could not be decoded into an ApexShare event. Typed so that a consumer's error handler treats it as
 * not retryable and sends the record to its dead-letter topic instead of losing or retrying it.
 */
public sealed class EventDecodingFailed extends SerializationException
        permits MalformedEventBytes, UnknownSchemaFingerprint {

    private final String topic;

    EventDecodingFailed(String topic, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
    }

    /** Topic the record came from. */
    public String topic() {
        return topic;
    }
}
