package com.apexshare.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@link TopicContents} against the devstack's real Kafka broker; every test keeps to topics of its own. */
class TopicContentsIntegrationTest {

    @Test
    void shouldReadEveryRecordOfEveryPartitionWithKeysValuesAndHeaders() throws Exception {
        // Given a topic of three partitions holding 30 records of ten keys, one record with headers
        String topic = newTopic(3);
        try (KafkaProducer<String, Integer> producer = producer(new IntegerSerializer())) {
            for (int i = 0; i < 30; i++) {
                ProducerRecord<String, Integer> record = new ProducerRecord<>(topic, "file-" + (i % 10), i);
                if (i == 7) {
                    record.headers().add(new RecordHeader("eventType",
                            "UploadCompleted".getBytes(StandardCharsets.UTF_8)));
                }
                producer.send(record).get();
            }
        }

        // When the topic is read with a deserializer of the caller's
        TopicContents<Integer> contents = TopicContents.read(topic, new IntegerDeserializer());

        // Then every record is there once, decoded, in offset order per key, with its headers
        assertThat(contents.size()).isEqualTo(30);
        assertThat(contents.values()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30)
                .boxed().toList());
        assertThat(contents.valuesWithKey("file-7")).containsExactly(7, 17, 27);
        assertThat(contents.withKey("file-7").get(0).header("eventType")).isEqualTo("UploadCompleted");
        assertThat(contents.withKey("file-7").get(1).header("eventType")).isNull();
        assertThat(contents.entries()).extracting(TopicContents.Entry::partition).containsOnly(0, 1, 2);
        assertThat(contents.entries()).allSatisfy(e -> assertThat(e.topic()).isEqualTo(topic));
    }

    @Test
    void shouldReadSeveralTopicsAtOnce() throws Exception {
        // Given two topics with a record each
        String first = newTopic(1);
        String second = newTopic(2);
        try (KafkaProducer<String, String> producer = producer(new StringSerializer())) {
            producer.send(new ProducerRecord<>(first, "k1", "one")).get();
            producer.send(new ProducerRecord<>(second, "k2", "two")).get();
        }

        // When both are read, Then both records come back, topic by topic
        TopicContents<String> contents = TopicContents.read(List.of(first, second), new StringDeserializer());
        assertThat(contents.entries()).extracting(TopicContents.Entry::topic, TopicContents.Entry::key,
                TopicContents.Entry::value).containsExactly(
                        tuple(first, "k1", "one"),
                        tuple(second, "k2", "two"));
    }

    @Test
    void shouldReadAnEmptyOrMissingTopicAsEmptyWithoutCreatingIt() throws Exception {
        // Given an existing empty topic and a name no topic has
        String empty = newTopic(3);
        String missing = "missing-" + UUID.randomUUID();

        // When they are read
        TopicContents<String> contents = TopicContents.read(List.of(empty, missing), new StringDeserializer());

        // Then nothing is there, and the missing topic still does not exist
        assertThat(contents.isEmpty()).isTrue();
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(empty).doesNotContain(missing);
        }
    }

    @Test
    void shouldReadToTheEndOfACommittedTransactionAndLeaveTheDeserializerOpen() throws Exception {
        // Given records written in a committed transaction (the log ends with its commit marker, not a record)
        String topic = newTopic(1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "topic-contents-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "a"));
            producer.send(new ProducerRecord<>(topic, "k", "b"));
            producer.commitTransaction();
        }
        AtomicBoolean closed = new AtomicBoolean();
        Deserializer<String> values = new StringDeserializer() {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        // When it is read
        TopicContents<String> contents = TopicContents.read(DevStack.kafka().bootstrapServers(), List.of(topic),
                values, Duration.ofSeconds(60));

        // Then both records are there (the read did not wait for a record at the marker's offset), and the caller's
        // deserializer can be used again
        assertThat(contents.valuesWithKey("k")).containsExactly("a", "b");
        assertThat(closed).isFalse();
    }

    private static String newTopic(int partitions) throws Exception {
        String topic = "topic-contents-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers()));
    }

    private static <V> KafkaProducer<String, V> producer(Serializer<V> values) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values);
    }
}
