package com.apexshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.apexshare.devstack.Ports;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.platform.kafka.EventPublisher;
import com.apexshare.platform.kafka.EventsUnavailable;
import com.apexshare.platform.kafka.ValueSerializers;

class EventPublisherIntegrationTest extends PlatformIntegrationTest {

    @Autowired
    EventPublisher publisher;

    @Test
    void shouldReturnOnceKafkaAcknowledgedTheEventKeyedByTheFileId() {
        // When an event is published and waited for
        UUID fileId = UUID.randomUUID();
        publisher.publish(Topics.UPLOAD_DELETED, fileId, deleted(fileId));

        // Then it is already on the topic, under the file id
        assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString())).hasSize(1);
    }

    @Test
    void shouldThrowEventsUnavailableWhenKafkaCannotBeReached() {
        // Given a publisher whose broker is away
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.free());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setValueSerializer(ValueSerializers.byType());
        EventPublisher cutOff = new EventPublisher(new KafkaTemplate<>(factory), Duration.ofSeconds(2));
        UUID fileId = UUID.randomUUID();

        // When it publishes / Then it says the events are unavailable
        assertThatThrownBy(() -> cutOff.publish(Topics.UPLOAD_DELETED, fileId, deleted(fileId)))
                .isInstanceOf(EventsUnavailable.class).hasMessageContaining(Topics.UPLOAD_DELETED.name());
        factory.destroy();
    }

    private static UploadDeleted deleted(UUID fileId) {
        return UploadDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setFileId(fileId.toString()).setReason(DeletionReason.ABORTED).build();
    }
}
