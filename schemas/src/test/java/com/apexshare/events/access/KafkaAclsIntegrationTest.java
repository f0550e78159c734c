package com.apexshare.events.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.apexshare.devstack.KafkaBroker;
import com.apexshare.devstack.KafkaBroker.Credentials;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

/**
 * The generated ACLs on a broker that authorizes like production (SASL/SCRAM-SHA-512, the StandardAuthorizer, no
 * rule means no access): each principal does its job and nothing else. The admin creates the SCRAM users with the
 * Admin API and applies the rendered {@link KafkaAcls#defaults()} with kafka-acls.sh's code, as the chart's ACL Job
 * does; the topics job's principal creates the topics, as the chart's topics Job does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Credentials ADMIN = new Credentials("admin", "admin-" + UUID.randomUUID());
    private static final Credentials INTRUDER = new Credentials("intruder", "intruder-" + UUID.randomUUID());

    private KafkaBroker broker;
    private final Map<String, Credentials> users = new HashMap<>();

    @BeforeAll
    void startSecuredBrokerWithTheGeneratedAcls(@TempDir Path dataDir) throws Exception {
        broker = KafkaBroker.startSecured(dataDir, ADMIN);
        for (KafkaClient client : TopicOwnership.all()) {
            users.put(client.name(), new Credentials(client.defaultUser(), "pw-" + UUID.randomUUID()));
        }
        try (Admin admin = Admin.create(broker.adminProperties())) {
            List<UserScramCredentialUpsertion> upserts = new ArrayList<>();
            for (Credentials user : Stream.concat(users.values().stream(), Stream.of(INTRUDER)).toList()) {
                upserts.add(new UserScramCredentialUpsertion(user.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), user.password()));
            }
            admin.alterUserScramCredentials(new ArrayList<>(upserts)).all().get(30, TimeUnit.SECONDS);
            // The rendered lines, applied the way the chart's ACL Job and kafka-init apply them
            applyWithKafkaAclsTool(KafkaAcls.render(KafkaAcls.defaults()), dataDir);
            await().atMost(WAIT).untilAsserted(() -> assertThat(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get()).containsExactlyInAnyOrderElementsOf(KafkaAcls.defaults()));
        }
        // The topics job's principal creates the catalog and the services' dead-letter topics.
        List<NewTopic> topics = allTopics().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            try (Admin topicsJob = Admin.create(clientProperties(TopicOwnership.TOPICS_JOB))) {
                Set<String> existing = topicsJob.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
                topicsJob.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                assertThat(topicsJob.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(allTopics());
            }
        });
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    static List<KafkaClient> services() {
        return TopicOwnership.services();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldLetEachServiceWriteItsOwnTopicsAndItsDeadLetterTopics(KafkaClient service) throws Exception {
        // Given the service's principal with an idempotent producer, as the services configure it
        try (KafkaProducer<String, byte[]> producer = producer(service)) {
            // When it writes each topic it owns and each of its dead-letter topics
            List<String> targets = new ArrayList<>(service.produces().stream().map(Topic::name).toList());
            targets.addAll(service.deadLetters());
            for (String topic : targets) {
                // Then the broker acknowledges every record
                assertThat(producer.send(record(topic)).get(30, TimeUnit.SECONDS).topic()).isEqualTo(topic);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldLetEachServiceReadTheTopicsItConsumesWithItsGroup(KafkaClient service) throws Exception {
        // Given one record on each topic the service consumes, written by the admin
        Set<String> expected = new HashSet<>();
        try (KafkaProducer<String, byte[]> admin = producer(broker.adminProperties())) {
            for (Topic<?> topic : service.consumes()) {
                String key = UUID.randomUUID().toString();
                expected.add(key);
                admin.send(new ProducerRecord<>(topic.name(), key, new byte[] {1})).get(30, TimeUnit.SECONDS);
            }
        }
        // When the service's principal subscribes with its consumer group
        try (KafkaConsumer<String, byte[]> consumer = consumer(service, service.consumerGroup().orElseThrow().name())) {
            consumer.subscribe(service.consumes().stream().map(Topic::name).toList());
            Set<String> seen = new HashSet<>();
            // Then it reads every one of them and commits its offsets
            await().atMost(WAIT).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key());
                }
                assertThat(seen).containsAll(expected);
            });
            consumer.commitSync(Duration.ofSeconds(30));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldRefuseEachServiceEveryTopicItDoesNotOwn(KafkaClient service) {
        // Given every topic of the catalog and every dead-letter topic that is not the service's
        List<String> foreign = new ArrayList<>(allTopics());
        foreign.removeAll(service.produces().stream().map(Topic::name).toList());
        foreign.removeAll(service.deadLetters());
        try (KafkaProducer<String, byte[]> producer = producer(service)) {
            for (String topic : foreign) {
                // When it writes there / Then the broker refuses: it may not forge another service's events
                assertThat(sendFailure(producer, topic)).as(service.name() + " -> " + topic)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void shouldRefuseAForeignPrincipalEveryTopicForWritingAndReading() {
        // Given an authenticated user the ACLs do not name
        Map<String, Object> intruder = broker.clientProperties(INTRUDER);
        try (KafkaProducer<String, byte[]> producer = plainProducer(intruder)) {
            for (String topic : allTopics()) {
                // When it writes any event, raw notification or dead-letter topic / Then it is refused
                assertThat(sendFailure(producer, topic)).as(topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        // When it reads an event topic with a service's group / Then it is refused
        Map<String, Object> reader = new HashMap<>(intruder);
        assertThat(readFailure(reader, TopicOwnership.CATALOG_SERVICE.consumerGroup().orElseThrow().name(),
                Topics.UPLOAD_INITIATED.name())).isInstanceOfAny(TopicAuthorizationException.class,
                        GroupAuthorizationException.class);
    }

    @Test
    void shouldRefuseAServiceTheTopicsItDoesNotConsume() {
        // Given upload-service, which reads only raw S3 notifications
        KafkaClient upload = TopicOwnership.UPLOAD_SERVICE;
        // When it reads students' email events with its own group / Then it is refused
        assertThat(readFailure(clientProperties(upload), upload.consumerGroup().orElseThrow().name(),
                Topics.EMAIL_SENT.name())).isInstanceOf(TopicAuthorizationException.class);
        // When download-service reads its own topic with another service's group / Then the group is refused
        KafkaClient download = TopicOwnership.DOWNLOAD_SERVICE;
        assertThat(readFailure(clientProperties(download), "catalog-service", Topics.UPLOAD_INITIATED.name()))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void shouldLetTheTopicsJobAdministerTopicsButNeverWriteThem() throws Exception {
        // Given the topics job's principal
        try (Admin topicsJob = Admin.create(clientProperties(TopicOwnership.TOPICS_JOB))) {
            // When it creates a topic under the apexshare. prefix / Then it exists
            String created = "apexshare.acl-check-" + UUID.randomUUID() + ".v1";
            topicsJob.createTopics(List.of(new NewTopic(created, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(topicsJob.listTopics().names().get(30, TimeUnit.SECONDS)).contains(created);
        }
        // When it writes an event / Then it is refused
        try (KafkaProducer<String, byte[]> producer = plainProducer(clientProperties(TopicOwnership.TOPICS_JOB))) {
            assertThat(sendFailure(producer, Topics.UPLOAD_INITIATED.name()))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldLetTheS3BridgeWriteOnlyRawNotificationsAndAnalyticsOnlyRead() throws Exception {
        // Given the S3 bridge's principal (MinIO's Kafka target: not an idempotent producer)
        try (KafkaProducer<String, byte[]> producer = plainProducer(clientProperties(TopicOwnership.S3_BRIDGE))) {
            // When it writes a raw notification / Then it is accepted; an event is refused
            producer.send(record(Topics.S3_NOTIFICATIONS_RAW.name())).get(30, TimeUnit.SECONDS);
            assertThat(sendFailure(producer, Topics.UPLOAD_COMPLETED.name()))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        // Given the analytics principal and a group of its prefix
        KafkaClient analytics = TopicOwnership.ANALYTICS;
        String group = analytics.consumerGroup().orElseThrow().name() + "dashboard";
        try (KafkaProducer<String, byte[]> producer = producer(broker.adminProperties())) {
            producer.send(record(Topics.DOWNLOADED.name())).get(30, TimeUnit.SECONDS);
        }
        // When it reads an event topic / Then it gets the records
        try (KafkaConsumer<String, byte[]> consumer = consumer(analytics, group)) {
            consumer.subscribe(List.of(Topics.DOWNLOADED.name()));
            await().atMost(WAIT).until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty());
        }
        // When it writes an event or reads the raw notifications / Then it is refused
        try (KafkaProducer<String, byte[]> producer = plainProducer(clientProperties(analytics))) {
            assertThat(sendFailure(producer, Topics.DOWNLOADED.name())).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(readFailure(clientProperties(analytics), group, Topics.S3_NOTIFICATIONS_RAW.name()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /**
     * Each line as one {@code kafka-acls.sh --add} (its code, {@link AclCommand}), with the arguments the Job's script
     * builds from it: {@code --allow-principal}, the resource, {@code --resource-pattern-type} in lower case and one
     * {@code --operation} per operation.
     */
    private void applyWithKafkaAclsTool(List<String> lines, Path dir) throws Exception {
        Path config = dir.resolve("admin.properties");
        Properties admin = new Properties();
        admin.putAll(broker.adminProperties());
        try (var out = Files.newOutputStream(config)) {
            admin.store(out, null);
        }
        Exit.setExitProcedure((code, message) -> {
            throw new ToolExited(code, message);
        });
        PrintStream console = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
            for (String line : lines) {
                String[] f = line.split(" ");
                List<String> args = new ArrayList<>(List.of("--bootstrap-server", broker.bootstrapServers(),
                        "--command-config", config.toString(), "--add", "--allow-principal", f[0]));
                switch (f[1]) {
                    case "TOPIC" -> args.addAll(List.of("--topic", f[3]));
                    case "GROUP" -> args.addAll(List.of("--group", f[3]));
                    case "CLUSTER" -> args.add("--cluster");
                    default -> throw new AssertionError("unknown resource type in " + line);
                }
                args.addAll(List.of("--resource-pattern-type", f[2].toLowerCase(java.util.Locale.ROOT)));
                for (String op : f[4].split(",")) {
                    args.addAll(List.of("--operation", op));
                }
                try {
                    AclCommand.main(args.toArray(String[]::new));
                } catch (ToolExited e) {
                    assertThat(e.code).as(line + ": " + e.getMessage() + "\n" + output).isZero();
                }
            }
        } finally {
            System.setOut(console);
            Exit.resetExitProcedure();
        }
    }

    /** kafka-acls.sh asked to exit (on an error), which a test must not let it do. */
    private static final class ToolExited extends RuntimeException {
        private final int code;

        ToolExited(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** Every catalog topic and the dead-letter topics of every service's default group. */
    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(Topics.all().stream().map(Topic::name).toList());
        TopicOwnership.services().forEach(s -> topics.addAll(s.deadLetters()));
        return topics;
    }

    private Map<String, Object> clientProperties(KafkaClient client) {
        return broker.clientProperties(users.get(client.name()));
    }

    private KafkaProducer<String, byte[]> producer(KafkaClient client) {
        return producer(clientProperties(client));
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(KafkaClient client, String group) {
        return consumer(clientProperties(client), group);
    }

    /**
     * A producer that is not idempotent: a principal allowed to write nowhere is refused its producer id (cluster
     * authorization) before any topic is checked; without one, each refusal names the topic.
     */
    private static KafkaProducer<String, byte[]> plainProducer(Map<String, Object> properties) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        return producer(config);
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> properties, String group) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static ProducerRecord<String, byte[]> record(String topic) {
        return new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Why a send fails: thrown at once (metadata) or through the future; fails the test if it succeeds. */
    private static Throwable sendFailure(KafkaProducer<String, byte[]> producer, String topic) {
        try {
            producer.send(record(topic)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("unexpected failure writing " + topic, e);
        }
        throw new AssertionError("the broker accepted a record on " + topic);
    }

    /** Why reading a topic with a group fails; fails the test if polls keep succeeding. */
    private static Throwable readFailure(Map<String, Object> properties, String group, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(properties, group)) {
            consumer.subscribe(List.of(topic));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            await().atMost(WAIT).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return false;
                } catch (KafkaException e) {
                    failure.set(e);
                    return true;
                }
            });
            return failure.get();
        }
    }
}
