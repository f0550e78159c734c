package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.devstack.TopicContents;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.notification.support.DownloadServiceStandIn;
import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.Letter;
import com.apexshare.notification.email.MailTransport;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's error policy in this service: upload events that arrive while the database refuses connections are
 * retried for as long as the outage lasts and all applied afterwards, none parked on a dead-letter topic, and each
 * student gets exactly one email; a poison record still goes to the dead-letter topic at once; an email the provider
 * accepted just before the database went away is recorded (and its link announced) once it is back. A context of its own
 * (database, consumer group, short timeouts), closed afterwards, so the outage touches no other test; the shared SMTP
 * context's listeners pause meanwhile, so that only this context emails these students.
 */
@SpringBootTest
// download-service's part (confirms the issued links, so that the student emails may leave) and an outage right after
// a send
@Import({DownloadServiceStandIn.class, NotificationDatabaseOutageIntegrationTest.OutageRightAfterSending.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NotificationDatabaseOutageIntegrationTest {

    /** Students whose email takes the database away the moment the (real) SMTP server has accepted it. */
    private static final String AFTER_SEND = "outage-after-send-";
    private static final Duration AFTER_SEND_OUTAGE = Duration.ofSeconds(3);

    private static final String DATABASE = "notification_outage";
    private static final String GROUP = "notification-outage-test";
    private static final List<Topic<?>> CONSUMED = List.of(Topics.UPLOAD_INITIATED, Topics.UPLOAD_COMPLETED,
            Topics.UPLOAD_DELETED, Topics.DOWNLOADED);

    @Autowired
    MeterRegistry metrics;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource(DATABASE).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("apexshare.notification.consumer-group", () -> GROUP);
        registry.add("spring.mail.host", () -> DevStack.smtp().host());
        registry.add("spring.mail.port", () -> DevStack.smtp().port());
        registry.add("apexshare.notification.transport", () -> "SMTP");
        registry.add("apexshare.notification.max-send-rate", () -> "200");
        registry.add("apexshare.notification.dispatcher.poll-interval", () -> "PT0.1S");
        registry.add("apexshare.platform.outbox.poll-interval", () -> "100ms");
        // Short, so that an outage costs many retries in little time (the outage itself is not shortened)
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "250");
        registry.add("apexshare.platform.kafka.retry.initial-interval", () -> "50ms");
        registry.add("apexshare.platform.kafka.retry.max-interval", () -> "300ms");
    }

    @BeforeAll
    static void pauseTheSmtpContext() {
        SmtpContextIntegrationTest.pauseListeners();
    }

    @AfterAll
    static void resumeTheSmtpContext() {
        SmtpContextIntegrationTest.resumeListeners();
    }

    @Test
    void shouldRetryEveryEventThroughADatabaseOutageAndEmailEachStudentExactlyOnce() {
        // Given the service's database refusing connections while 20 uploads are initiated and completed
        Map<UUID, String> students = new LinkedHashMap<>();
        double retriesBefore = retries(CONSUMED);
        Instant outageStarted;
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            outageStarted = Instant.now();
            for (int i = 0; i < 20; i++) {
                UUID fileId = UUID.randomUUID();
                String student = "outage-" + i + "-" + fileId + "@riders.test";
                Events.publish(Events.initiated(fileId, student).build());
                Events.publish(Events.completed(fileId));
                students.put(fileId, student);
            }

            // When the outage lasts for at least 20 retry attempts
            await().atMost(Duration.ofSeconds(120)).until(() -> retries(CONSUMED) - retriesBefore >= 20);
        }
        System.out.printf("notification database outage: %d ms, %.0f retries%n",
                Duration.between(outageStarted, Instant.now()).toMillis(), retries(CONSUMED) - retriesBefore);

        // Then, once it is back (the test's own connections may still fail for a moment), every event is applied and
        // every student is emailed
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> students.forEach((fileId,
                student) -> {
            assertThat(jdbc.sql("SELECT completion_signals FROM upload WHERE file_id = :id "
                    + "AND initiated_at IS NOT NULL").param("id", fileId).query(Integer.class).optional())
                    .as("upload %s", fileId).contains(1);
            assertThat(jdbc.sql("SELECT status FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                    .param("id", fileId).query(String.class).optional()).as("email of %s", fileId)
                    .contains("SENT");
            assertThat(Mailbox.messagesTo(student)).as("emails to %s", student).isNotEmpty();
        }));

        // And each student got exactly one email, and none of their events was parked on a dead-letter topic
        students.values().forEach(student -> assertThat(Mailbox.messagesTo(student)).as(student).hasSize(1));
        Set<String> keys = students.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
        assertThat(deadLetters(CONSUMED).matching(e -> keys.contains(e.key()))).isEmpty();
    }

    @Test
    void shouldDeadLetterPoisonAtOnceAndApplyTheNextRecordOnItsPartition() {
        // Given an initiated upload
        UUID fileId = UUID.randomUUID();
        String student = "after-poison-" + fileId + "@riders.test";
        Events.publish(Events.initiated(fileId, student).build());
        List<Topic<?>> completions = List.of(Topics.UPLOAD_COMPLETED);
        double retriesBefore = retries(completions);
        double deadLettersBefore = deadLettersCounted(completions);

        // When, on its partition of the completions, undecodable bytes and a completion whose file id is not a UUID
        // come before its valid completion
        Events.publishRaw(Topics.UPLOAD_COMPLETED.name(), fileId.toString(),
                "not avro".getBytes(StandardCharsets.UTF_8));
        Events.publish(Topics.UPLOAD_COMPLETED, fileId.toString(),
                UploadCompleted.newBuilder(Events.completed(fileId)).setFileId("not-a-uuid").build());
        Events.publish(Events.completed(fileId));

        // Then the valid completion is applied: the student is emailed
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(student).size() == 1);

        // And both poison records are on the dead-letter topic, each once, counted as dead letters and never as
        // retries: a record that can never be processed is not delivered a second time
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters(completions).withKey(fileId.toString())).hasSize(2));
        assertThat(deadLettersCounted(completions) - deadLettersBefore).isEqualTo(2);
        assertThat(retries(completions) - retriesBefore).isZero();
    }

    @Test
    void shouldRecordAnEmailThatLeftJustBeforeTheDatabaseWentAwayOnceItIsBack() {
        // Given an upload whose student email the SMTP server accepts just before the database refuses connections
        // (for a few seconds: longer than three immediate tries, shorter than any pod restart)
        UUID fileId = UUID.randomUUID();
        String student = AFTER_SEND + fileId + "@riders.test";

        // When it is emailed
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.completed(fileId));

        // Then, once the database is back, the email is recorded as sent and its EmailSent (which makes the link
        // work at download-service) is published; the student got exactly one email
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> "SENT".equals(jdbc.sql(
                "SELECT status FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'").param("id", fileId)
                .query(String.class).optional().orElse(null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.EMAIL_SENT, fileId).isEmpty());
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).hasSize(1);
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
    }

    /**
     * Wraps the real SMTP transport: after it accepted an email to an {@link #AFTER_SEND} student, the database
     * refuses connections for {@link #AFTER_SEND_OUTAGE}, so that recording the sent email meets the outage.
     */
    @TestConfiguration
    static class OutageRightAfterSending {

        @Bean
        static BeanPostProcessor outageRightAfterSending() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof MailTransport real)) {
                        return bean;
                    }
                    return new MailTransport() {
                        @Override
                        public String name() {
                            return real.name();
                        }

                        @Override
                        public String send(Letter letter) throws EmailDeliveryFailed {
                            String id = real.send(letter);
                            if (letter.to().startsWith(AFTER_SEND)) {
                                Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE);
                                CompletableFuture.runAsync(outage::close, CompletableFuture.delayedExecutor(
                                        AFTER_SEND_OUTAGE.toMillis(), TimeUnit.MILLISECONDS));
                            }
                            return id;
                        }
                    };
                }
            };
        }
    }

    /** Records of this context's consumer group on these topics that the policy wrote to a dead-letter topic. */
    private double deadLettersCounted(List<Topic<?>> topics) {
        Set<String> names = topics.stream().map(Topic::name).collect(Collectors.toSet());
        return metrics.find("apexshare.kafka.dead.letters").tag("group", GROUP).counters().stream()
                .filter(c -> names.contains(c.getId().getTag("topic"))).mapToDouble(c -> c.count()).sum();
    }

    /** Failed deliveries that the policy retried, of this context's consumer group on these topics. */
    private double retries(List<Topic<?>> topics) {
        Set<String> names = topics.stream().map(Topic::name).collect(Collectors.toSet());
        return metrics.find("apexshare.kafka.listener.retries").tag("group", GROUP).counters().stream()
                .filter(c -> names.contains(c.getId().getTag("topic"))).mapToDouble(c -> c.count()).sum();
    }

    /** What this context's consumer group wrote to the dead-letter topics of these topics, as it arrived. */
    private static TopicContents<byte[]> deadLetters(List<Topic<?>> topics) {
        return TopicContents.read(topics.stream().map(t -> t.deadLetter(GROUP)).toList(), new ByteArrayDeserializer());
    }
}
