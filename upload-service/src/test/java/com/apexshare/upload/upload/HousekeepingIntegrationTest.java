package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.upload.UploadIntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Stale uploads are aborted by the scheduled job, which publishes UploadDeleted(ABORTED); an abort whose claimant died
 * between claiming and settling it is finished by the next run.
 */
class HousekeepingIntegrationTest extends UploadIntegrationTestSupport {

    @Autowired
    StaleUploadJanitor janitor;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldAbortUploadsNobodyFinishedAndKeepRecentOnes() throws Exception {
        // Given a multipart upload with one part and a single-PUT upload, both started two days ago, and a fresh one
        String token = token(newTrainer());
        byte[] video = randomBytes(5 * MIB + 1);
        JsonNode multipart = data(post("/api/v1/uploads/initiate", token, initiateBody("old.mp4", video.length)));
        put(multipart.path("multipart").path("parts").get(0).path("url").asString(),
                slice(video, 1), Map.of());
        UUID staleMultipart = UUID.fromString(multipart.path("fileId").asString());
        UUID staleSingle = UUID.fromString(data(post("/api/v1/uploads/initiate", token, initiateBody("old.mov", 10)))
                .path("fileId").asString());
        UUID recent = UUID.fromString(data(post("/api/v1/uploads/initiate", token, initiateBody("new.mp4", 10)))
                .path("fileId").asString());
        for (UUID id : new UUID[] {staleMultipart, staleSingle}) {
            jdbc.update("UPDATE upload_session SET initiated_at = initiated_at - interval '2 days' WHERE file_id = ?", id);
        }
        String staleKey = events(Topics.UPLOAD_INITIATED, staleMultipart).get(0).getObjectKey();
        assertThat(multipartUploadKeys()).contains(staleKey);

        // When housekeeping runs
        int aborted = janitor.abortStale();

        // Then the stale uploads are aborted in S3, recorded and announced; the recent one is untouched
        assertThat(aborted).isGreaterThanOrEqualTo(2);
        assertThat(multipartUploadKeys()).doesNotContain(staleKey);
        assertThat(status(staleMultipart)).isEqualTo("ABORTED");
        assertThat(status(staleSingle)).isEqualTo("ABORTED");
        assertThat(status(recent)).isEqualTo("IN_PROGRESS");
        for (UUID id : new UUID[] {staleMultipart, staleSingle}) {
            assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> events(Topics.UPLOAD_DELETED, id),
                    l -> !l.isEmpty())).extracting(UploadDeleted::getReason).containsOnly(DeletionReason.ABORTED);
        }
        assertThat(events(Topics.UPLOAD_DELETED, recent)).isEmpty();

        // And a second run finds nothing more of these
        janitor.abortStale();
        assertThat(events(Topics.UPLOAD_DELETED, staleMultipart)).hasSize(1);
    }

    @Test
    void shouldFinishAnAbortWhoseClaimantDiedAndLeaveAFreshClaimToItsClaimant() throws Exception {
        // Given two uploads whose abort was claimed (ABORTING) and never settled: one an hour ago, one just now
        String token = token(newTrainer());
        byte[] video = randomBytes(5 * MIB + 1);
        JsonNode crashed = data(post("/api/v1/uploads/initiate", token, initiateBody("crashed.mp4", video.length)));
        put(crashed.path("multipart").path("parts").get(0).path("url").asString(), slice(video, 1), Map.of());
        UUID crashedId = UUID.fromString(crashed.path("fileId").asString());
        UUID claimedId = UUID.fromString(data(post("/api/v1/uploads/initiate", token, initiateBody("busy.mp4", 10)))
                .path("fileId").asString());
        jdbc.update("UPDATE upload_session SET status = 'ABORTING', abort_started_at = now() - interval '1 hour' "
                + "WHERE file_id = ?", crashedId);
        jdbc.update("UPDATE upload_session SET status = 'ABORTING', abort_started_at = now() WHERE file_id = ?",
                claimedId);
        String crashedKey = events(Topics.UPLOAD_INITIATED, crashedId).get(0).getObjectKey();
        assertThat(multipartUploadKeys()).contains(crashedKey);

        // When housekeeping runs
        janitor.abortStale();

        // Then the abort left behind is carried out, recorded and announced
        assertThat(status(crashedId)).isEqualTo("ABORTED");
        assertThat(multipartUploadKeys()).doesNotContain(crashedKey);
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> events(Topics.UPLOAD_DELETED, crashedId),
                l -> !l.isEmpty())).extracting(UploadDeleted::getReason).containsOnly(DeletionReason.ABORTED);

        // And the fresh claim stays with its claimant, while the trainer already sees an aborted upload
        assertThat(status(claimedId)).isEqualTo("ABORTING");
        assertThat(events(Topics.UPLOAD_DELETED, claimedId)).isEmpty();
        assertThat(data(get("/api/v1/uploads/" + claimedId + "/parts", token)).path("status").asString())
                .isEqualTo("ABORTED");
        assertThat(error(post("/api/v1/uploads/" + claimedId + "/complete", token, null)).path("code").asString())
                .isEqualTo("UPLOAD_ABORTED");

        // And the trainer's abort carries the claimed one out at once
        assertThat(post("/api/v1/uploads/" + claimedId + "/abort", token, null).statusCode()).isEqualTo(200);
        assertThat(status(claimedId)).isEqualTo("ABORTED");
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> events(Topics.UPLOAD_DELETED, claimedId),
                l -> !l.isEmpty())).hasSize(1);
    }

    private String status(UUID fileId) {
        return jdbc.queryForObject("SELECT status FROM upload_session WHERE file_id = ?", String.class, fileId);
    }
}
