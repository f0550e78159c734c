package com.apexshare.download.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.apexshare.devstack.DevStack;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventDeserializer;

/** Reads the {@code Downloaded} topic from the start, as an analytics consumer would, keeping the raw bytes too. */
public final class DownloadedEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public DownloadedEvents() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DOWNLOADED.name()));
    }

    /** Polls once more and returns every record seen so far for the upload. */
    public List<ConsumerRecord<String, byte[]>> recordsFor(UUID fileId) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(r -> fileId.toString().equals(r.key())).toList();
    }

    public Downloaded decode(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event = deserializer.deserialize(record.topic(), record.value());
        return (Downloaded) event;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
