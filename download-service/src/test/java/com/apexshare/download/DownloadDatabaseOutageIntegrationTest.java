package com.apexshare.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.TopicContents;
import com.apexshare.download.link.LinkFixture;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's error policy in this service: events that arrive while the database refuses connections are retried
 * for as long as the outage lasts and all applied afterwards, none parked on a dead-letter topic; a poison record
 * still goes to the dead-letter topic at once. A context of its own (database, consumer group, short timeouts), closed
 * afterwards, so the outage touches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DownloadDatabaseOutageIntegrationTest extends DownloadServiceHttp {

    private static final String DATABASE = "download_outage";
    private static final String GROUP = "download-outage-test";
    private static final List<Topic<?>> CONSUMED = List.of(Topics.UPLOAD_INITIATED, Topics.UPLOAD_COMPLETED,
            Topics.UPLOAD_DELETED, Topics.EMAIL_SENT);

    @Autowired
    MeterRegistry metrics;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers(registry, DATABASE);
        registry.add("apexshare.download.consumer-group", () -> GROUP);
        // Short, so that an outage costs many retries in little time (the outage itself is not shortened)
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "250");
        registry.add("apexshare.platform.kafka.retry.initial-interval", () -> "50ms");
        registry.add("apexshare.platform.kafka.retry.max-interval", () -> "300ms");
    }

    @Test
    void shouldRetryEveryEventThroughADatabaseOutageAndApplyAllOnceItIsBack() {
        // Given the service's database refusing connections while 20 uploads initiate, complete and are e-mailed
        List<LinkFixture.Upload> uploads = new ArrayList<>();
        double retriesBefore = retries(CONSUMED);
        Instant outageStarted;
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            outageStarted = Instant.now();
            for (int i = 0; i < 20; i++) {
                LinkFixture.Upload upload = fixture.upload("outage-" + i + ".mp4", LinkFixture.randomBytes(64));
                fixture.store(upload);
                fixture.initiated(upload);
                fixture.completed(upload);
                fixture.emailSent(upload);
                uploads.add(upload);
            }

            // When the outage lasts for at least 20 retry attempts
            await().atMost(Duration.ofSeconds(120)).until(() -> retries(CONSUMED) - retriesBefore >= 20);
        }
        System.out.printf("download database outage: %d ms, %.0f retries%n",
                Duration.between(outageStarted, Instant.now()).toMillis(), retries(CONSUMED) - retriesBefore);

        // Then, once it is back, every link works: its token's hash from EmailSent, its upload complete
        for (LinkFixture.Upload upload : uploads) {
            awaitStatus("/d/" + upload.token(), freshClientAddress(), 302);
        }

        // And none of their events was parked on the service's dead-letter topics
        Set<String> keys = uploads.stream().map(u -> u.fileId().toString()).collect(Collectors.toSet());
        assertThat(deadLetters(CONSUMED).matching(e -> keys.contains(e.key()))).isEmpty();
    }

    @Test
    void shouldDeadLetterPoisonAtOnceAndApplyTheNextRecordOnItsPartition() {
        // Given an upload whose metadata and link have arrived
        LinkFixture.Upload upload = fixture.upload("after-poison.mp4", LinkFixture.randomBytes(64));
        fixture.store(upload);
        fixture.initiated(upload);
        fixture.emailSent(upload);
        List<Topic<?>> completions = List.of(Topics.UPLOAD_COMPLETED);
        double retriesBefore = retries(completions);
        double deadLettersBefore = deadLettersCounted(completions);

        // When, on its partition of the completions, undecodable bytes and a completion that breaks the contract come
        // before its valid completion
        fixture.publish(Topics.UPLOAD_COMPLETED.name(), upload.fileId(), "not avro".getBytes(StandardCharsets.UTF_8));
        fixture.publish(Topics.UPLOAD_COMPLETED.name(), upload.fileId(),
                LinkFixture.completedEvent(upload, BUCKET).setFileId("not-a-uuid").build());
        fixture.completed(upload);

        // Then the valid completion is applied (the link works)
        awaitStatus("/d/" + upload.token(), freshClientAddress(), 302);

        // And both poison records are on the dead-letter topic, each once, counted as dead letters and never as
        // retries: a record that can never be processed is not delivered a second time
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters(completions).withKey(upload.fileId().toString())).hasSize(2));
        assertThat(deadLettersCounted(completions) - deadLettersBefore).isEqualTo(2);
        assertThat(retries(completions) - retriesBefore).isZero();
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
