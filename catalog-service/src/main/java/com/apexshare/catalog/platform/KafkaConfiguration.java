package com.apexshare.catalog.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.catalog.CatalogProperties;
import com.apexshare.catalog.upload.messaging.UnprocessableEvent;

/**
 * Topics this service reads and writes (created when missing, with the catalog's partition counts) and its dead-letter
 * topics, and the error handler of its consumers. A record the listener singles out as unprocessable (undecodable,
 * invalid ids, refused by the database) is published unchanged to this service's dead-letter topic
 * ({@code <topic>.<group>.dlt}) at once, so that its partition moves on. A batch that fails as a whole (database
 * unreachable) is retried with capped exponential backoff until it applies: its events are fine and must not be
 * parked.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics catalogTopics(CatalogProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.events()) {
            topics.add(TopicBuilder.name(topic.name()).partitions(topic.partitions()).build());
            topics.add(TopicBuilder.name(topic.deadLetter(properties.consumerGroup())).partitions(topic.partitions())
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Events are Avro; dead letters are republished as the bytes or text they arrived as, so the producer picks the
     * serializer by value type.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer eventOrRawValueSerializer() {
        return factory -> ((DefaultKafkaProducerFactory) factory).setValueSerializer(new DelegatingByTypeSerializer(Map.of(
                SpecificRecord.class, new AvroEventSerializer(),
                byte[].class, new ByteArraySerializer(),
                String.class, new StringSerializer()), true));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, CatalogProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic(), properties.consumerGroup()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnprocessableEvent.class);
        return handler;
    }
}
