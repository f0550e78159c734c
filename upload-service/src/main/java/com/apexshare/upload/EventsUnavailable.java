package com.apexshare.upload;

/** Kafka did not acknowledge an event in time; the request that needed it has not taken effect. */
public class EventsUnavailable extends RuntimeException {

    public EventsUnavailable(String topic, Throwable cause) {
        super("Kafka did not accept the event for " + topic + ": " + cause, cause);
    }
}
