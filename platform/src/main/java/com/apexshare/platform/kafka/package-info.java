/**
 * Kafka for every service: one error policy for all listeners ({@link com.apexshare.platform.kafka.KafkaErrorPolicy}:
 * a record that can never be processed goes to {@code <topic>.<group>.dlt} at once, every other failure is retried
 * with capped backoff for as long as it takes), the topic catalog and each consumer group's dead-letter topics created
 * on start ({@link com.apexshare.platform.kafka.TopicProvisioner}), the producer's value serializer (Avro events, raw
 * bytes or text for dead letters and the outbox), and publish-and-wait
 * ({@link com.apexshare.platform.kafka.EventPublisher}).
 */
package com.apexshare.platform.kafka;
