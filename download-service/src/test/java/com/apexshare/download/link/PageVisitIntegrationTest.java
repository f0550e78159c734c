package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.devstack.TopicContents;
import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The student page's honest counts: {@code info} never counts and hands out no URL, {@code start} counts once per
 * (link, visit id), with the links' errors, validation, rate limit and headers; visits go with their link.
 */
class PageVisitIntegrationTest extends DownloadServiceTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ViewRetention retention;

    @Test
    void shouldDescribeTheLinkWithoutAUrlAndWithoutCounting() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("info.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();

        // When the page opens (and again, and a scanner sends HEAD)
        HttpResponse<String> info = awaitStatus("/api/v1/downloads/" + upload.token() + "/info", client, 200);
        assertThat(get("/api/v1/downloads/" + upload.token() + "/info", client).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(request("/api/v1/downloads/" + upload.token() + "/info", client)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        // Then it gets the video's details, no URL, nothing cached, and nothing is recorded
        JsonNode data = JSON.readTree(info.body()).path("data");
        assertThat(data.propertyNames()).containsExactly("videoInfo");
        assertThat(data.path("videoInfo").path("fileName").asString()).isEqualTo("info.mp4");
        assertThat(data.path("videoInfo").path("fileSize").asLong()).isEqualTo(1024);
        assertThat(data.path("videoInfo").path("contentType").asString()).isEqualTo("video/mp4");
        assertThat(data.path("videoInfo").path("trainerName").asString()).isEqualTo("Tom Trainer");
        assertThat(data.path("videoInfo").path("sessionDate").asString()).isEqualTo("2025-06-14");
        assertThat(data.path("videoInfo").path("expiresAt").isString()).isTrue();
        assertThat(info.body()).doesNotContain("X-Amz-").doesNotContain("downloadUrl");
        assertThat(info.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(info.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(outboxRows(upload)).isZero();
        assertThat(visits(upload)).isZero();
    }

    @Test
    void shouldCountOneDownloadPerVisitHoweverOftenItStarts() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("visit.mp4", LinkFixture.randomBytes(2048));
        String client = freshClientAddress();
        awaitStatus("/api/v1/downloads/" + upload.token() + "/info", client, 200);
        UUID visit = UUID.randomUUID();
        UUID secondVisit = UUID.randomUUID();

        // When one visit plays, downloads and asks for a fresh URL, and another visit plays
        JsonNode play = start(upload, client, "{\"visitId\":\"" + visit + "\",\"purpose\":\"PLAY\"}");
        JsonNode download = start(upload, client, "{\"visitId\":\"" + visit + "\",\"purpose\":\"DOWNLOAD\"}");
        JsonNode refresh = start(upload, client, "{\"visitId\":\"" + visit.toString().toUpperCase() + "\"}");
        JsonNode other = start(upload, client, "{\"visitId\":\"" + secondVisit + "\",\"purpose\":\"PLAY\"}");

        // Then only each visit's first start counts; every start hands out a working URL
        assertThat(play.path("counted").asBoolean()).isTrue();
        assertThat(download.path("counted").asBoolean()).isFalse();
        assertThat(refresh.path("counted").asBoolean()).isFalse();
        assertThat(other.path("counted").asBoolean()).isTrue();
        assertThat(play.path("videoInfo").path("fileName").asString()).isEqualTo("visit.mp4");
        assertThat(play.path("downloadUrlExpiresAt").isString()).isTrue();
        HttpResponse<byte[]> bytes = HTTP.send(HttpRequest.newBuilder(URI.create(download.path("downloadUrl")
                .asString())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(upload.content());
        assertThat(bytes.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment"));

        // And the topic holds exactly two Downloaded, under the visits' name-based download ids, channel API
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(outboxRows(upload)).isZero();
            assertThat(raw().withKey(upload.fileId().toString())).hasSize(2);
        });
        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<Downloaded> downloads = raw().withKey(upload.fileId().toString()).stream()
                .map(r -> (Downloaded) avro.deserialize(r.topic(), r.value())).toList();
        String hash = LinkFixture.sha256(upload.token());
        assertThat(downloads.stream().map(Downloaded::getDownloadId).collect(Collectors.toSet())).isEqualTo(Set.of(
                PageVisits.downloadId(hash, visit).toString(), PageVisits.downloadId(hash, secondVisit).toString()));
        assertThat(downloads).allSatisfy(d -> {
            assertThat(d.getChannel()).isEqualTo(DownloadChannel.API);
            assertThat(d.getUserAgentFamily()).isEqualTo("Firefox");
        });
        assertThat(visits(upload)).isEqualTo(2);
    }

    @Test
    void shouldCountAVisitOnceWhenItsStartsRace() throws Exception {
        // Given a working link and one visit
        LinkFixture.Upload upload = fixture.ready("race.mp4", LinkFixture.randomBytes(512));
        String client = freshClientAddress();
        awaitStatus("/api/v1/downloads/" + upload.token() + "/info", client, 200);
        String body = "{\"visitId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"PLAY\"}";

        // When the visit starts eight times at once
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(HTTP.sendAsync(startRequest(upload, client, body), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = starts.stream().map(java.util.concurrent.CompletableFuture::join)
                .toList();

        // Then all get a URL and exactly one counted
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> JSON.readTree(r.body()).path("data").path("counted").asBoolean())
                .count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(outboxRows(upload)).isZero();
            assertThat(raw().withKey(upload.fileId().toString())).hasSize(1);
        });
    }

    @Test
    void shouldRefuseAMissingOrMalformedVisitIdWithAClearMessage() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("bad-visit.mp4", LinkFixture.randomBytes(64));
        String client = freshClientAddress();
        awaitStatus("/api/v1/downloads/" + upload.token() + "/info", client, 200);
        record Case(String body, String field) {
        }

        // When / Then each bad body answers 400 VALIDATION_FAILED naming the field, and nothing counts
        for (Case c : List.of(new Case("", "visitId"), new Case("{}", "visitId"),
                new Case("{\"visitId\":\"\"}", "visitId"), new Case("{\"visitId\":\"not-a-uuid\"}", "visitId"),
                new Case("{\"visitId\":\"1-2-3-4-5\"}", "visitId"),
                new Case("{\"visitId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"WATCH\"}", "purpose"))) {
            HttpResponse<String> response = HTTP.send(startRequest(upload, client, c.body()),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(c.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("code").asString()).as(c.body()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("fields").get(0).path("field").asString()).as(c.body()).isEqualTo(c.field());
            assertThat(response.body()).as(c.body()).doesNotContain(upload.token()).doesNotContain("Exception");
        }
        // And a body a cross-site form could send (text/plain, not preflighted by browsers) is not taken as JSON
        HttpResponse<String> form = HTTP.send(request("/api/v1/downloads/" + upload.token() + "/start", client)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitId\":\"" + UUID.randomUUID() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(outboxRows(upload)).isZero();
        assertThat(visits(upload)).isZero();
    }

    @Test
    void shouldAnswerTheLinksErrorsOnBothEndpoints() throws Exception {
        // Given an unknown token, a malformed one, a removed upload and an expired one
        String client = freshClientAddress();
        LinkFixture.Upload removed = fixture.ready("gone.mp4", LinkFixture.randomBytes(64));
        awaitStatus("/api/v1/downloads/" + removed.token() + "/info", client, 200);
        fixture.deleted(removed, DeletionReason.ABORTED);
        LinkFixture.Upload expired = fixture.upload("old.mp4", LinkFixture.randomBytes(64),
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS));
        fixture.store(expired);
        fixture.initiated(expired);
        fixture.completed(expired);
        fixture.emailSent(expired);
        awaitStatus("/api/v1/downloads/" + removed.token() + "/info", client, 410);
        awaitStatus("/api/v1/downloads/" + expired.token() + "/info", client, 410);
        String body = "{\"visitId\":\"" + UUID.randomUUID() + "\"}";

        // When / Then
        record Case(String token, int status, String code) {
        }
        for (Case c : List.of(new Case(LinkFixture.newToken(), 404, "LINK_NOT_FOUND"),
                new Case("short", 404, "LINK_NOT_FOUND"), new Case(removed.token(), 410, "VIDEO_REMOVED"),
                new Case(expired.token(), 410, "LINK_EXPIRED"))) {
            HttpResponse<String> info = get("/api/v1/downloads/" + c.token() + "/info", client);
            HttpResponse<String> start = HTTP.send(startRequest(c.token(), client, body),
                    HttpResponse.BodyHandlers.ofString());
            for (HttpResponse<String> r : List.of(info, start)) {
                assertThat(r.statusCode()).as(c.code()).isEqualTo(c.status());
                assertThat(JSON.readTree(r.body()).path("error").path("code").asString()).isEqualTo(c.code());
                assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }
        assertThat(outboxRows(removed) + outboxRows(expired)).isZero();
    }

    @Test
    void shouldRateLimitBothEndpoints() throws Exception {
        // Given a client address that has made no look-ups yet
        String client = freshClientAddress();
        String body = "{\"visitId\":\"" + UUID.randomUUID() + "\"}";

        // When it asks far more than its burst (20) allows, on both endpoints
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(get("/api/v1/downloads/" + LinkFixture.newToken() + "/info", client));
            responses.add(HTTP.send(startRequest(LinkFixture.newToken(), client, body),
                    HttpResponse.BodyHandlers.ofString()));
        }

        // Then both endpoints answer 429 with Retry-After once the burst is spent
        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited.stream().map(r -> r.uri().getPath().endsWith("/info")).distinct()).hasSize(2);
        assertThat(limited).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("\"code\":\"RATE_LIMITED\"");
        });
    }

    @Test
    void shouldForgetTheVisitsWithTheirLink() throws Exception {
        // Given an upload that ended 40 days ago (grace period: 30 days), with a counted visit
        LinkFixture.Upload longGone = fixture.upload("visited-long-ago.mp4", LinkFixture.randomBytes(64),
                Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        fixture.initiated(longGone);
        fixture.completed(longGone);
        fixture.emailSent(longGone);
        String client = freshClientAddress();
        awaitStatus("/api/v1/downloads/" + longGone.token() + "/info", client, 410);
        jdbc.sql("INSERT INTO link_visit (token_sha256, visit_id, created_at) VALUES (:hash, :visit, now())")
                .param("hash", LinkFixture.sha256(longGone.token())).param("visit", UUID.randomUUID()).update();
        assertThat(visits(longGone)).isEqualTo(1);

        // When the view's retention runs
        retention.purge();

        // Then the link and its visits are gone
        assertThat(get("/api/v1/downloads/" + longGone.token() + "/info", client).statusCode()).isEqualTo(404);
        assertThat(visits(longGone)).isZero();
    }

    private JsonNode start(LinkFixture.Upload upload, String client, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(startRequest(upload, client, body),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return JSON.readTree(response.body()).path("data");
    }

    private HttpRequest startRequest(LinkFixture.Upload upload, String client, String body) {
        return startRequest(upload.token(), client, body);
    }

    private HttpRequest startRequest(String token, String client, String body) {
        return request("/api/v1/downloads/" + token + "/start", client).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static TopicContents<byte[]> raw() {
        return TopicContents.read(Topics.DOWNLOADED.name(), new ByteArrayDeserializer());
    }

    private long outboxRows(LinkFixture.Upload upload) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE topic = :topic AND event_key = :fileId")
                .param("topic", Topics.DOWNLOADED.name()).param("fileId", upload.fileId().toString())
                .query(Long.class).single();
    }

    private long visits(LinkFixture.Upload upload) {
        return jdbc.sql("SELECT count(*) FROM link_visit WHERE token_sha256 = :hash")
                .param("hash", LinkFixture.sha256(upload.token())).query(Long.class).single();
    }
}
