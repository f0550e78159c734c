package com.apexshare.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.ExponentialBackOff;

import com.apexshare.events.Topics;
import com.apexshare.platform.PlatformProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one error policy of every listener in every service:
 * <ul>
 * <li>a record that can never be processed ({@link UnprocessableEvent}, undecodable bytes, an unknown schema, a
 * conversion or type error) is published unchanged to {@code <topic>.<consumer-group>.dlt} at once, and the partition
 * moves on;</li>
 * <li>every other failure (database, S3, SES, SMTP or Kafka down or slow, a lock timeout) is retried with capped
 * exponential backoff for as long as it takes, holding the partition so that nothing after it overtakes it. It is never
 * parked: its event is valid and must be applied. Each retry logs a line and counts
 * {@code apexshare.kafka.listener.retries}.</li>
 * </ul>
 * A batch listener singles out its poison record with {@code BatchListenerFailedException}: the records before it are
 * committed, it is dead-lettered, the rest are delivered again. A batch that fails as a whole (the database is down) is
 * retried from its first record the same way, by redelivery with backoff, so that a poison record the listener singles
 * out during those retries is dead-lettered alone: Spring Kafka's own whole-batch retry loop would dead-letter the
 * whole batch when the exception changes to a non-retryable one.
 */
public final class KafkaErrorPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaErrorPolicy.class);

    private KafkaErrorPolicy() {
    }

    /**
     * @param kafka        the producer that writes dead letters
     * @param retry        the backoff of retryable failures
     * @param defaultGroup consumer group for the dead-letter topic's name when the listener thread does not say
     * @param metrics      where retries and dead letters are counted
     */
    public static DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka,
            PlatformProperties.Kafka.Retry retry, String defaultGroup, MeterRegistry metrics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic(), group(defaultGroup)), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        // No attempt limit and no elapsed-time limit: a valid event waits for its dependency as long as it takes.
        DefaultErrorHandler handler = new PartitionHoldingErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnprocessableEvent.class, SerializationException.class);
        handler.setRetryListeners(new Reporting(defaultGroup, metrics));
        return handler;
    }

    /** Turns a whole-batch failure into a failure of the batch's first record (see the class description). */
    private static final class PartitionHoldingErrorHandler extends DefaultErrorHandler {

        PartitionHoldingErrorHandler(DeadLetterPublishingRecoverer recoverer, ExponentialBackOff backOff) {
            super(recoverer, backOff);
        }

        @Override
        public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                MessageListenerContainer container, Runnable invokeListener) {
            super.handleBatch(singledOut(thrownException, data), data, consumer, container, invokeListener);
        }

        @Override
        public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrownException,
                ConsumerRecords<?, ?> data, Consumer<?, ?> consumer, MessageListenerContainer container,
                Runnable invokeListener) {
            return super.handleBatchAndReturnRemaining(singledOut(thrownException, data), data, consumer, container,
                    invokeListener);
        }

        private static Exception singledOut(Exception thrown, ConsumerRecords<?, ?> data) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof BatchListenerFailedException) {
                    return thrown;
                }
            }
            if (data == null || data.isEmpty()) {
                return thrown;
            }
            return new BatchListenerFailedException("The batch failed as a whole; retried from its first record",
                    thrown, data.iterator().next());
        }
    }

    private static String group(String defaultGroup) {
        String group = KafkaUtils.getConsumerGroupId();
        return group == null || group.isBlank() ? defaultGroup : group;
    }

    /** One log line and one count per failed delivery; one per dead letter. */
    private static final class Reporting implements RetryListener {

        private final String defaultGroup;
        private final MeterRegistry metrics;

        Reporting(String defaultGroup, MeterRegistry metrics) {
            this.defaultGroup = defaultGroup;
            this.metrics = metrics;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            String group = group(defaultGroup);
            retries(record.topic(), group, ex).increment();
            LOG.warn("Record {}-{}@{} failed (attempt {}, group {}); retrying unless it can never be processed: {}",
                    record.topic(), record.partition(), record.offset(), deliveryAttempt, group, rootCause(ex));
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
            String group = group(defaultGroup);
            for (TopicPartition partition : records.partitions()) {
                retries(partition.topic(), group, ex).increment();
            }
            LOG.warn("A batch of {} records failed (attempt {}, group {}); retrying: {}", records.count(),
                    deliveryAttempt, group, rootCause(ex));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
            String group = group(defaultGroup);
            Counter.builder("apexshare.kafka.dead.letters")
                    .description("Records that can never be processed, written to the dead-letter topic")
                    .tag("topic", record.topic()).tag("group", group).register(metrics).increment();
            LOG.warn("Record {}-{}@{} can never be processed; written to {}: {}", record.topic(), record.partition(),
                    record.offset(), Topics.deadLetter(record.topic(), group), rootCause(ex));
        }

        @Override
        public void recovered(ConsumerRecords<?, ?> records, Exception ex) {
            records.forEach(record -> recovered(record, ex));
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            LOG.warn("Record {}-{}@{} could not be written to its dead-letter topic; it is delivered again: {}",
                    record.topic(), record.partition(), record.offset(), failure.toString());
        }

        private Counter retries(String topic, String group, Exception ex) {
            return Counter.builder("apexshare.kafka.listener.retries")
                    .description("Failed deliveries of records that are retried (the dependency may be down)")
                    .tag("topic", topic).tag("group", group).tag("exception", rootCauseType(ex))
                    .register(metrics);
        }

        private static String rootCause(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.toString();
        }

        private static String rootCauseType(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName();
        }
    }
}
