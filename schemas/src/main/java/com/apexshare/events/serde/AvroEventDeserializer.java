package com.apexshare.events.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads ApexShare events written in Avro single-object encoding by any released schema version, into the current
 * generated class. Never returns null for bad input: it throws {@link MalformedEventBytes} or
 * {@link UnknownSchemaFingerprint}, which Spring Kafka's {@code ErrorHandlingDeserializer} hands to the error handler
 * and so to the dead-letter topic.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final EventSchemas schemas;
    private final Map<Long, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    /** Knows the current schemas and every released version; the constructor Kafka uses. */
    public AvroEventDeserializer() {
        this(EventSchemas.defaults());
    }

    public AvroEventDeserializer(EventSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            // A tombstone is not an event; reading it as one would be a silent null downstream.
            throw new MalformedEventBytes(topic, "Null record value on topic " + topic + ": not an ApexShare event", null);
        }
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new MalformedEventBytes(topic, "Record value on topic " + topic
                    + " is not Avro single-object encoded (" + data.length + " bytes, missing the C3 01 marker)", null);
        }
        long fingerprint = littleEndianLong(data, 2);
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(fingerprint, fp -> newReader(topic, fp));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, null);
        try {
            SpecificRecord event = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new MalformedEventBytes(topic, "Trailing bytes after a " + event.getSchema().getName()
                        + " on topic " + topic, null);
            }
            return event;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new MalformedEventBytes(topic, "Corrupt Avro body on topic " + topic + " for writer schema "
                    + reader.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<SpecificRecord> newReader(String topic, long fingerprint) {
        Schema writer = schemas.writer(fingerprint).orElseThrow(() -> new UnknownSchemaFingerprint(topic, fingerprint));
        Schema reader = schemas.reader(writer.getFullName())
                .orElseThrow(() -> new UnknownSchemaFingerprint(topic, fingerprint));
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }

    private static long littleEndianLong(byte[] data, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xFFL);
        }
        return value;
    }
}
