package com.apexshare.download.link;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.download.link.DownloadMetrics.Refusal;
import com.apexshare.events.link.LinkToken;

/**
 * Opens student links. The token's format is checked before anything else, then the link is found by the SHA-256 of
 * the token. Looking up by hash needs no constant-time comparison: the database compares hashes, and learning how much
 * of a stored hash matches a guess tells an attacker nothing about a token that produces it. An opening that counts is
 * recorded in the same transaction as the look-up, so it is durable once the student has the URL.
 */
public class DownloadLinks {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadLinks.class);

    private final LinkStore links;
    private final DownloadUrlSigner signer;
    private final DownloadLog downloads;
    private final DownloadMetrics metrics;
    private final Clock clock;
    private final Serving serving;

    public DownloadLinks(LinkStore links, DownloadUrlSigner signer, DownloadLog downloads, DownloadMetrics metrics,
            Clock clock, Serving serving) {
        this.links = links;
        this.signer = signer;
        this.downloads = downloads;
        this.metrics = metrics;
        this.clock = clock;
        this.serving = serving;
    }

    /**
     * What this replica hands out.
     *
     * @param bucket    the only bucket the service signs for (its credentials cannot read any other)
     * @param urlExpiry lifetime of each presigned URL
     */
    public record Serving(String bucket, Duration urlExpiry) {
    }

    /**
     * Decides, inside the opening's transaction and after every check passed, whether the opening counts as a
     * download and under which download id.
     */
    @FunctionalInterface
    public interface Counting {

        /** Every opening counts, each under a fresh download id. */
        Counting EVERY = (tokenSha256, now) -> Optional.of(UUID.randomUUID());
        /** Nothing counts (HEAD requests). */
        Counting NEVER = (tokenSha256, now) -> Optional.empty();

        /**
         * @param tokenSha256 lower-case hex SHA-256 of the link's token
         * @return the download id to record, or empty when this opening does not count
         */
        Optional<UUID> downloadId(String tokenSha256, Instant now);
    }

    /**
     * Hands out a fresh presigned download URL for a link.
     *
     * @param token     the token as presented (untrusted)
     * @param channel   how the link was opened
     * @param userAgent the client's User-Agent header, reduced to its family before it is recorded
     * @param record    whether this opening counts as a download ({@code Downloaded}); false for HEAD requests
     * @throws LinkNotFound  malformed, unknown or not yet downloadable
     * @throws LinkExpired   past the link's or the upload's end
     * @throws VideoRemoved  the upload was aborted or removed
     * @throws LinkRevoked   the trainer revoked the link
     */
    @Transactional
    public OpenedLink open(String token, DownloadChannel channel, String userAgent, boolean record) {
        return open(token, channel, userAgent, record ? Counting.EVERY : Counting.NEVER);
    }

    /**
     * Hands out a fresh presigned download URL for a link, recording a {@code Downloaded} when {@code counting} says
     * this opening counts.
     *
     * @throws LinkNotFound  malformed, unknown or not yet downloadable
     * @throws LinkExpired   past the link's or the upload's end
     * @throws VideoRemoved  the upload was aborted or removed
     */
    @Transactional
    public OpenedLink open(String token, DownloadChannel channel, String userAgent, Counting counting) {
        Checked checked = check(token);
        LinkRecord link = checked.link();
        DownloadUrlSigner.SignedUrl url = signer.sign(link.bucket(), link.objectKey(), link.fileName(),
                link.contentType(), serving.urlExpiry());
        Optional<UUID> downloadId = counting.downloadId(checked.tokenSha256(), checked.at());
        downloadId.ifPresent(id -> {
            downloads.record(new DownloadLog.Opening(id, link.fileId(), checked.at(), UserAgentFamily.of(userAgent),
                    channel));
            metrics.opened(channel);
        });
        return new OpenedLink(url.url(), url.expiresAt(), videoInfo(link), downloadId.isPresent());
    }

    /**
     * What a link offers, after the same checks as an opening; hands out no URL and records nothing.
     *
     * @throws LinkNotFound  malformed, unknown or not yet downloadable
     * @throws LinkExpired   past the link's or the upload's end
     * @throws VideoRemoved  the upload was aborted or removed
     */
    @Transactional(readOnly = true)
    public VideoInfo describe(String token) {
        return videoInfo(check(token).link());
    }

    private record Checked(LinkRecord link, String tokenSha256, Instant at) {
    }

    private Checked check(String token) {
        if (!LinkToken.isWellFormed(token)) {
            throw refused(Refusal.MALFORMED);
        }
        String tokenSha256 = LinkToken.parse(token).sha256Hex();
        LinkRecord link = links.findByTokenSha256(tokenSha256).orElseThrow(() -> refused(Refusal.UNKNOWN));
        Instant now = clock.instant();
        if (link.deletedAt() != null) {
            metrics.refused(Refusal.DELETED);
            throw new VideoRemoved();
        }
        if (link.isRevoked()) {
            metrics.refused(Refusal.REVOKED);
            throw new LinkRevoked();
        }
        if (!now.isBefore(link.expiresAt())) {
            metrics.refused(Refusal.EXPIRED);
            throw new LinkExpired(link.expiresAt());
        }
        if (!link.isReady()) {
            throw refused(Refusal.NOT_READY);
        }
        if (!serving.bucket().equals(link.bucket())) {
            // A URL for a bucket this service's credentials cannot read would only give the student AccessDenied.
            LOG.warn("Upload {} is in bucket {}, not in the served bucket {}: link refused", link.fileId(),
                    link.bucket(), serving.bucket());
            throw refused(Refusal.FOREIGN_BUCKET);
        }
        return new Checked(link, tokenSha256, now);
    }

    private static VideoInfo videoInfo(LinkRecord link) {
        return new VideoInfo(link.fileName(), link.fileSize(), link.contentType(), link.sessionDate(),
                link.trainerName(), link.notes(), link.expiresAt());
    }

    private LinkNotFound refused(Refusal reason) {
        metrics.refused(reason);
        return new LinkNotFound();
    }

    /**
     * @param downloadUrl          presigned GET URL (a secret until it expires)
     * @param downloadUrlExpiresAt when the URL stops working
     * @param video                what the student is downloading
     * @param counted              whether this opening was recorded as a download
     */
    public record OpenedLink(URI downloadUrl, Instant downloadUrlExpiresAt, VideoInfo video, boolean counted) {
    }

    /**
     * @param expiresAt when the link itself stops working (the upload's retention end)
     */
    public record VideoInfo(String fileName, Long fileSize, String contentType, LocalDate sessionDate,
            String trainerName, String notes, Instant expiresAt) {
    }
}
