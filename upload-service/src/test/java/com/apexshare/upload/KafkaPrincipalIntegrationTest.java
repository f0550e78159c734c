package com.apexshare.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.KafkaBroker;
import com.apexshare.devstack.KafkaBroker.Credentials;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.Topics;
import com.apexshare.events.access.KafkaAcls;
import com.apexshare.events.access.TopicOwnership;

/**
 * upload-service as production runs it on Kafka: its own SCRAM user, set only through the environment variables its
 * application.yaml reads (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD), on a broker
 * that authorizes with the generated ACLs. It announces uploads, reads the raw notifications with its group and
 * dead-letters what it cannot read: every right it has, and it starts without the right to create any topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaPrincipalIntegrationTest {

    private static final Credentials ADMIN = new Credentials("admin", "admin-" + UUID.randomUUID());
    private static final Credentials SERVICE =
            new Credentials(TopicOwnership.UPLOAD_SERVICE.defaultUser(), "pw-" + UUID.randomUUID());
    private static final String BUCKET = "apexshare-videos-acl";
    private static KafkaBroker broker;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        broker = securedBrokerWithTheGeneratedAcls();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        // The service's environment, exactly as the chart and compose set it.
        registry.add("KAFKA_SECURITY_PROTOCOL", () -> "SASL_PLAINTEXT");
        registry.add("KAFKA_SASL_MECHANISM", () -> KafkaBroker.SCRAM_MECHANISM);
        registry.add("KAFKA_USERNAME", SERVICE::user);
        registry.add("KAFKA_PASSWORD", SERVICE::password);
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource("upload_acl").forEach((k, v) -> registry.add(k, () -> v));
        S3Store store = DevStack.s3();
        store.createBucket(BUCKET);
        registry.add("apexshare.upload.s3.bucket", () -> BUCKET);
        registry.add("apexshare.upload.s3.endpoint", () -> store.endpoint().toString());
        registry.add("apexshare.upload.s3.path-style-access", () -> "true");
        registry.add("apexshare.upload.s3.region", () -> S3Store.REGION);
        registry.add("apexshare.upload.s3.access-key", () -> S3Store.ACCESS_KEY);
        registry.add("apexshare.upload.s3.secret-key", () -> S3Store.SECRET_KEY);
    }

    /** The admin creates the service's SCRAM user, the ACLs and the topics (the chart's ACL and topics Jobs). */
    private static KafkaBroker securedBrokerWithTheGeneratedAcls() throws Exception {
        Path dataDir = Files.createTempDirectory("kafka-acl-");
        KafkaBroker started = KafkaBroker.startSecured(dataDir, ADMIN);
        try (Admin admin = Admin.create(started.adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SERVICE.user(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), SERVICE.password())))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaAcls.defaults()).all().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            Topics.all().forEach(t -> topics.add(new NewTopic(t.name(), 1, (short) 1)));
            TopicOwnership.UPLOAD_SERVICE.deadLetters().forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        return started;
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldAnnounceAnUploadAsItsOwnPrincipal() throws Exception {
        // Given a trainer
        String trainer = "trainer-" + UUID.randomUUID();
        String token = UploadIntegrationTestSupport.token(trainer);

        // When the trainer initiates an upload
        HttpResponse<String> initiated = UploadIntegrationTestSupport.HTTP.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/uploads/initiate"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(UploadIntegrationTestSupport.JSON.writeValueAsString(
                        UploadIntegrationTestSupport.initiateBody("lap.mp4", 1024))))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

        // Then it is accepted, which needs UploadInitiated acknowledged: the service may write its own topic
        assertThat(initiated.statusCode()).as(initiated.body()).isEqualTo(201);
        String fileId = UploadIntegrationTestSupport.JSON.readTree(initiated.body()).path("data").path("fileId")
                .asString();
        assertThat(keys(Topics.UPLOAD_INITIATED.name())).contains(fileId);
    }

    @Test
    void shouldReadRawNotificationsWithItsGroupAndDeadLetterTheUnreadable() throws Exception {
        // Given a message on the raw topic that is no S3 event message, written as the admin
        String key = "key-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(new HashMap<>(broker.adminProperties()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.S3_NOTIFICATIONS_RAW.name(), key, "not { json"))
                    .get(30, TimeUnit.SECONDS);
        }

        // When the service's listener reads it / Then the service writes it to its own dead-letter topic
        String deadLetters = Topics.S3_NOTIFICATIONS_RAW.deadLetter(
                TopicOwnership.UPLOAD_SERVICE.consumerGroup().orElseThrow().name());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(keys(deadLetters)).contains(key));
    }

    /** Every key on a topic, read from the beginning as the admin. */
    private static List<String> keys(String topic) {
        Map<String, Object> config = new HashMap<>(broker.adminProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
            }
        }
        return keys;
    }
}
