package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.events.DeletionReason;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DownloadLinkIntegrationTest extends DownloadServiceTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ViewRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRedirectToAPresignedUrlThatDownloadsTheExactBytesAndRanges() throws Exception {
        // Given a stored video whose events arrive in reverse order, the completion twice
        byte[] content = LinkFixture.randomBytes(300_000);
        LinkFixture.Upload upload = fixture.upload("session-42.mp4", content);
        fixture.store(upload);
        fixture.emailSent(upload);
        fixture.completed(upload);
        fixture.completed(upload);
        fixture.initiated(upload);
        String client = freshClientAddress();

        // When the student opens the link
        HttpResponse<String> redirect = awaitStatus("/d/" + upload.token(), client, 302);

        // Then it redirects to a presigned URL that serves exactly the bytes, as an attachment of the original name
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<byte[]> whole = HTTP.send(HttpRequest.newBuilder(location).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"session-42.mp4\"; filename*=UTF-8''session-42.mp4");

        // And a range request (resume, seeking) gets exactly that slice from S3
        HttpResponse<byte[]> range = HTTP.send(HttpRequest.newBuilder(location).header("Range", "bytes=1000-1999")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
    }

    @Test
    void shouldOfferANonAsciiFileNameUnderItsExactName() throws Exception {
        // Given a video whose name is not ASCII
        String name = "Größe – Kurve ë 東京.mp4";
        LinkFixture.Upload upload = fixture.ready(name, LinkFixture.randomBytes(2048));
        String client = freshClientAddress();

        // When the student downloads it through the link
        HttpResponse<String> redirect = awaitStatus("/d/" + upload.token(), client, 302);
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                URI.create(redirect.headers().firstValue("Location").orElseThrow())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        // Then the browser gets an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187)
        assertThat(download.statusCode()).isEqualTo(200);
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"Gro_e _ Kurve e __.mp4\"; filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
        assertThat(java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
    }

    @Test
    void shouldAnswerTheBriefsJsonForTheApi() throws Exception {
        // Given a finished, e-mailed upload
        byte[] content = LinkFixture.randomBytes(4096);
        LinkFixture.Upload upload = fixture.ready("ride.mp4", content);
        String client = freshClientAddress();

        // When the frontend asks the API about the link
        HttpResponse<String> response = awaitStatus("/api/v1/downloads/" + upload.token(), client, 200);

        // Then it answers the download URL and the video's details
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode data = body.get("data");
        JsonNode video = data.get("videoInfo");
        assertThat(video.get("fileName").asString()).isEqualTo("ride.mp4");
        assertThat(video.get("fileSize").asLong()).isEqualTo(4096);
        assertThat(video.get("contentType").asString()).isEqualTo("video/mp4");
        assertThat(video.get("sessionDate").asString()).isEqualTo("2025-06-14");
        assertThat(video.get("trainerName").asString()).isEqualTo("Tom Trainer");
        assertThat(video.get("notes").asString()).isEqualTo("Watch your lines in turn 3");
        assertThat(Instant.parse(video.get("expiresAt").asString())).isEqualTo(upload.retentionUntil());
        assertThat(Instant.parse(data.get("downloadUrlExpiresAt").asString()))
                .isBetween(Instant.now().plus(4, ChronoUnit.MINUTES), Instant.now().plus(6, ChronoUnit.MINUTES));
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(data.get("downloadUrl").asString()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void shouldAnswerTheSameNotFoundForMalformedUnknownAndUnfinishedLinks() throws Exception {
        // Given an upload whose link was e-mailed but whose bytes are not reported complete yet
        LinkFixture.Upload unfinished = fixture.upload("pending.mp4", LinkFixture.randomBytes(1024));
        fixture.store(unfinished);
        fixture.initiated(unfinished);
        fixture.emailSent(unfinished);
        LinkFixture.Upload probe = fixture.ready("probe.mp4", LinkFixture.randomBytes(16));
        String client = freshClientAddress();
        // (the events are applied in order per upload; once a later upload's link works, these were applied too)
        awaitStatus("/d/" + probe.token(), client, 302);

        // When malformed, unknown and unfinished links are opened
        HttpResponse<String> malformed = get("/d/not-a-token", client);
        HttpResponse<String> almost = get("/d/" + unfinished.token().substring(1) + "x", client);
        HttpResponse<String> unknown = get("/d/" + LinkFixture.newToken(), client);
        HttpResponse<String> notReady = get("/d/" + unfinished.token(), client);
        HttpResponse<String> apiNotReady = get("/api/v1/downloads/" + unfinished.token(), client);

        // Then all answer 404 with one and the same body
        for (HttpResponse<String> response : java.util.List.of(malformed, almost, unknown, notReady, apiNotReady)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(unknown.body());
        }
        assertThat(unknown.body()).contains("\"success\":false").contains("\"code\":\"LINK_NOT_FOUND\"")
                .doesNotContain(unfinished.token());

        // And once the upload completes, the same link works
        fixture.completed(unfinished);
        awaitStatus("/d/" + unfinished.token(), client, 302);
    }

    @Test
    void shouldAnswerGoneOnceTheRetentionEnded() throws Exception {
        // Given an upload whose retention period is over
        LinkFixture.Upload expired = fixture.upload("old.mp4", LinkFixture.randomBytes(1024),
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS));
        fixture.store(expired);
        fixture.initiated(expired);
        fixture.completed(expired);
        fixture.emailSent(expired);
        String client = freshClientAddress();

        // When the student opens its link
        HttpResponse<String> response = awaitStatus("/d/" + expired.token(), client, 410);

        // Then the answer is 410 Gone with a clear message, on the API as well
        assertThat(response.body()).contains("\"code\":\"LINK_EXPIRED\"").contains("expired");
        assertThat(get("/api/v1/downloads/" + expired.token(), client).statusCode()).isEqualTo(410);
    }

    @Test
    void shouldAnswerGoneOnceTheUploadWasDeleted() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("removed.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        awaitStatus("/d/" + upload.token(), client, 302);

        // When the upload is removed
        fixture.deleted(upload, DeletionReason.RETENTION_EXPIRED);

        // Then its link answers 410 Gone
        HttpResponse<String> response = awaitStatus("/d/" + upload.token(), client, 410);
        assertThat(response.body()).contains("\"code\":\"VIDEO_REMOVED\"").contains("removed");
    }

    @Test
    void shouldAnswerGoneForAnUploadDeletedBeforeItsOtherEventsArrived() throws Exception {
        // Given an aborted upload whose deletion overtook its other events
        LinkFixture.Upload upload = fixture.upload("aborted.mp4", LinkFixture.randomBytes(1024));
        fixture.store(upload);
        fixture.deleted(upload, DeletionReason.ABORTED);
        fixture.emailSent(upload);
        fixture.completed(upload);
        fixture.initiated(upload);
        String client = freshClientAddress();

        // When its link is opened, Then the deletion still holds
        awaitStatus("/d/" + upload.token(), client, 410);
    }

    @Test
    void shouldForgetUploadsOnceTheGracePeriodAfterTheirEndHasPassed() throws Exception {
        // Given an upload that ended 40 days ago (grace period: 30 days) and one that ended a minute ago
        LinkFixture.Upload longGone = fixture.upload("long-gone.mp4", LinkFixture.randomBytes(64),
                Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        LinkFixture.Upload recent = fixture.upload("recent.mp4", LinkFixture.randomBytes(64),
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS));
        for (LinkFixture.Upload u : java.util.List.of(longGone, recent)) {
            fixture.initiated(u);
            fixture.completed(u);
            fixture.emailSent(u);
        }
        String client = freshClientAddress();
        awaitStatus("/d/" + longGone.token(), client, 410);
        awaitStatus("/d/" + recent.token(), client, 410);

        // When the view's retention runs
        retention.purge();

        // Then the long-gone upload and its link are forgotten (404), the recent one still answers 410
        assertThat(get("/d/" + longGone.token(), client).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM link_token WHERE file_id = :id").param("id", longGone.fileId())
                .query(Long.class).single()).isZero();
        assertThat(get("/d/" + recent.token(), client).statusCode()).isEqualTo(410);
    }
}
