package com.apexshare.catalog;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test class: one application context (same configuration and properties, so Spring's
 * context cache shares it) against the devstack servers, a test clock, and helpers to publish events as the other
 * services do and to call the API as a trainer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class CatalogIntegrationTest {

    public static final String GROUP = "catalog-service";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, SpecificRecord> events;
    private static KafkaProducer<String, byte[]> raw;
    private static Admin admin;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource("catalog").forEach((k, v) -> registry.add(k, () -> v));
        S3Store s3 = DevStack.s3();
        registry.add("apexshare.catalog.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("apexshare.catalog.s3.path-style-access", () -> "true");
        registry.add("apexshare.catalog.s3.region", () -> S3Store.REGION);
        registry.add("apexshare.catalog.s3.access-key", () -> S3Store.ACCESS_KEY);
        registry.add("apexshare.catalog.s3.secret-key", () -> S3Store.SECRET_KEY);
        registry.add("apexshare.catalog.consumer-group", () -> GROUP);
        registry.add("apexshare.catalog.retention.interval", () -> "PT0.5S");
        // Short, so that a database outage costs many retries in little time (the outage itself is not shortened).
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "250");
        registry.add("apexshare.platform.kafka.retry.initial-interval", () -> "50ms");
        registry.add("apexshare.platform.kafka.retry.max-interval", () -> "300ms");
    }

    /** Publishes each event to its topic, keyed by its file id, and waits for the acknowledgements. */
    protected static List<RecordMetadata> publish(SpecificRecord... records) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (SpecificRecord record : records) {
            String fileId = String.valueOf(((GenericRecord) record).get("fileId"));
            sends.add(eventProducer().send(new ProducerRecord<>(topicOf(record), fileId, record)));
        }
        return acknowledged(sends);
    }

    /** Publishes bytes as they are, e.g. a record that is not an event. */
    protected static RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return acknowledged(List.of(rawProducer().send(new ProducerRecord<>(topic, key, value)))).get(0);
    }

    protected static String topicOf(SpecificRecord record) {
        return Topics.events().stream().filter(t -> t.valueType() == record.getClass()).map(Topic::name).findFirst()
                .orElseThrow();
    }

    /** Waits until the catalog's consumer group has committed past every given record, i.e. applied it. */
    protected static void awaitApplied(Collection<RecordMetadata> records) {
        Map<TopicPartition, Long> needed = new HashMap<>();
        for (RecordMetadata r : records) {
            needed.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin().listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return needed.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        });
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode getJson(String path, String token) {
        return JSON.readTree(get(path, token).body());
    }

    protected static String token(String trainerId) {
        return DevStack.identity().trainerToken(trainerId, "Trainer " + trainerId, null);
    }

    protected static synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    DevStack.kafka().bootstrapServers()));
        }
        return admin;
    }

    private static synchronized KafkaProducer<String, SpecificRecord> eventProducer() {
        if (events == null) {
            events = new KafkaProducer<>(producerProperties(), new StringSerializer(), new AvroEventSerializer());
        }
        return events;
    }

    private static synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (raw == null) {
            raw = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        }
        return raw;
    }

    private static Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return p;
    }

    private static List<RecordMetadata> acknowledged(List<Future<RecordMetadata>> sends) {
        List<RecordMetadata> result = new ArrayList<>();
        try {
            for (Future<RecordMetadata> send : sends) {
                result.add(send.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result;
    }
}
