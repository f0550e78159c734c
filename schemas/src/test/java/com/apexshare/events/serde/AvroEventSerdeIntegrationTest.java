package com.apexshare.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.apexshare.devstack.DevStack;
import com.apexshare.events.SampleEvents;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

import static org.awaitility.Awaitility.await;

class AvroEventSerdeIntegrationTest {

    @Test
    void shouldRoundTripEveryEventThroughARealBroker() throws Exception {
        // Given one event of each type, keyed by a fresh file id
        String fileId = UUID.randomUUID().toString();
        List<SpecificRecord> events = SampleEvents.oneOfEach(fileId);
        String bootstrap = DevStack.kafka().bootstrapServers();

        // When each is produced to its catalog topic with the serializer
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new AvroEventSerializer())) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(topicOf(event).name(), fileId, event)).get();
            }
        }

        // Then a consumer with the deserializer reads back equal events under the same key
        List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "serde-test-" + fileId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new AvroEventDeserializer())) {
            consumer.subscribe(Topics.events().stream().map(Topic::name).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (fileId.equals(r.key())) {
                        received.add(r);
                    }
                });
                return received.size() == events.size();
            });
        }
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(events);
        assertThat(received).allSatisfy(r -> assertThat(r.topic()).isEqualTo(topicOf(r.value()).name()));
    }

    private static Topic<?> topicOf(SpecificRecord event) {
        return Topics.events().stream().filter(t -> t.valueType().isInstance(event)).findFirst().orElseThrow();
    }
}
