package com.apexshare.platform.kafka;

/**
 * Kafka did not acknowledge an event in time (down, slow, or refusing the producer). A request that needs the event
 * recorded answers 503 with {@code Retry-After}; the central error mapping does that.
 */
public class EventsUnavailable extends RuntimeException {

    public EventsUnavailable(String topic, Throwable cause) {
        super("Kafka did not acknowledge an event on " + topic + ": " + cause, cause);
    }
}
