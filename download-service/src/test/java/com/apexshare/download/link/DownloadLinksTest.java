package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The link decisions, with in-memory stand-ins for the service's own ports (no external system involved). */
class DownloadLinksTest {

    private static final Instant NOW = Instant.parse("2025-07-01T12:00:00Z");
    private static final String BUCKET = "videos";

    private final Map<String, LinkRecord> links = new HashMap<>();
    private final List<DownloadLog.Opening> openings = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DownloadLinks service = new DownloadLinks(hash -> Optional.ofNullable(links.get(hash)),
            (bucket, key, name, type, expiry) -> new DownloadUrlSigner.SignedUrl(
                    URI.create("https://s3.example/" + bucket + "/" + key), NOW.plus(expiry)),
            openings::add, new DownloadMetrics(registry), Clock.fixed(NOW, ZoneOffset.UTC),
            new DownloadLinks.Serving(BUCKET, Duration.ofMinutes(5)));

    @Test
    void shouldHandOutAUrlAndRecordTheOpening() {
        // Given a ready link
        String token = LinkFixture.newToken();
        UUID fileId = UUID.randomUUID();
        links.put(LinkFixture.sha256(token), ready(fileId, null, NOW.plusSeconds(60)));

        // When it is opened by a browser
        DownloadLinks.OpenedLink opened = service.open(token, DownloadChannel.REDIRECT,
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", true);

        // Then the URL lives the configured time and the opening is recorded with the family only
        assertThat(opened.downloadUrl()).hasToString("https://s3.example/videos/key");
        assertThat(opened.downloadUrlExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(opened.video().expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(openings).singleElement().satisfies(o -> {
            assertThat(o.fileId()).isEqualTo(fileId);
            assertThat(o.userAgentFamily()).isEqualTo("Firefox");
            assertThat(o.occurredAt()).isEqualTo(NOW);
        });
        assertThat(registry.get(DownloadMetrics.OPENED).tag("channel", "redirect").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldNotRecordAHeadRequest() {
        String token = LinkFixture.newToken();
        links.put(LinkFixture.sha256(token), ready(UUID.randomUUID(), null, NOW.plusSeconds(60)));

        service.open(token, DownloadChannel.REDIRECT, null, false);

        assertThat(openings).isEmpty();
    }

    @Test
    void shouldRefuseByTheRightReason() {
        // Given links in every refusable state
        String deletedAndExpired = put(ready(UUID.randomUUID(), NOW.minusSeconds(5), NOW.minusSeconds(1)));
        String expiredNow = put(ready(UUID.randomUUID(), null, NOW));
        String unfinished = put(new LinkRecord(UUID.randomUUID(), NOW.plusSeconds(60), NOW, null, null,
                NOW.plusSeconds(60), BUCKET, "key", "a.mp4", "video/mp4", 1L, LocalDate.of(2025, 6, 1), "T", null));
        String foreign = put(new LinkRecord(UUID.randomUUID(), NOW.plusSeconds(60), NOW, NOW, null,
                NOW.plusSeconds(60), "other-bucket", "key", "a.mp4", "video/mp4", 1L, LocalDate.of(2025, 6, 1), "T",
                null));

        // Then deletion wins over expiry, the end instant itself is expired, unfinished and foreign are not found
        assertThatThrownBy(() -> open(deletedAndExpired)).isInstanceOf(VideoRemoved.class);
        assertThatThrownBy(() -> open(expiredNow)).isInstanceOf(LinkExpired.class);
        assertThatThrownBy(() -> open(unfinished)).isInstanceOf(LinkNotFound.class);
        assertThatThrownBy(() -> open(foreign)).isInstanceOf(LinkNotFound.class);
        assertThatThrownBy(() -> open(LinkFixture.newToken())).isInstanceOf(LinkNotFound.class);
        assertThatThrownBy(() -> open("short")).isInstanceOf(LinkNotFound.class);
        assertThat(openings).isEmpty();
        for (String reason : List.of("deleted", "expired", "not_ready", "foreign_bucket", "unknown", "malformed")) {
            assertThat(registry.get(DownloadMetrics.REFUSED).tag("reason", reason).counter().count())
                    .as(reason).isEqualTo(1);
        }
    }

    @Test
    void shouldEndAtTheEarlierOfTheLinksAndTheUploadsEnd() {
        // Given a link that ends after its upload's retention
        String token = put(new LinkRecord(UUID.randomUUID(), NOW.plusSeconds(3600), NOW, NOW, null,
                NOW.minusSeconds(1), BUCKET, "key", "a.mp4", "video/mp4", 1L, LocalDate.of(2025, 6, 1), "T", null));

        // Then the retention end counts
        assertThatThrownBy(() -> open(token)).isInstanceOf(LinkExpired.class);
    }

    private DownloadLinks.OpenedLink open(String token) {
        return service.open(token, DownloadChannel.API, "curl/8", true);
    }

    private String put(LinkRecord record) {
        String token = LinkFixture.newToken();
        links.put(LinkFixture.sha256(token), record);
        return token;
    }

    private static LinkRecord ready(UUID fileId, Instant deletedAt, Instant until) {
        return new LinkRecord(fileId, until, NOW.minusSeconds(600), NOW.minusSeconds(500), deletedAt, until, BUCKET,
                "key", "a.mp4", "video/mp4", 1024L, LocalDate.of(2025, 6, 1), "Tom", "notes");
    }
}
