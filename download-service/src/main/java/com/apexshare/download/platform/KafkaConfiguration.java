package com.apexshare.download.platform;

import java.util.Map;
import java.util.stream.Stream;

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

import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.events.serde.EventSchemas;
import com.apexshare.download.DownloadProperties;

/**
 * Topics this service writes, and the error handler of its consumers: a failing record is retried with backoff, then
 * published unchanged to this service's dead-letter topic ({@code <topic>.<group>.dlt}) so that its partition moves
 * on; undecodable records go there at once.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static {
        // Loading the event schema catalog makes Avro 1.12 trust the generated event classes (see EventSchemas), with
        // no -Dorg.apache.avro.SERIALIZABLE_PACKAGES needed, before the outbox relay writes its first event.
        EventSchemas.defaults();
    }

    /**
     * The topic this service writes, and the ones it reads (created here too when missing, so that the service starts
     * cleanly whichever service comes up first; existing topics are left as they are).
     */
    @Bean
    KafkaAdmin.NewTopics downloadTopics() {
        return new KafkaAdmin.NewTopics(Stream.of(Topics.DOWNLOADED, Topics.UPLOAD_INITIATED, Topics.UPLOAD_COMPLETED,
                        Topics.UPLOAD_DELETED, Topics.EMAIL_SENT)
                .map(t -> TopicBuilder.name(t.name()).partitions(t.partitions()).build())
                .toArray(NewTopic[]::new));
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
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, DownloadProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic(), properties.consumerGroup()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
