package com.apexshare.catalog.upload.web;

import static com.apexshare.catalog.TestEvents.deleted;
import static com.apexshare.catalog.TestEvents.downloaded;
import static com.apexshare.catalog.TestEvents.emailFailed;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;

import tools.jackson.databind.JsonNode;

/**
 * An upload's timeline: its downloads newest first with device family and channel, keyset pages, counted once per
 * download id; only the caller's uploads; the email's failure time; device details erased at the end of retention.
 */
class UploadTimelineIntegrationTest extends CatalogIntegrationTest {

    @Test
    void shouldListTheDownloadsNewestFirstPageByPageEachOnce() {
        // Given an upload downloaded three times, one of the events delivered twice
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        Downloaded bySafari = download(fileId, t0.plusSeconds(10), "Safari", DownloadChannel.API);
        Downloaded byCurl = download(fileId, t0.plusSeconds(20), "curl", DownloadChannel.REDIRECT);
        Downloaded byChrome = download(fileId, t0.plusSeconds(30), "Chrome", DownloadChannel.API);
        Downloaded copy = Downloaded.newBuilder(byCurl).setEventId(UUID.randomUUID().toString()).build();
        awaitApplied(publish(initiated(fileId, trainer, t0).build(), bySafari, byCurl, byChrome, copy));

        // When the trainer reads it two at a time
        JsonNode first = getJson("/api/v1/uploads/" + fileId + "/downloads?limit=2", token(trainer));
        String cursor = first.path("data").path("page").path("nextCursor").asString();
        JsonNode second = getJson("/api/v1/uploads/" + fileId + "/downloads?limit=2&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8), token(trainer));
        JsonNode all = getJson("/api/v1/uploads/" + fileId + "/downloads", token(trainer));
        JsonNode detail = getJson("/api/v1/uploads/" + fileId, token(trainer));

        // Then
        assertThat(first.path("success").asBoolean()).isTrue();
        assertThat(ids(first)).containsExactly(byChrome.getDownloadId(), byCurl.getDownloadId());
        JsonNode newest = first.path("data").path("downloads").get(0);
        assertThat(newest.path("downloadedAt").asString()).isEqualTo(t0.plusSeconds(30).toString());
        assertThat(newest.path("userAgentFamily").asString()).isEqualTo("Chrome");
        assertThat(newest.path("channel").asString()).isEqualTo("API");
        assertThat(first.path("data").path("page").path("limit").asInt()).isEqualTo(2);
        assertThat(first.path("data").path("page").path("hasMore").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactly(bySafari.getDownloadId());
        assertThat(second.path("data").path("page").path("hasMore").asBoolean()).isFalse();
        assertThat(second.path("data").path("page").path("nextCursor").isNull()).isTrue();
        assertThat(ids(all)).hasSize(3);
        assertThat(all.path("data").path("page").path("limit").asInt()).isEqualTo(100);
        assertThat(all.path("data").path("downloads").get(1).path("userAgentFamily").asString()).isEqualTo("curl");
        assertThat(all.path("data").path("downloads").get(1).path("channel").asString()).isEqualTo("REDIRECT");
        assertThat(detail.path("data").path("downloadCount").asLong()).isEqualTo(3);
    }

    @Test
    void shouldBreakTiesOfTheSameMillisecondOnTheDownloadId() {
        // Given three downloads at the very same time
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        List<Downloaded> sameTime = List.of(download(fileId, t0, "Chrome", DownloadChannel.API),
                download(fileId, t0, "Firefox", DownloadChannel.API),
                download(fileId, t0, "Edge", DownloadChannel.API));
        awaitApplied(publish(initiated(fileId, trainer, t0).build(), sameTime.get(0), sameTime.get(1),
                sameTime.get(2)));

        // When read one at a time
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson("/api/v1/uploads/" + fileId + "/downloads?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), token(trainer));
            seen.addAll(ids(page));
            JsonNode next = page.path("data").path("page").path("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);

        // Then every download once, in descending download id order (PostgreSQL's uuid order, which is that of the
        // lower-case text, not that of java.util.UUID.compareTo with its signed halves)
        assertThat(seen).containsExactlyElementsOf(sameTime.stream().map(Downloaded::getDownloadId)
                .sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void shouldAnswerNotFoundForAnotherTrainersOrAnUnknownUploadAndRefuseBadPaging() {
        // Given an upload of trainer A with a download
        String trainerA = "trainer-a-" + UUID.randomUUID();
        String trainerB = "trainer-b-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        awaitApplied(publish(initiated(fileId, trainerA, t0).build(),
                download(fileId, t0.plusSeconds(1), "Chrome", DownloadChannel.API)));

        // When / Then another trainer, an unknown id and a malformed id: 404 UPLOAD_NOT_FOUND
        for (String path : List.of("/api/v1/uploads/" + fileId + "/downloads",
                "/api/v1/uploads/" + UUID.randomUUID() + "/downloads", "/api/v1/uploads/not-a-uuid/downloads")) {
            HttpResponse<String> response = get(path, token(trainerB));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).as(path)
                    .isEqualTo("UPLOAD_NOT_FOUND");
            assertThat(response.body()).as(path).doesNotContain("Chrome");
        }
        // no token: 401
        assertThat(get("/api/v1/uploads/" + fileId + "/downloads", null).statusCode()).isEqualTo(401);
        // bad paging: 400 VALIDATION_FAILED naming the parameter
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "cursor=not-a-cursor")) {
            HttpResponse<String> response = get("/api/v1/uploads/" + fileId + "/downloads?" + query, token(trainerA));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("code").asString()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("fields").get(0).path("field").asString()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void shouldTellWhenTheEmailFailed() {
        // Given an upload whose email failed
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        awaitApplied(publish(initiated(fileId, trainer, t0).build(), emailFailed(fileId, t0.plusSeconds(5))));

        // When
        JsonNode detail = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");

        // Then
        assertThat(detail.path("emailStatus").asString()).isEqualTo("FAILED");
        assertThat(detail.path("emailFailedAt").asString()).isEqualTo(t0.plusSeconds(5).toString());
        assertThat(detail.path("emailFailureReason").asString()).isEqualTo("RECIPIENT_REJECTED");
    }

    @Test
    void shouldKeepTheDownloadsButNotTheirDevicesOnceTheUploadExpiredInWhateverOrder() {
        // Given an upload downloaded once, then expired, then a late download event
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        Downloaded early = download(fileId, t0.plusSeconds(10), "Chrome", DownloadChannel.API);
        Downloaded late = download(fileId, t0.plusSeconds(20), "Safari", DownloadChannel.API);
        awaitApplied(publish(initiated(fileId, trainer, t0).build(), early));
        awaitApplied(publish(deleted(fileId, t0.plusSeconds(15), DeletionReason.RETENTION_EXPIRED)));
        awaitApplied(publish(late, Downloaded.newBuilder(early).setEventId(UUID.randomUUID().toString()).build()));

        // When
        JsonNode downloads = getJson("/api/v1/uploads/" + fileId + "/downloads", token(trainer));
        JsonNode detail = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");

        // Then both downloads are counted once and kept with their times, without devices
        assertThat(detail.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(detail.path("downloadCount").asLong()).isEqualTo(2);
        assertThat(ids(downloads)).containsExactly(late.getDownloadId(), early.getDownloadId());
        downloads.path("data").path("downloads").forEach(d -> {
            assertThat(d.path("downloadedAt").isString()).isTrue();
            assertThat(d.path("userAgentFamily").isNull()).isTrue();
            assertThat(d.path("channel").isNull()).isTrue();
        });
    }

    private static Downloaded download(String fileId, Instant at, String family, DownloadChannel channel) {
        return Downloaded.newBuilder(downloaded(fileId, UUID.randomUUID().toString(), at)).setUserAgentFamily(family)
                .setChannel(channel).build();
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("data").path("downloads").forEach(d -> ids.add(d.path("downloadId").asString()));
        return ids;
    }
}
