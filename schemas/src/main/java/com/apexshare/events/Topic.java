package com.apexshare.events;

import java.util.Objects;

/**
 * One entry of the topic catalog: a topic's name, the type and format of its values and its partition count. Every
 * record is keyed by the upload's file id (UUID text, {@link #KEY_TYPE}), so all events of one upload stay in order on
 * one partition.
 *
 * @param name       topic name
 * @param valueType  class of the record values: a generated Avro class, or {@code String} for JSON text
 * @param format     how values are encoded on the wire
 * @param partitions partition count used when the topic is created
 * @param <V>        value type
 */
public record Topic<V>(String name, Class<V> valueType, Format format, int partitions) {

    /** Keys are the upload's file id as text. */
    public static final Class<String> KEY_TYPE = String.class;

    /** Wire format of a topic's values. */
    public enum Format {
        /** Avro single-object encoding of a generated class ({@code AvroEventSerializer}). */
        AVRO,
        /** UTF-8 JSON text written by a system outside ApexShare (S3's event notifications). */
        JSON
    }

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(format, "format");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    static <V extends org.apache.avro.specific.SpecificRecord> Topic<V> avro(String name, Class<V> type,
            int partitions) {
        return new Topic<>(name, type, Format.AVRO, partitions);
    }

    static Topic<String> json(String name, int partitions) {
        return new Topic<>(name, String.class, Format.JSON, partitions);
    }

    /**
     * The dead-letter topic of one consumer group on this topic. Each consuming service gets its own, so that a
     * record one service cannot process is retried or inspected without touching the others.
     */
    public String deadLetter(String consumerGroup) {
        return Topics.deadLetter(name, consumerGroup);
    }
}
