package com.apexshare.platform.kafka;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import com.apexshare.events.serde.AvroEventSerializer;

/**
 * The producer's value serializer, chosen by the value's type: Avro events in single-object encoding; bytes as they
 * are (dead letters republished as they arrived, outbox rows already encoded); text as UTF-8 (raw S3 notifications).
 */
public final class ValueSerializers {

    private ValueSerializers() {
    }

    public static Serializer<Object> byType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> serializer = (Serializer) new DelegatingByTypeSerializer(Map.of(
                SpecificRecord.class, new AvroEventSerializer(),
                byte[].class, new ByteArraySerializer(),
                String.class, new StringSerializer()), true);
        return serializer;
    }
}
