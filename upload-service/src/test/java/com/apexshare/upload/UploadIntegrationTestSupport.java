package com.apexshare.upload;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.Topic;
import com.apexshare.events.serde.AvroEventDeserializer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every integration test class of the module (same properties, so Spring's context cache
 * shares it, and one consumer of the raw notification topic), against the devstack's real Kafka, PostgreSQL, S3Proxy
 * and token issuer. Parts are 5 MiB here (S3's smallest) so that multipart tests move few bytes; the database
 * connection timeout and the listener's retry backoff are short, so that a database outage costs many retries in
 * little time (the outage itself is not shortened); everything else is the production default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class UploadIntegrationTestSupport {

    protected static final String BUCKET = "apexshare-videos-test";
    protected static final String DATABASE = "upload";
    protected static final long MIB = 1024L * 1024L;
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static volatile S3Client s3;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource(DATABASE).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "500");
        registry.add("apexshare.platform.kafka.retry.initial-interval", () -> "50ms");
        registry.add("apexshare.platform.kafka.retry.multiplier", () -> "2");
        registry.add("apexshare.platform.kafka.retry.max-interval", () -> "500ms");
        S3Store store = DevStack.s3();
        store.createBucket(BUCKET);
        registry.add("apexshare.upload.s3.bucket", () -> BUCKET);
        registry.add("apexshare.upload.s3.endpoint", () -> store.endpoint().toString());
        registry.add("apexshare.upload.s3.path-style-access", () -> "true");
        registry.add("apexshare.upload.s3.region", () -> S3Store.REGION);
        registry.add("apexshare.upload.s3.access-key", () -> S3Store.ACCESS_KEY);
        registry.add("apexshare.upload.s3.secret-key", () -> S3Store.SECRET_KEY);
        registry.add("apexshare.upload.part-size", () -> "5MB");
        registry.add("apexshare.upload.single-put-max-size", () -> "5MB");
    }

    /** A test's own S3 client (not the service's), for checking what S3 really holds. */
    protected static S3Client s3() {
        if (s3 == null) {
            synchronized (UploadIntegrationTestSupport.class) {
                if (s3 == null) {
                    S3Store store = DevStack.s3();
                    s3 = S3Client.builder().endpointOverride(store.endpoint()).region(Region.of(S3Store.REGION))
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY)))
                            .forcePathStyle(true)
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                            .build();
                }
            }
        }
        return s3;
    }

    protected static String token(String trainerId) {
        return DevStack.identity().trainerToken(trainerId, "Trainer " + trainerId, trainerId + "@school.example");
    }

    protected static String newTrainer() {
        return "trainer-" + UUID.randomUUID();
    }

    /** A valid initiate body; tests change what they need. */
    protected static Map<String, Object> initiateBody(String fileName, long fileSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("studentEmail", "alex.rider@example.com");
        body.put("studentName", "Alex Rider");
        body.put("trainerName", "Sam Coach");
        body.put("sessionDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString());
        body.put("notes", "Watch your braking points.\nSee you next week.");
        body.put("fileName", fileName);
        body.put("fileSize", fileSize);
        body.put("contentType", "video/mp4");
        return body;
    }

    protected HttpResponse<String> post(String path, String token, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The {@code data} of a success body. */
    protected static JsonNode data(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("data");
    }

    protected static JsonNode error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error");
    }

    /**
     * PUTs bytes to a presigned URL as the CLI would; with {@code Expect: 100-continue}, so that a refused request is
     * answered before megabytes are sent into a closed connection. Each PUT has a connection of its own: S3Proxy may
     * close the connection of a request it refused without reading the body, and a pooled connection would then fail
     * the next PUT with an EOF.
     */
    protected static HttpResponse<String> put(String url, byte[] bytes, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        HttpClient once = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return once.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static List<String> multipartUploadKeys() {
        return s3().listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream().map(MultipartUpload::key).toList();
    }

    /** Every event on a topic keyed by one of these file ids, read from the beginning once, by file id. */
    @SuppressWarnings("unchecked")
    protected static <V extends SpecificRecord> Map<UUID, List<V>> events(Topic<V> topic, List<UUID> fileIds) {
        Map<UUID, List<V>> events = new LinkedHashMap<>();
        fileIds.forEach(id -> events.put(id, new ArrayList<>()));
        for (ConsumerRecord<String, SpecificRecord> r : read(topic.name(), new AvroEventDeserializer())) {
            UUID fileId = parseOrNull(r.key());
            if (fileId != null && events.containsKey(fileId)) {
                events.get(fileId).add((V) r.value());
            }
        }
        return events;
    }

    private static UUID parseOrNull(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every event on a topic keyed by this file id, read from the beginning. */
    @SuppressWarnings("unchecked")
    protected static <V extends SpecificRecord> List<V> events(Topic<V> topic, UUID fileId) {
        List<V> events = new ArrayList<>();
        for (ConsumerRecord<String, SpecificRecord> r : read(topic.name(), new AvroEventDeserializer())) {
            if (fileId.toString().equals(r.key())) {
                events.add((V) r.value());
            }
        }
        return events;
    }

    /** Every record of a topic, read from the beginning to the current end. */
    protected static <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return records;
    }

    /** Records on a topic so far (sum of the partitions' end offsets). */
    protected static long endOffsets(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes a raw text record, as MinIO's Kafka target or an SQS bridge would. */
    protected static void produceRaw(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The headers a presigned PUT must carry ({@code fields} of an initiate or URL answer). */
    protected static Map<String, String> fields(JsonNode started) {
        Map<String, String> headers = new LinkedHashMap<>();
        started.path("fields").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return headers;
    }

    protected static byte[] randomBytes(long size) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Part {@code n} (1-based) of 5 MiB parts. */
    protected static byte[] slice(byte[] video, int n) {
        int from = (int) ((n - 1) * 5 * MIB);
        int to = (int) Math.min(video.length, n * 5 * MIB);
        return Arrays.copyOfRange(video, from, to);
    }

    protected static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    protected static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
