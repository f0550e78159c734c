package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.devstack.TopicContents;
import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.events.LinkActivated;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The view believes only what fits what it knows: a link works only for an upload known as initiated and complete, a
 * completion never re-aims a link, objects are in the served bucket under the upload's own key, and a link minted by
 * notification-service is confirmed only once it works.
 */
class LinkClaimsIntegrationTest extends DownloadServiceTestSupport {

    private static final String GROUP = "download-service";

    @Autowired
    MeterRegistry meters;

    @Autowired
    UploadView view;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldGiveNoWorkingLinkForAForgedEmailSentOfAnUnknownUpload() throws Exception {
        // Given an upload no event has named, and a working link of another upload published after the forgery
        LinkFixture.Upload unknown = fixture.upload("forged.mp4", LinkFixture.randomBytes(64));
        fixture.emailSent(unknown);
        LinkFixture.Upload probe = fixture.ready("probe.mp4", LinkFixture.randomBytes(16));
        String client = freshClientAddress();
        awaitStatus("/d/" + probe.token(), client, 302);
        await().atMost(Duration.ofSeconds(60)).until(() -> parked(unknown) == 1);

        // When the forged link is opened, Then it is unknown
        assertThat(get("/d/" + unknown.token(), client).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/downloads/" + unknown.token(), client).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM link_token WHERE file_id = :id").param("id", unknown.fileId())
                .query(Long.class).single()).isZero();

        // And when its upload never appears within the park limit, the claim is dropped and counted
        double before = rejected("EmailSent", "unknown_upload");
        assertThat(view.dropParkedBefore(Instant.now().plusSeconds(1))).isPositive();
        assertThat(parked(unknown)).isZero();
        assertThat(rejected("EmailSent", "unknown_upload")).isGreaterThan(before);
        assertThat(get("/d/" + unknown.token(), client).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNotReAimALinkWhenACompletionNamesAnotherObject() throws Exception {
        // Given a working link and another upload's object in the same bucket
        LinkFixture.Upload upload = fixture.ready("mine.mp4", LinkFixture.randomBytes(64));
        LinkFixture.Upload other = fixture.upload("theirs.mp4", LinkFixture.randomBytes(64));
        fixture.store(other);
        String client = freshClientAddress();
        HttpResponse<String> before = awaitStatus("/d/" + upload.token(), client, 302);
        double rejectedBefore = rejected("UploadCompleted", "conflicting_facts")
                + rejected("UploadCompleted", "foreign_key");

        // When completions name another key of the upload's own form, and the other upload's key
        UploadCompleted moved = LinkFixture.completedEvent(upload, BUCKET)
                .setObjectKey("videos/2025-01-01/" + upload.fileId() + "-elsewhere.mp4").build();
        UploadCompleted stolen = LinkFixture.completedEvent(upload, BUCKET).setObjectKey(other.objectKey()).build();
        fixture.publish(Topics.UPLOAD_COMPLETED.name(), upload.fileId(), moved);
        fixture.publish(Topics.UPLOAD_COMPLETED.name(), upload.fileId(), stolen);

        // Then both are dead-lettered and counted, and the link still leads to the upload's own object
        assertThat(awaitDeadLetters(Topics.UPLOAD_COMPLETED.deadLetter(GROUP), upload.fileId(), 2))
                .containsExactly(moved, stolen);
        assertThat(rejected("UploadCompleted", "conflicting_facts") + rejected("UploadCompleted", "foreign_key"))
                .isEqualTo(rejectedBefore + 2);
        HttpResponse<String> after = awaitStatus("/d/" + upload.token(), client, 302);
        assertThat(location(after)).contains(upload.objectKey().replace("videos/2025-06-14/", ""))
                .doesNotContain("elsewhere").doesNotContain("theirs");
        assertThat(location(before)).contains("mine.mp4");
    }

    @Test
    void shouldRefuseAnInitiationNamingAnotherBucketOrAForeignKey() throws Exception {
        // Given uploads whose initiations name another bucket and another upload's key
        LinkFixture.Upload victim = fixture.ready("victim.mp4", LinkFixture.randomBytes(64));
        LinkFixture.Upload elsewhere = fixture.upload("elsewhere.mp4", LinkFixture.randomBytes(64));
        LinkFixture.Upload thief = fixture.upload("thief.mp4", LinkFixture.randomBytes(64));
        UploadInitiated otherBucket = LinkFixture.initiatedEvent(elsewhere, "other-bucket").build();
        UploadInitiated foreignKey = LinkFixture.initiatedEvent(thief, BUCKET).setObjectKey(victim.objectKey()).build();
        double before = rejected("UploadInitiated", "foreign_bucket") + rejected("UploadInitiated", "foreign_key");

        // When they arrive with their links
        fixture.publish(Topics.UPLOAD_INITIATED.name(), elsewhere.fileId(), otherBucket);
        fixture.publish(Topics.UPLOAD_INITIATED.name(), thief.fileId(), foreignKey);
        fixture.emailSent(elsewhere);
        fixture.emailSent(thief);

        // Then both initiations are dead-lettered and counted, and neither link opens anything
        awaitDeadLetters(Topics.UPLOAD_INITIATED.deadLetter(GROUP), elsewhere.fileId(), 1);
        awaitDeadLetters(Topics.UPLOAD_INITIATED.deadLetter(GROUP), thief.fileId(), 1);
        assertThat(rejected("UploadInitiated", "foreign_bucket") + rejected("UploadInitiated", "foreign_key"))
                .isEqualTo(before + 2);
        String client = freshClientAddress();
        await().atMost(Duration.ofSeconds(60)).until(() -> parked(elsewhere) == 1 && parked(thief) == 1);
        assertThat(get("/d/" + elsewhere.token(), client).statusCode()).isEqualTo(404);
        assertThat(get("/d/" + thief.token(), client).statusCode()).isEqualTo(404);
        assertThat(get("/d/" + victim.token(), client).statusCode()).isEqualTo(302);
    }

    @Test
    void shouldConfirmAnIssuedLinkOnlyOnceItWorks() throws Exception {
        // Given an upload whose link was issued before its bytes were reported complete
        LinkFixture.Upload upload = fixture.upload("issued.mp4", LinkFixture.randomBytes(64));
        fixture.store(upload);
        fixture.initiated(upload);
        fixture.publish(Topics.LINK_ISSUED.name(), upload.fileId(), issued(upload));
        await().atMost(Duration.ofSeconds(60)).until(() -> parked(upload) == 1);
        String client = freshClientAddress();

        // Then it does not work yet and is not confirmed
        assertThat(get("/d/" + upload.token(), client).statusCode()).isEqualTo(404);
        assertThat(activations(upload)).isEmpty();

        // When the upload completes
        fixture.completed(upload);

        // Then the link is confirmed, and by the time the confirmation is out the link works
        await().atMost(Duration.ofSeconds(60)).until(() -> !activations(upload).isEmpty());
        assertThat(get("/d/" + upload.token(), client).statusCode()).isEqualTo(302);
        assertThat(activations(upload)).singleElement().satisfies(a -> assertThat(a.getLinkTokenSha256())
                .isEqualTo(LinkFixture.sha256(upload.token())));

        // And a repeated LinkIssued is confirmed again (the email leaves however often it was delivered)
        fixture.publish(Topics.LINK_ISSUED.name(), upload.fileId(), issued(upload));
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(upload).size() == 2);
    }

    @Test
    void shouldConfirmNoIssuedLinkThatWouldAnswerGone() throws Exception {
        // Given a ready upload whose address the trainer corrected (generation 2), and one whose links were revoked
        LinkFixture.Upload moved = fixture.ready("moved-issued.mp4", LinkFixture.randomBytes(64));
        LinkFixture.Upload revoked = fixture.ready("revoked-issued.mp4", LinkFixture.randomBytes(64));
        fixture.publish(Topics.STUDENT_ADDRESS_CHANGED.name(), moved.fileId(), StudentAddressChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(moved.fileId().toString()).setStudentEmail("sam.new@student.example")
                .setStudentName(null).setLinkGeneration(2).build());
        fixture.publish(Topics.LINK_REVOKED.name(), revoked.fileId(), LinkRevoked.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(revoked.fileId().toString()).setReason(LinkRevocationReason.TRAINER_REVOKED).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT count(*) FROM upload_view WHERE (file_id = :moved AND link_generation = 2)
                    OR (file_id = :revoked AND links_revoked_at IS NOT NULL)""")
                .param("moved", moved.fileId()).param("revoked", revoked.fileId()).query(Long.class).single() == 2);

        // When links are issued: one of the old generation, then one of the new for the first, one for the second
        String oldGeneration = LinkFixture.newToken();
        String newGeneration = LinkFixture.newToken();
        String afterRevocation = LinkFixture.newToken();
        fixture.publish(Topics.LINK_ISSUED.name(), moved.fileId(), issued(moved, oldGeneration, 1));
        fixture.publish(Topics.LINK_ISSUED.name(), moved.fileId(), issued(moved, newGeneration, 2));
        fixture.publish(Topics.LINK_ISSUED.name(), revoked.fileId(), issued(revoked, afterRevocation, 1));

        // Then only the new generation's link is confirmed (the old one was handled first: same partition, in order)
        await().atMost(Duration.ofSeconds(60)).until(() -> !activations(moved).isEmpty());
        assertThat(activations(moved)).extracting(LinkActivated::getLinkTokenSha256)
                .containsExactly(LinkFixture.sha256(newGeneration));
        // and the revoked upload's link is recorded (it answers 410) but never confirmed: nothing waits in the outbox
        // (it would be written with the link) and nothing reached the topic
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM link_token WHERE token_sha256 = :hash")
                .param("hash", LinkFixture.sha256(afterRevocation)).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE topic = :topic AND event_key = :id")
                .param("topic", Topics.LINK_ACTIVATED.name()).param("id", revoked.fileId().toString())
                .query(Long.class).single()).isZero();
        assertThat(activations(revoked)).isEmpty();
        String client = freshClientAddress();
        assertThat(get("/d/" + afterRevocation, client).statusCode()).isEqualTo(410);
        assertThat(get("/d/" + oldGeneration, client).statusCode()).isEqualTo(410);
        assertThat(get("/d/" + newGeneration, client).statusCode()).isEqualTo(302);
    }

    private static LinkIssued issued(LinkFixture.Upload upload, String token, int generation) {
        return LinkIssued.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(upload.fileId().toString())
                .setLinkTokenSha256(LinkFixture.sha256(token)).setLinkExpiresAt(upload.retentionUntil())
                .setLinkGeneration(generation).build();
    }

    private static LinkIssued issued(LinkFixture.Upload upload) {
        return LinkIssued.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(upload.fileId().toString())
                .setLinkTokenSha256(LinkFixture.sha256(upload.token())).setLinkExpiresAt(upload.retentionUntil())
                .build();
    }

    private static List<LinkActivated> activations(LinkFixture.Upload upload) {
        return TopicContents.read(Topics.LINK_ACTIVATED.name(), new AvroEventDeserializer())
                .withKey(upload.fileId().toString()).stream().map(e -> (LinkActivated) e.value()).toList();
    }

    /** The upload's dead letters, decoded (the topic also holds other tests' undecodable poison). */
    private static List<SpecificRecord> awaitDeadLetters(String topic, UUID fileId, int count) {
        AvroEventDeserializer avro = new AvroEventDeserializer();
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicContents.read(topic, new ByteArrayDeserializer()).withKey(fileId.toString()).stream()
                        .map(e -> avro.deserialize(topic, e.value())).toList(),
                records -> records.size() >= count);
    }

    private long parked(LinkFixture.Upload upload) {
        return jdbc.sql("SELECT count(*) FROM pending_link WHERE file_id = :id").param("id", upload.fileId())
                .query(Long.class).single();
    }

    private double rejected(String event, String reason) {
        Counter counter = meters.find("apexshare.events.rejected").tag("event", event).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }
}
