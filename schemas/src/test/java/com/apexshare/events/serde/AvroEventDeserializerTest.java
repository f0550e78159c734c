package com.apexshare.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import com.apexshare.events.CompletionSource;
import com.apexshare.events.SampleEvents;
import com.apexshare.events.UploadCompleted;

class AvroEventDeserializerTest {

    /** UploadCompleted as an earlier release would have written it: no {@code source} field yet. */
    private static final Schema UPLOAD_COMPLETED_WITHOUT_SOURCE = new Schema.Parser().parse("""
            {"type":"record","name":"UploadCompleted","namespace":"com.apexshare.events","fields":[
              {"name":"eventId","type":"string"},
              {"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"fileId","type":"string"},
              {"name":"bucket","type":"string"},
              {"name":"objectKey","type":"string"},
              {"name":"size","type":"long"},
              {"name":"eTag","type":"string"}]}""");

    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    @Test
    void shouldRoundTripEveryEvent() {
        for (SpecificRecord event : SampleEvents.oneOfEach("f-1")) {
            byte[] bytes = serializer.serialize("t", event);
            assertThat(deserializer.deserialize("t", bytes)).isEqualTo(event);
        }
    }

    @Test
    void shouldReadAnOlderWriterSchemaIntoTheCurrentClass() {
        // Given an event written by a producer that still has the older schema
        GenericRecord old = new GenericData.Record(UPLOAD_COMPLETED_WITHOUT_SOURCE);
        old.put("eventId", "e-1");
        old.put("occurredAt", Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
        old.put("fileId", "f-1");
        old.put("bucket", "b");
        old.put("objectKey", "videos/k");
        old.put("size", 7L);
        old.put("eTag", "abc");
        byte[] bytes = encode(UPLOAD_COMPLETED_WITHOUT_SOURCE, old);
        AvroEventDeserializer reader = new AvroEventDeserializer(new EventSchemas(List.of(UPLOAD_COMPLETED_WITHOUT_SOURCE)));

        // When the current reader decodes it
        SpecificRecord event = reader.deserialize("t", bytes);

        // Then the missing field takes its default
        assertThat(event).isInstanceOf(UploadCompleted.class);
        UploadCompleted completed = (UploadCompleted) event;
        assertThat(completed.getETag()).isEqualTo("abc");
        assertThat(completed.getOccurredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(completed.getSource()).isEqualTo(CompletionSource.UNKNOWN);
    }

    @Test
    void shouldRefuseAnUnknownFingerprintWithATypedError() {
        GenericRecord old = new GenericData.Record(UPLOAD_COMPLETED_WITHOUT_SOURCE);
        List.of("eventId", "fileId", "bucket", "objectKey", "eTag").forEach(f -> old.put(f, "x"));
        old.put("occurredAt", 1L);
        old.put("size", 1L);
        byte[] bytes = encode(UPLOAD_COMPLETED_WITHOUT_SOURCE, old);

        assertThatThrownBy(() -> deserializer.deserialize("apexshare.upload-completed.v1", bytes))
                .isInstanceOf(UnknownSchemaFingerprint.class)
                .hasMessageContaining("apexshare.upload-completed.v1")
                .satisfies(e -> assertThat(((UnknownSchemaFingerprint) e).fingerprint())
                        .isEqualTo(EventSchemas.fingerprint(UPLOAD_COMPLETED_WITHOUT_SOURCE)));
    }

    @Test
    void shouldRefuseGarbageWithATypedError() {
        byte[] garbage = new byte[64];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 0x7b; // '{': JSON is the most likely wrong payload

        assertThatThrownBy(() -> deserializer.deserialize("t", garbage)).isInstanceOf(MalformedEventBytes.class)
                .hasMessageContaining("not Avro single-object encoded");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0])).isInstanceOf(MalformedEventBytes.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", null)).isInstanceOf(MalformedEventBytes.class);
    }

    @Test
    void shouldRefuseATruncatedOrPaddedBodyWithATypedError() {
        byte[] valid = serializer.serialize("t", SampleEvents.oneOfEach("f-2").get(0));

        byte[] truncated = Arrays.copyOf(valid, valid.length - 20);
        byte[] padded = Arrays.copyOf(valid, valid.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize("t", truncated)).isInstanceOf(MalformedEventBytes.class)
                .hasMessageContaining("UploadInitiated");
        assertThatThrownBy(() -> deserializer.deserialize("t", padded)).isInstanceOf(MalformedEventBytes.class)
                .hasMessageContaining("Trailing bytes");
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            var buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
