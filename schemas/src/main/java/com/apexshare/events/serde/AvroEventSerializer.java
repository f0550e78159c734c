package com.apexshare.events.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes ApexShare events in Avro single-object encoding. Configure it as a producer's {@code value.serializer}; a
 * deployment using Confluent Schema Registry swaps in {@code KafkaAvroSerializer} by configuration instead.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord> {

    static {
        // Avro 1.12 refuses to serialize classes of untrusted packages; a producer-only service must not depend on a
        // deserializer having been loaded first to trust the event classes.
        EventSchemas.defaults();
    }

    private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(event.getSchema(),
                schema -> new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema));
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + event.getSchema().getFullName() + " for topic " + topic, e);
        }
    }
}
