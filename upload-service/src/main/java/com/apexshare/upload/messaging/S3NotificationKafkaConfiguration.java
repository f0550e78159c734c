package com.apexshare.upload.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

import com.apexshare.events.Topics;
import com.apexshare.upload.notification.MalformedS3Notification;
import com.apexshare.upload.notification.S3NotificationBridge;

/**
 * The Kafka source of S3 notifications: {@link Topics#S3_NOTIFICATIONS_RAW} carries S3's JSON as text (not Avro), so
 * it gets a container factory of its own with String values. Failures go through the service's error handler:
 * malformed messages to {@code apexshare.s3-notifications.raw.<group>.dlt} at once, others after retries.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "apexshare.upload.notifications.kafka.enabled", havingValue = "true", matchIfMissing = true)
class S3NotificationKafkaConfiguration {

    static final String CONTAINER_FACTORY = "s3NotificationContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> s3NotificationContainerFactory(
            KafkaProperties kafkaProperties, DefaultErrorHandler kafkaErrorHandler) {
        Map<String, Object> consumer = kafkaProperties.buildConsumerProperties();
        consumer.remove("spring.deserializer.value.delegate.class");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafkaErrorHandler.addNotRetryableExceptions(MalformedS3Notification.class);
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
        factory.setCommonErrorHandler(kafkaErrorHandler);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    S3NotificationListener s3NotificationListener(S3NotificationBridge bridge) {
        return new S3NotificationListener(bridge);
    }

    /** Thin: decode is the bridge's job, retries and dead letters the container's. */
    static class S3NotificationListener {

        private final S3NotificationBridge bridge;

        S3NotificationListener(S3NotificationBridge bridge) {
            this.bridge = bridge;
        }

        @KafkaListener(id = "s3-notifications", topics = Topics.Names.S3_NOTIFICATIONS_RAW,
                groupId = "${apexshare.upload.consumer-group}", containerFactory = CONTAINER_FACTORY)
        void onMessage(String message) {
            bridge.handle(message);
        }
    }
}
