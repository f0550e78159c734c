package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.upload.UploadIntegrationTestSupport;

import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/**
 * The trainer's actions on a completed upload through the real API: each one owner-checked, refused in the wrong state,
 * validated, and announced by exactly one event on its topic (through the outbox).
 */
class TrainerActionsIntegrationTest extends UploadIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldResendTheEmailThreeTimesAnHourThenAnswer429WithRetryAfter() throws Exception {
        // Given a completed upload
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);

        // When the trainer resends three times
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> resent = post(path(fileId, "resend"), token, "");
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            assertThat(data(resent).path("linkGeneration").asInt()).isEqualTo(1);
        }
        // Then the fourth is refused with the platform's error body and a Retry-After within the hour
        HttpResponse<String> refused = post(path(fileId, "resend"), token, "");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(error(refused).path("code").asString()).isEqualTo("RESEND_LIMIT_REACHED");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        // And exactly three StudentEmailResent events went out, none with an address or token
        await().atMost(WAIT).until(() -> events(Topics.STUDENT_EMAIL_RESENT, fileId).size() >= 3);
        List<StudentEmailResent> events = events(Topics.STUDENT_EMAIL_RESENT, fileId);
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.getLinkGeneration()).isEqualTo(1));
    }

    @Test
    void shouldChangeTheStudentsAddressToANewLinkGeneration() throws Exception {
        // Given a completed upload
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);

        // When the trainer sends an invalid address, then a valid one
        HttpResponse<String> invalid = post(path(fileId, "student-address"), token,
                Map.of("studentEmail", "not an address", "studentName", "Bad\nName"));
        HttpResponse<String> changed = post(path(fileId, "student-address"), token,
                Map.of("studentEmail", "alex.rider@school.example", "studentName", "Alex R. Rider"));

        // Then the first is refused field by field, the second moves the link generation to 2
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(error(invalid).path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error(invalid).path("fields").valueStream().map(f -> f.path("field").asString()))
                .containsExactlyInAnyOrder("studentEmail", "studentName");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(data(changed).path("linkGeneration").asInt()).isEqualTo(2);
        // And one StudentAddressChanged carries the new address and generation
        await().atMost(WAIT).until(() -> !events(Topics.STUDENT_ADDRESS_CHANGED, fileId).isEmpty());
        List<StudentAddressChanged> events = events(Topics.STUDENT_ADDRESS_CHANGED, fileId);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getStudentEmail()).isEqualTo("alex.rider@school.example");
            assertThat(e.getStudentName()).isEqualTo("Alex R. Rider");
            assertThat(e.getLinkGeneration()).isEqualTo(2);
        });
    }

    @Test
    void shouldMoveTheExpiryWithinTheWindowAndRefuseOutsideIt() throws Exception {
        // Given a completed upload
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);
        Instant later = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        Instant earlier = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        // When the trainer asks for too far ahead, a time already past, then extends and shortens it
        HttpResponse<String> tooFar = putJson(path(fileId, "expiry"), token,
                Map.of("expiresAt", Instant.now().plus(Duration.ofDays(31)).toString()));
        HttpResponse<String> past = putJson(path(fileId, "expiry"), token,
                Map.of("expiresAt", Instant.now().minusSeconds(60).toString()));
        HttpResponse<String> missing = putJson(path(fileId, "expiry"), token, Map.of());
        HttpResponse<String> extended = putJson(path(fileId, "expiry"), token, Map.of("expiresAt", later.toString()));
        HttpResponse<String> shortened = putJson(path(fileId, "expiry"), token,
                Map.of("expiresAt", earlier.toString()));

        // Then the invalid ones are 400 with the field, the valid ones answer the new expiry
        for (HttpResponse<String> refused : List.of(tooFar, past, missing)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(error(refused).path("fields").path(0).path("field").asString()).isEqualTo("expiresAt");
        }
        assertThat(Instant.parse(data(extended).path("expiresAt").asString())).isEqualTo(later);
        assertThat(Instant.parse(data(shortened).path("expiresAt").asString())).isEqualTo(earlier);
        // And two UploadExpiryChanged events, revisions 1 and 2, the second starting where the first ended
        await().atMost(WAIT).until(() -> events(Topics.UPLOAD_EXPIRY_CHANGED, fileId).size() >= 2);
        List<UploadExpiryChanged> events = events(Topics.UPLOAD_EXPIRY_CHANGED, fileId);
        assertThat(events).extracting(UploadExpiryChanged::getRevision).containsExactly(1L, 2L);
        assertThat(events.get(0).getExpiresAt()).isEqualTo(later);
        assertThat(events.get(1).getPreviousExpiresAt()).isEqualTo(later);
        assertThat(events.get(1).getExpiresAt()).isEqualTo(earlier);
    }

    @Test
    void shouldRevokeTheLinksOnceAndRefuseResendingAfterwards() throws Exception {
        // Given a completed upload
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);

        // When the trainer revokes twice and then tries to resend
        HttpResponse<String> first = post(path(fileId, "revoke"), token, "");
        HttpResponse<String> again = post(path(fileId, "revoke"), token, "");
        HttpResponse<String> resend = post(path(fileId, "resend"), token, "");

        // Then both revocations answer the revoked state, the resend is a conflict
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(data(first).path("linksRevoked").asBoolean()).isTrue();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(resend.statusCode()).isEqualTo(409);
        assertThat(error(resend).path("code").asString()).isEqualTo("LINK_REVOKED");
        // And exactly one LinkRevoked went out
        await().atMost(WAIT).until(() -> !events(Topics.LINK_REVOKED, fileId).isEmpty());
        assertThat(events(Topics.LINK_REVOKED, fileId)).extracting(LinkRevoked::getReason)
                .containsExactly(LinkRevocationReason.TRAINER_REVOKED);
    }

    @Test
    void shouldSwitchTheReminderOffOnceAndPublishOnlyRealChanges() throws Exception {
        // Given a completed upload (reminders on by default)
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);

        // When the trainer switches it off twice and sends a body without the flag
        HttpResponse<String> off = putJson(path(fileId, "reminders"), token, Map.of("enabled", false));
        HttpResponse<String> offAgain = putJson(path(fileId, "reminders"), token, Map.of("enabled", false));
        HttpResponse<String> bad = putJson(path(fileId, "reminders"), token, Map.of());

        // Then the state says off, the bad body is a field error, and one event carries revision 1
        assertThat(data(off).path("remindersEnabled").asBoolean()).isFalse();
        assertThat(data(offAgain).path("remindersEnabled").asBoolean()).isFalse();
        assertThat(bad.statusCode()).isEqualTo(400);
        await().atMost(WAIT).until(() -> !events(Topics.REMINDER_SETTING_CHANGED, fileId).isEmpty());
        assertThat(events(Topics.REMINDER_SETTING_CHANGED, fileId)).singleElement().satisfies(e -> {
            assertThat(e.getRemindersEnabled()).isFalse();
            assertThat(e.getRevision()).isEqualTo(1L);
        });
    }

    @Test
    void shouldDeleteACompletedUploadsObjectAndPublishTrainerDeletedOnce() throws Exception {
        // Given a completed upload whose object is in S3
        String token = token(newTrainer());
        UUID fileId = completedUpload(token);
        String key = objectKey(fileId);
        assertThat(s3().headObject(b -> b.bucket(BUCKET).key(key)).contentLength()).isPositive();

        // When the trainer deletes it twice, then tries another action
        HttpResponse<String> deleted = post(path(fileId, "delete"), token, "");
        HttpResponse<String> again = post(path(fileId, "delete"), token, "");
        HttpResponse<String> resend = post(path(fileId, "resend"), token, "");

        // Then it answers DELETED, the object is gone and further actions are conflicts
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(data(deleted).path("status").asString()).isEqualTo("DELETED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(resend.statusCode()).isEqualTo(409);
        assertThat(error(resend).path("code").asString()).isEqualTo("UPLOAD_DELETED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3().headObject(b -> b.bucket(BUCKET).key(key)))
                .isInstanceOf(NoSuchKeyException.class);
        // And one UploadDeleted(TRAINER_DELETED) went out
        await().atMost(WAIT).until(() -> !events(Topics.UPLOAD_DELETED, fileId).isEmpty());
        assertThat(events(Topics.UPLOAD_DELETED, fileId)).extracting(UploadDeleted::getReason)
                .containsExactly(DeletionReason.TRAINER_DELETED);
    }

    @Test
    void shouldAnswer404ForAnotherTrainersUploadAnd409ForAnUploadInProgress() throws Exception {
        // Given one trainer's completed upload and another of their uploads still in progress
        String owner = token(newTrainer());
        UUID completed = completedUpload(owner);
        HttpResponse<String> started = post("/api/v1/uploads/initiate", owner, initiateBody("GX2.MP4", 1024));
        UUID inProgress = UUID.fromString(data(started).path("fileId").asString());

        // When another trainer acts on the first, and the owner acts on the second
        String stranger = token(newTrainer());
        List<HttpResponse<String>> foreign = List.of(post(path(completed, "resend"), stranger, ""),
                post(path(completed, "revoke"), stranger, ""), post(path(completed, "delete"), stranger, ""),
                putJson(path(completed, "expiry"), stranger,
                        Map.of("expiresAt", Instant.now().plus(Duration.ofDays(3)).toString())));
        HttpResponse<String> early = post(path(inProgress, "resend"), owner, "");
        HttpResponse<String> earlyDelete = post(path(inProgress, "delete"), owner, "");

        // Then the stranger gets 404 everywhere and nothing changed; the owner gets 409 UPLOAD_NOT_COMPLETED
        assertThat(foreign).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(error(r).path("code").asString()).isEqualTo("UPLOAD_NOT_FOUND");
        });
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(error(early).path("code").asString()).isEqualTo("UPLOAD_NOT_COMPLETED");
        assertThat(earlyDelete.statusCode()).isEqualTo(409);
        assertThat(s3().headObject(b -> b.bucket(BUCKET).key(objectKey(completed))).contentLength()).isPositive();
    }

    /** A small single-PUT upload, sent and completed. */
    private UUID completedUpload(String token) throws Exception {
        byte[] video = randomBytes(2048);
        HttpResponse<String> started = post("/api/v1/uploads/initiate", token, initiateBody("GX1.MP4", video.length));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode body = data(started);
        assertThat(put(body.path("uploadUrl").asString(), video, fields(body)).statusCode()).isEqualTo(200);
        UUID fileId = UUID.fromString(body.path("fileId").asString());
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, "");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        return fileId;
    }

    private static String objectKey(UUID fileId) {
        return events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();
    }

    private static String path(UUID fileId, String action) {
        return "/api/v1/uploads/" + fileId + "/" + action;
    }

    private HttpResponse<String> putJson(String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(60)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
