package com.apexshare.events.serde;

/** The bytes are not a single-object-encoded Avro event, or their body does not match the schema they announce. */
public final class MalformedEventBytes extends EventDecodingFailed {

    MalformedEventBytes(String topic, String message, Throwable cause) {
        super(topic, message, cause);
    }
}
