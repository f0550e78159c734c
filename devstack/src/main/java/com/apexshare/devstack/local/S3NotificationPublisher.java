package com.apexshare.devstack.local;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.apexshare.devstack.ObjectCreatedListener;

/**
 * Publishes an S3 ObjectCreated event message for every object the local store creates onto the raw notification
 * topic, keyed {@code bucket/key} as MinIO's Kafka target does, so the upload service's bridge sees what it sees in
 * production.
 */
public final class S3NotificationPublisher implements ObjectCreatedListener, AutoCloseable {

    /** The raw topic of the catalog ({@code Topics.S3_NOTIFICATIONS_RAW}); devstack does not depend on schemas. */
    public static final String RAW_TOPIC = "apexshare.s3-notifications.raw";

    private static final Logger LOG = LoggerFactory.getLogger(S3NotificationPublisher.class);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String region;
    private final Clock clock;

    public S3NotificationPublisher(String bootstrapServers, String topic, String region, Clock clock) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public void objectCreated(String eventName, String bucket, String key, long size, String eTag) {
        String message = S3EventMessages.objectCreated(eventName, region, bucket, key, size, eTag, clock.instant());
        producer.send(new ProducerRecord<>(topic, bucket + "/" + key, message), (metadata, e) -> {
            if (e != null) {
                LOG.warn("devstack: S3 notification for {}/{} not published: {}", bucket, key, e.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
