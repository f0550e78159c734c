package com.apexshare.upload.platform;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
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
import com.apexshare.upload.UploadProperties;

/**
 * Topics this service writes, and the error handler of its consumers: a failing record is retried with backoff, then
 * published unchanged to this service's dead-letter topic ({@code <topic>.<group>.dlt}) so that its partition moves
 * on; undecodable records go there at once.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static {
        trustEventClasses();
    }

    /**
     * Avro 1.12 refuses generated classes from untrusted packages, when writing as well as reading. Outside the test
     * JVMs nobody sets {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}, so the service trusts the event package itself
     * (on top of whatever the JVM's properties trust).
     */
    static synchronized void trustEventClasses() {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.ClassSecurityPredicate events = c -> c.getName().startsWith("com.apexshare.events.");
        if (!current.isTrusted(com.apexshare.events.UploadInitiated.class)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current, events));
        }
    }

    @Bean
    KafkaAdmin.NewTopics uploadTopics(UploadProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.S3_NOTIFICATIONS_RAW.name()).partitions(Topics.S3_NOTIFICATIONS_RAW.partitions()).build(),
                TopicBuilder.name(Topics.S3_NOTIFICATIONS_RAW.deadLetter(properties.consumerGroup()))
                        .partitions(Topics.S3_NOTIFICATIONS_RAW.partitions()).build(),
                TopicBuilder.name(Topics.UPLOAD_INITIATED.name()).partitions(Topics.UPLOAD_INITIATED.partitions()).build(),
                TopicBuilder.name(Topics.UPLOAD_COMPLETED.name()).partitions(Topics.UPLOAD_COMPLETED.partitions()).build(),
                TopicBuilder.name(Topics.UPLOAD_DELETED.name()).partitions(Topics.UPLOAD_DELETED.partitions()).build());
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
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, UploadProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic(), properties.consumerGroup()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
