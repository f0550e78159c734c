package com.apexshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.RefusingProxy;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.TopicContents;
import com.apexshare.devstack.local.LocalRun;
import com.apexshare.devstack.local.ServiceProcess;
import com.apexshare.e2e.UploadBatch.Outcome;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.UploadMode;
import com.apexshare.events.link.LinkToken;
import com.apexshare.events.serde.AvroEventSerializer;

import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The fault suite (issue 14): faults injected into the whole running system (the local run's processes, the one
 * {@link TheSystem} every end-to-end class shares), each followed by counting from the outside what came through,
 * what was lost and what was duplicated. Every lost and duplicated count must be 0; the table is printed after the
 * last fault (e2e/README.md, "Fault suite", says what each row proves).
 *
 * <p>Outages last {@code apexshare.faults.outage} (ISO-8601, default {@code PT20S} to keep CI within its budget;
 * {@code -Dapexshare.faults.outage=PT2M} runs the full two minutes). The Kafka row's batch size is
 * {@code apexshare.faults.uploads} (default 200).
 */
@ExtendWith(TheSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIntegrationTest {

    static final Duration OUTAGE = Duration.parse(System.getProperty("apexshare.faults.outage", "PT20S"));
    private static final int KAFKA_UPLOADS = Integer.getInteger("apexshare.faults.uploads", 200);
    /** From the fault's end to a settled system: retries back off up to 30 s, an email's up to a minute here. */
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final List<String> DATABASES = List.of("upload", "catalog", "notification", "download");
    private static final List<String> EVENT_TOPICS = Topics.events().stream().map(t -> t.name()).toList();
    private static final FaultTable TABLE = new FaultTable();
    private static long suiteStart;

    private LocalRun system;

    @BeforeAll
    static void startClock() {
        suiteStart = System.nanoTime();
    }

    @AfterAll
    static void printTable() {
        TABLE.print(System.out, OUTAGE, (System.nanoTime() - suiteStart) / 1e9);
    }

    @BeforeEach
    void theWholeSystemRuns(LocalRun running) {
        system = running;
    }

    @Test
    @Order(1)
    void shouldCompleteEveryUploadAndEmailEachStudentOnceWhenTheKafkaBrokerRestartsMidBatch() {
        // Given a batch of uploads under way
        UploadBatch batch = UploadBatch.of(system, "kafka", KAFKA_UPLOADS);
        long t0 = System.nanoTime();
        CompletableFuture<Void> uploads = CompletableFuture.runAsync(batch::uploadAll);
        await().atMost(RECOVERY).until(() -> initiated(batch) >= batch.size() / 4 || uploads.isDone());

        // When the broker restarts in the middle of it
        long r0 = System.nanoTime();
        system.kafka().restart();
        double down = (System.nanoTime() - r0) / 1e9;
        uploads.join();

        // Then every upload completes and each student gets exactly one email
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        record("Kafka broker restarted while " + batch.size() + " uploads complete",
                String.format("1 restart (%.1f s down) after %d initiates", down, batch.size() / 4), outcome, t0);
    }

    @ParameterizedTest(name = "SIGKILL {0}")
    @ValueSource(strings = {"upload-service", "catalog-service", "notification-service", "download-service"})
    @Order(2)
    void shouldLoseAndDuplicateNothingWhenAServiceIsKilledMidFlowAndRestarted(String name) {
        // Given uploads whose bytes are in S3 (S3's notifications are on their way)
        UploadBatch batch = UploadBatch.of(system, "kill-" + name.replace("-service", ""), 10);
        batch.initiateAndPutAll();
        ServiceProcess service = system.service(name);
        long t0 = System.nanoTime();

        // When the service is killed (SIGKILL: no shutdown, no offset commit) as the clients complete, and restarted
        CompletableFuture<Void> completes;
        if (name.equals("upload-service")) {
            service.kill();
            completes = CompletableFuture.runAsync(batch::completeAll);
        } else {
            completes = CompletableFuture.runAsync(batch::completeAll);
            service.kill();
        }
        service.start();
        completes.join();
        service.awaitReady(LocalRun.START_TIMEOUT);

        // Then nothing is lost and nothing doubled
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        record("SIGKILL " + name + " mid-flow, restarted", "1 kill of " + batch.size() + " uploads in flight",
                outcome, t0);
    }

    @Test
    @Order(3)
    void shouldCatchUpWithoutLossWhenPostgresRefusesConnections() {
        // Given uploads waiting for their complete, and more to start
        UploadBatch waiting = UploadBatch.of(system, "pg-waiting", 10);
        UploadBatch starting = UploadBatch.of(system, "pg-starting", 10);
        waiting.initiateAndPutAll();
        long t0 = System.nanoTime();

        // When every service's database refuses connections (open ones are terminated) for the outage
        List<Postgres.Outage> outages = new ArrayList<>();
        CompletableFuture<Void> completes;
        CompletableFuture<Void> uploads;
        try {
            DATABASES.forEach(db -> outages.add(system.postgres().refuseConnections(db)));
            completes = CompletableFuture.runAsync(waiting::completeAll);
            uploads = CompletableFuture.runAsync(starting::uploadAll);
            // (the fault holds: no upload starts while the databases refuse)
            await().during(OUTAGE).atMost(OUTAGE.plusMinutes(1)).until(() -> initiated(starting) == 0);
        } finally {
            outages.forEach(Postgres.Outage::close);
        }
        completes.join();
        uploads.join();

        // Then every upload completes, once
        Outcome outcome = merge(waiting.awaitOutcome(RECOVERY), starting.awaitOutcome(RECOVERY));
        record("PostgreSQL refusing connections", OUTAGE.toSeconds() + " s, 4 databases, "
                + waiting.size() + " completes + " + starting.size() + " uploads meanwhile", outcome, t0);
    }

    @Test
    @Order(4)
    void shouldSendEveryEmailOnceWhenSmtpIsDown() {
        // Given SMTP down
        UploadBatch batch = UploadBatch.of(system, "smtp", 20);
        RefusingProxy smtp = system.smtpProxy();
        int refusedBefore = smtp.refusedConnections();
        long t0 = System.nanoTime();
        CompletableFuture<Void> uploads;
        try (RefusingProxy.Outage outage = smtp.refuseConnections()) {
            // When uploads complete meanwhile (and no email gets out while it is down)
            uploads = CompletableFuture.runAsync(batch::uploadAll);
            await().during(OUTAGE).atMost(OUTAGE.plusMinutes(1)).until(() -> emailsTo(batch) == 0);
        }
        uploads.join();

        // Then each student gets exactly one email once SMTP is back
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        record("SMTP down", OUTAGE.toSeconds() + " s, " + (smtp.refusedConnections() - refusedBefore)
                + " connections refused", outcome, t0);
    }

    @Test
    @Order(5)
    void shouldSendEveryEmailOnceWhenSesThrottles() {
        // Given notification-service sending through SES, which throttles each email's first two attempts
        ServiceProcess notification = system.service("notification-service");
        try (ThrottlingSes ses = ThrottlingSes.start(system.repositoryRoot(), notification.logFile().getParent(),
                2)) {
            notification.stop();
            notification.start(Map.of("MAIL_TRANSPORT", "SES", "SES_ENDPOINT", ses.endpoint().toString(),
                    "SES_REGION", "us-east-1", "SES_ACCESS_KEY", "fault-suite", "SES_SECRET_KEY", "fault-suite"));
            notification.awaitReady(LocalRun.START_TIMEOUT);
            UploadBatch batch = UploadBatch.of(system, "ses", 10).countingEmailsIn(ses::emailsTo);
            long t0 = System.nanoTime();

            // When uploads complete
            batch.uploadAll();

            // Then SES accepts exactly one email per student, after its throttling
            Outcome outcome = batch.awaitOutcome(RECOVERY);
            record("SES throttling", ses.throttles() + " SendEmail calls answered 429 (2 per email)", outcome, t0);
        } finally {
            // back to SMTP for everything after
            notification.stop();
            notification.start().awaitReady(LocalRun.START_TIMEOUT);
        }
    }

    @Test
    @Order(6)
    void shouldCompleteEveryUploadOnRetryWhenS3IsUnavailableAtComplete() {
        // Given S3 answering 503 to the calls that complete an upload
        UploadBatch batch = UploadBatch.of(system, "s3", 10);
        S3Store s3 = system.s3();
        int refusedBefore = s3.refusedCalls();
        long t0 = System.nanoTime();
        CompletableFuture<Void> completes;
        try (S3Store.Outage outage = s3.unavailableAtComplete()) {
            // When the clients PUT their files and complete
            batch.initiateAndPutAll();
            completes = CompletableFuture.runAsync(batch::completeAll);
            // (each complete is answered 503 while S3 is unavailable)
            await().atMost(RECOVERY).until(() -> batch.uploads().stream()
                    .allMatch(u -> u.completeStatuses.contains(503)));
        }
        // Then each retry succeeds once S3 is back
        completes.join();
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        long answered503 = batch.uploads().stream().filter(u -> u.completeStatuses.contains(503)
                && u.completeStatuses.get(u.completeStatuses.size() - 1) == 200).count();
        record("S3 unavailable at complete", (s3.refusedCalls() - refusedBefore) + " S3 calls answered 503, "
                + answered503 + "/" + batch.size() + " completes 503 then 200", outcome, t0);
        assertThat(answered503).as("every client saw 503, then its retry succeeded").isEqualTo(batch.size());
    }

    @Test
    @Order(7)
    void shouldDeadLetterPoisonRecordsAndKeepThePartitionsMoving() {
        // Given 100 records no consumer can decode, spread over every partition of upload-completed
        String topic = Topics.UPLOAD_COMPLETED.name();
        String marker = "poison-" + UUID.randomUUID() + "-";
        int poison = 100;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < poison; i++) {
                producer.send(new ProducerRecord<>(topic, i % Topics.UPLOAD_COMPLETED.partitions(), marker + i,
                        ("not an event " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }

        // When good uploads follow them on the same partitions
        UploadBatch batch = UploadBatch.of(system, "poison", 12);
        batch.uploadAll();

        // Then the good ones are delivered, and each consumer group dead-lettered every poison record once
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        List<String> groups = List.of("catalog-service", "notification-service", "download-service");
        Map<String, Long> deadLettered = new HashMap<>();
        await().atMost(RECOVERY).ignoreExceptions().until(() -> {
            for (String group : groups) {
                deadLettered.put(group, TopicContents.read(system.kafka().bootstrapServers(),
                        List.of(Topics.deadLetter(topic, group)), new ByteArrayDeserializer(),
                        TopicContents.DEFAULT_TIMEOUT).keys().stream()
                        .filter(k -> k != null && k.startsWith(marker)).count());
            }
            return deadLettered.values().stream().allMatch(n -> n >= poison);
        });
        int missing = deadLettered.values().stream().mapToInt(n -> (int) Math.max(0, poison - n)).sum();
        int extra = deadLettered.values().stream().mapToInt(n -> (int) Math.max(0, n - poison)).sum();
        record("100 poison records on upload-completed", poison + " undecodable records on 6 partitions, "
                + "then " + batch.size() + " uploads", outcome.recovered() + "/" + outcome.total() + " uploads; DLT "
                + deadLettered.values().stream().map(String::valueOf).collect(Collectors.joining("/")) + " ("
                + String.join(", ", groups) + ")", outcome.lost() + missing, outcome.duplicated() + extra, t0);
    }

    @Test
    @Order(8)
    void shouldShowTheSameDashboardAndSendOneEmailEachWhenEveryEventIsDuplicatedAndShuffled() throws Exception {
        // Given delivered and once-downloaded uploads, and their dashboard
        UploadBatch batch = UploadBatch.of(system, "dup", 12);
        batch.uploadAll();
        assertThat(batch.awaitOutcome(RECOVERY).recovered()).isEqualTo(batch.size());
        for (UploadBatch.Upload u : batch.uploads()) {
            batch.linkTarget(batch.linkToken(u));
        }
        await().atMost(RECOVERY).ignoreExceptions().until(() -> batch.dashboards().values().stream()
                .allMatch(row -> row.contains("\"downloadCount\":1")));
        Map<String, String> before = batch.dashboards();
        long t0 = System.nanoTime();

        // When every event of theirs is published three more times, shuffled across topics and keys
        Set<String> fileIds = batch.uploads().stream().map(u -> u.fileId).collect(Collectors.toSet());
        List<TopicContents.Entry<byte[]>> events = TopicContents.read(system.kafka().bootstrapServers(), EVENT_TOPICS,
                new ByteArrayDeserializer(), TopicContents.DEFAULT_TIMEOUT).matching(e -> fileIds.contains(e.key()));
        List<TopicContents.Entry<byte[]>> copies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            copies.addAll(events);
        }
        java.util.Collections.shuffle(copies, new Random(14));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (TopicContents.Entry<byte[]> e : copies) {
                producer.send(new ProducerRecord<>(e.topic(), null, e.key(), e.value(), e.headers()));
            }
            producer.flush();
        }
        awaitConsumersCaughtUp(EVENT_TOPICS);

        // Then nothing changes: one email each, the same dashboard
        Outcome outcome = batch.awaitOutcome(RECOVERY);
        Map<String, String> after = batch.dashboards();
        int changed = (int) before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
        record("every event duplicated 3x and shuffled", copies.size() + " copies of " + events.size() + " events ("
                + batch.size() + " uploads)", outcome.recovered() + "/" + outcome.total() + ", "
                + (before.size() - changed) + "/" + before.size() + " dashboard rows identical", outcome.lost(),
                outcome.duplicated() + changed, t0);
        assertThat(after).as("the same dashboard as without duplicates").isEqualTo(before);
    }

    @Test
    @Order(9)
    void shouldDeleteNoObjectAndCreateNoLinkForForgedEvents() throws Exception {
        // Given two delivered uploads (X has a link; Y is another upload's object) and an object in another bucket
        UploadBatch batch = UploadBatch.of(system, "forged", 2);
        batch.uploadAll();
        assertThat(batch.awaitOutcome(RECOVERY).recovered()).isEqualTo(batch.size());
        UploadBatch.Upload x = batch.uploads().get(0);
        UploadBatch.Upload y = batch.uploads().get(1);
        String keyX = batch.objectKey(x.fileId);
        String keyY = batch.objectKey(y.fileId);
        String linkX = batch.linkToken(x);
        String otherBucket = "apexshare-forged-" + UUID.randomUUID().toString().substring(0, 8);
        String forgedFileId = UUID.randomUUID().toString();
        String keyOther = "videos/" + LocalDate.now() + "/" + forgedFileId + "-ride.mp4";
        system.s3().createBucket(otherBucket);
        byte[] bytes = "someone else's video".getBytes(StandardCharsets.US_ASCII);
        system.s3().blobStore().putBlob(PutObjectRequest.builder().bucket(otherBucket).key(keyOther)
                .contentLength((long) bytes.length).build(), new ByteArrayInputStream(bytes));
        LinkToken mintedByAttacker = LinkToken.generate();
        long t0 = System.nanoTime();

        // When someone who can write to the topics forges events
        Instant past = Instant.now().minus(400, ChronoUnit.DAYS);
        List<ProducerRecord<String, SpecificRecord>> forged = List.of(
                // an UploadInitiated for a new upload naming Y's key, expired: retention would delete Y's video
                new ProducerRecord<>(Topics.UPLOAD_INITIATED.name(), UUID.randomUUID().toString(), null),
                // one naming another bucket
                new ProducerRecord<>(Topics.UPLOAD_INITIATED.name(), forgedFileId, null),
                // one for X with an earlier time, another trainer and Y's key
                new ProducerRecord<>(Topics.UPLOAD_INITIATED.name(), x.fileId, null),
                // an EmailSent for an upload nobody made, carrying the hash of a token the attacker knows
                new ProducerRecord<>(Topics.EMAIL_SENT.name(), UUID.randomUUID().toString(), null),
                // an UploadCompleted re-aiming X at Y's object
                new ProducerRecord<>(Topics.UPLOAD_COMPLETED.name(), x.fileId, null));
        List<ProducerRecord<String, SpecificRecord>> events = new ArrayList<>();
        events.add(with(forged.get(0), initiated(forged.get(0).key(), LocalRun.BUCKET, keyY, past)));
        events.add(with(forged.get(1), initiated(forgedFileId, otherBucket, keyOther, past)));
        events.add(with(forged.get(2), initiated(x.fileId, LocalRun.BUCKET, keyY, past)));
        events.add(with(forged.get(3), EmailSent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setFileId(forged.get(3).key()).setProviderMessageId("forged")
                .setSentAt(Instant.now()).setLinkTokenSha256(mintedByAttacker.sha256Hex())
                .setLinkExpiresAt(Instant.now().plus(7, ChronoUnit.DAYS)).setTransport(EmailTransport.SMTP).build()));
        events.add(with(forged.get(4), UploadCompleted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setFileId(x.fileId).setBucket(LocalRun.BUCKET).setObjectKey(keyY)
                .setSize(1).setETag("forged").setSource(CompletionSource.CLIENT).build()));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers()),
                new StringSerializer(), new AvroEventSerializer())) {
            events.forEach(producer::send);
            producer.flush();
        }
        awaitConsumersCaughtUp(EVENT_TOPICS);

        // Then, through three retention runs, no object is deleted and no link is minted or re-aimed
        int[] deleted = new int[1];
        int[] links = new int[1];
        try {
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofMinutes(2)).until(() -> {
                deleted[0] = (exists(LocalRun.BUCKET, keyX) ? 0 : 1) + (exists(LocalRun.BUCKET, keyY) ? 0 : 1)
                        + (exists(otherBucket, keyOther) ? 0 : 1);
                links[0] = (batch.linkStatus(mintedByAttacker.reveal()) == 302 ? 1 : 0)
                        + (batch.linkTarget(linkX).getPath().contains(x.fileId) ? 0 : 1);
                return deleted[0] == 0 && links[0] == 0;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted below
        }
        record("forged events (item 1)", events.size() + " forged: 3 UploadInitiated (other key, other bucket, "
                + "earlier time), 1 EmailSent (unknown upload), 1 UploadCompleted (re-aim)",
                (3 - deleted[0]) + "/3 objects kept, " + (2 - links[0]) + "/2 links unchanged", deleted[0], links[0],
                t0);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void record(String fault, String injected, Outcome outcome, long t0) {
        record(fault, injected, outcome.recovered() + "/" + outcome.total() + " uploads", outcome.lost(),
                outcome.duplicated(), t0);
    }

    private void record(String fault, String injected, String recovered, int lost, int duplicated, long t0) {
        TABLE.add(new FaultTable.Row(fault, injected, recovered, lost, duplicated, (System.nanoTime() - t0) / 1e9));
        assertThat(lost).as(fault + ": lost").isZero();
        assertThat(duplicated).as(fault + ": duplicated").isZero();
    }

    private static Outcome merge(Outcome a, Outcome b) {
        return new Outcome(a.total() + b.total(), a.recovered() + b.recovered(), a.lost() + b.lost(),
                a.duplicated() + b.duplicated(), a.missing() + "; " + b.missing());
    }

    private static long initiated(UploadBatch batch) {
        return batch.uploads().stream().filter(u -> u.fileId != null).count();
    }

    private int emailsTo(UploadBatch batch) {
        return batch.uploads().stream()
                .mapToInt(u -> system.smtp().greenMail().getReceivedMessagesForDomain(u.student).length).sum();
    }

    private boolean exists(String bucket, String key) {
        return system.s3().blobStore().blobExists(bucket, key);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <V> ProducerRecord<String, V> with(ProducerRecord<String, ?> where, V value) {
        return new ProducerRecord<>(where.topic(), where.key(), value);
    }

    private static UploadInitiated initiated(String fileId, String bucket, String key, Instant when) {
        return UploadInitiated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(when)
                .setFileId(fileId).setTrainerId("attacker").setTrainerName("Attacker").setTrainerEmail(null)
                .setStudentEmail("attacker@example.com").setStudentName("Attacker").setSessionDate(LocalDate.now())
                .setNotes(null).setFileName("ride.mp4").setOriginalFileName("ride.mp4").setFileSize(1)
                .setContentType("video/mp4").setBucket(bucket).setObjectKey(key).setUploadMode(UploadMode.SINGLE_PUT)
                .setRetentionUntil(when.plus(1, ChronoUnit.DAYS)).build();
    }

    /**
     * Waits until every consumer group that reads these topics has committed up to their current end: what was
     * published has been applied (or dead-lettered).
     */
    private void awaitConsumersCaughtUp(Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description
                    .partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Set<String> consumed = new HashSet<>();
                    committed.keySet().forEach(tp -> consumed.add(tp.topic()));
                    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                        if (!consumed.contains(e.getKey().topic()) || e.getValue() == 0) {
                            continue;
                        }
                        OffsetAndMetadata at = committed.get(e.getKey());
                        if (at == null || at.offset() < e.getValue()) {
                            return false;
                        }
                    }
                }
                return true;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
