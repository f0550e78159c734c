package com.apexshare.events;

import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;

/**
 * One entry of the topic catalog: a topic's name, the type of its values and its partition count. Every record is
 * keyed by the upload's file id (UUID text, {@link #KEY_TYPE}), so all events of one upload stay in order on one
 * partition.
 *
 * @param name       topic name
 * @param valueType  Avro class of the record values
 * @param partitions partition count used when the topic is created
 * @param <V>        value type
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, int partitions) {

    /** Keys are the upload's file id as text. */
    public static final Class<String> KEY_TYPE = String.class;

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    /**
     * The dead-letter topic of one consumer group on this topic. Each consuming service gets its own, so that a
     * record one service cannot process is retried or inspected without touching the others.
     */
    public String deadLetter(String consumerGroup) {
        return Topics.deadLetter(name, consumerGroup);
    }
}
