package com.apexshare.devstack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on one or more topics, read from the beginning to the end offsets they had when the read began, without a
 * consumer group (nothing is committed, no other consumer is disturbed): for tests that look at what was published.
 * Values are decoded with the given Kafka {@link Deserializer}; keys are strings (every ApexShare event is keyed by
 * its file id). Records published after the read began are not waited for: publish first (and wait for the broker's
 * acknowledgement), then read; to wait for a record that a service publishes later, read inside Awaitility.
 *
 * <pre>{@code
 * List<UploadCompleted> completed = TopicContents.read(Topics.UPLOAD_COMPLETED.name(), new AvroEventDeserializer())
 *         .valuesWithKey(fileId.toString());
 * }</pre>
 *
 * <p>The wait is bounded: {@link KafkaConsumer#poll(Duration)} blocks until records arrive (no sleeping), and a topic
 * that is not read to its end within the timeout fails with the partitions that lagged behind.
 *
 * @param <V> the decoded value type
 */
public final class TopicContents<V> {

    /** Enough for a loaded 2-core machine; reading a test's topics normally takes milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);

    /**
     * One record as it is on the topic.
     *
     * @param headers read-only
     */
    public record Entry<V>(String topic, int partition, long offset, Instant timestamp, String key, V value,
            Headers headers) {

        /** The last header of that name as UTF-8 text, or null when there is none. */
        public String header(String name) {
            Header header = headers.lastHeader(name);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private final List<Entry<V>> entries;

    private TopicContents(List<Entry<V>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The topic on the devstack's Kafka broker ({@link DevStack#kafka()}). */
    public static <V> TopicContents<V> read(String topic, Deserializer<V> values) {
        return read(DevStack.kafka().bootstrapServers(), List.of(topic), values, DEFAULT_TIMEOUT);
    }

    /** The topics on the devstack's Kafka broker ({@link DevStack#kafka()}). */
    public static <V> TopicContents<V> read(Collection<String> topics, Deserializer<V> values) {
        return read(DevStack.kafka().bootstrapServers(), topics, values, DEFAULT_TIMEOUT);
    }

    /**
     * @param bootstrapServers the broker(s), {@code host:port,…}
     * @param topics           topics to read; one that does not exist reads as empty and is not created
     * @param values           decodes the values; it is neither configured nor closed here
     * @param timeout          how long reading to the end may take at most
     * @throws IllegalStateException when the topics were not read to their end offsets within the timeout
     */
    public static <V> TopicContents<V> read(String bootstrapServers, Collection<String> topics, Deserializer<V> values,
            Duration timeout) {
        Objects.requireNonNull(values, "values");
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Looking must not change what is looked at.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                // Bounds every blocking call (metadata, offsets, positions), not only the polls.
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new Unclosed<>(values))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            List<Entry<V>> entries = new ArrayList<>();
            if (partitions.isEmpty()) {
                return new TopicContents<>(entries);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            while (!behind(consumer, end).isEmpty()) {
                Duration left = remaining(deadline);
                if (left.isZero()) {
                    throw new IllegalStateException("Not read to the end within " + timeout.toSeconds() + " s: "
                            + behind(consumer, end));
                }
                for (ConsumerRecord<String, V> r : consumer.poll(left.compareTo(LONGEST_POLL) < 0 ? left
                        : LONGEST_POLL)) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        entries.add(entry(r));
                    }
                }
            }
            List<String> order = List.copyOf(topics);
            entries.sort(Comparator.comparingInt((Entry<V> e) -> order.indexOf(e.topic()))
                    .thenComparingInt(Entry::partition).thenComparingLong(Entry::offset));
            return new TopicContents<>(entries);
        }
    }

    /** Every record: topic by topic (in the order given), partition by partition, offset by offset. */
    public List<Entry<V>> entries() {
        return entries;
    }

    /** The records with this key (a file id), in offset order within each partition. */
    public List<Entry<V>> withKey(String key) {
        return matching(e -> Objects.equals(key, e.key()));
    }

    /** The records that pass the test. */
    public List<Entry<V>> matching(Predicate<Entry<V>> test) {
        return entries.stream().filter(test).toList();
    }

    /** The decoded values of every record (null for tombstones). */
    public List<V> values() {
        return entries.stream().map(Entry::value).toList();
    }

    /** The decoded values of the records with this key (a file id). */
    public List<V> valuesWithKey(String key) {
        return withKey(key).stream().map(Entry::value).toList();
    }

    /** The keys of every record. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static <V> Entry<V> entry(ConsumerRecord<String, V> r) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        headers.setReadOnly();
        return new Entry<>(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                r.value(), headers);
    }

    /** Partitions not yet read to their end offset, with where they are: {@code topic-0=3/7}. */
    private static Map<String, String> behind(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .filter(e -> consumer.position(e.getKey()) < e.getValue())
                .collect(Collectors.toMap(e -> e.getKey().toString(),
                        e -> consumer.position(e.getKey()) + "/" + e.getValue(), (a, b) -> a, TreeMap::new));
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** The caller's deserializer, which the consumer must not close: the caller may use it again. */
    private record Unclosed<V>(Deserializer<V> delegate) implements Deserializer<V> {

        @Override
        public V deserialize(String topic, byte[] data) {
            return delegate.deserialize(topic, data);
        }

        @Override
        public V deserialize(String topic, Headers headers, byte[] data) {
            return delegate.deserialize(topic, headers, data);
        }

        @Override
        public V deserialize(String topic, Headers headers, ByteBuffer data) {
            return delegate.deserialize(topic, headers, data);
        }

        @Override
        public void close() {
            // The caller's.
        }
    }
}
