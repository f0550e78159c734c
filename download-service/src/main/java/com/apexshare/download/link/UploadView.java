package com.apexshare.download.link;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.events.storage.ObjectLocations;

/**
 * Builds the service's view of uploads from the events, believing only what fits what it knows: objects in the served
 * bucket under the upload's own key, an initiation's facts fixed by the first one, a location never moved, and links
 * only for uploads known as complete (see {@link #linkSent}). Each fact is applied to its upload under the row's lock, so
 * events of one upload consumed from several topics at the same time never overwrite each other; the upload itself
 * makes every fact idempotent and order-tolerant ({@link Upload}), so any event may arrive twice, late, or before the
 * others.
 */
public class UploadView {

    private static final Logger LOG = LoggerFactory.getLogger(UploadView.class);

    private final Uploads uploads;
    private final SentLinks links;
    private final LinkActivations activations;
    private final ObjectLocations locations;
    private final DownloadMetrics metrics;
    private final Clock clock;

    public UploadView(Uploads uploads, SentLinks links, LinkActivations activations, ObjectLocations locations,
            DownloadMetrics metrics, Clock clock) {
        this.uploads = uploads;
        this.links = links;
        this.activations = activations;
        this.locations = locations;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws ForeignObjectLocation  another bucket or a key that is not the upload's own
     * @throws ConflictingUploadFacts other facts than the upload's first initiation, or another object than its
     *                                completion
     */
    @Transactional
    public void initiated(InitiatedUpload facts) {
        requireOwnLocation(facts.fileId(), "UploadInitiated", facts.bucket(), facts.objectKey());
        apply(facts.fileId(), "UploadInitiated", (upload, now) -> upload.recordInitiated(facts, now));
    }

    /**
     * @throws ForeignObjectLocation  another bucket or a key that is not the upload's own
     * @throws ConflictingUploadFacts another object than the one the upload already names (no re-aiming)
     */
    @Transactional
    public void completed(CompletedUpload facts) {
        requireOwnLocation(facts.fileId(), "UploadCompleted", facts.bucket(), facts.objectKey());
        apply(facts.fileId(), "UploadCompleted", (upload, now) -> upload.recordCompleted(facts, now));
    }

    @Transactional
    public void deleted(DeletedUpload facts) {
        apply(facts.fileId(), "UploadDeleted", (upload, now) -> upload.recordDeleted(facts, now));
    }

    /** {@code UploadExpiryChanged}: every link of the upload ends at the new time. */
    @Transactional
    public void expiryChanged(ExpiryChange change) {
        apply(change.fileId(), "UploadExpiryChanged", (upload, now) -> upload.recordExpiryChanged(change, now));
    }

    /** {@code LinkRevoked}: every link of the upload answers 410 from now on. */
    @Transactional
    public void linksRevoked(Revocation revocation) {
        apply(revocation.fileId(), "LinkRevoked", (upload, now) -> upload.recordLinksRevoked(revocation, now));
    }

    /** {@code StudentAddressChanged}: the links of the old address answer 410. */
    @Transactional
    public void addressChanged(AddressChange change) {
        apply(change.fileId(), "StudentAddressChanged", (upload, now) -> upload.recordAddressChanged(change, now));
    }

    /**
     * A link claimed by {@code LinkIssued} or {@code EmailSent}. It works only for an upload this view knows as
     * initiated and completed; otherwise it is parked until the upload's facts arrive (they travel on other topics and
     * may come later), and dropped if they never do. A link is immutable: the first claim of a token is kept,
     * repetitions change nothing. A link that waits for confirmation is confirmed ({@code LinkActivated}) once it
     * works, again on every repetition, so that the email leaves however often the claim was delivered.
     */
    @Transactional
    public void linkSent(SentLink link) {
        // The upload's row lock orders this against its completion: one of the two sees the other's commit.
        Upload upload = uploads.lockOrCreate(link.fileId());
        if (upload.isReady()) {
            links.recordIfNew(link);
            confirmIfServed(upload, link, clock.instant());
            return;
        }
        links.park(link, clock.instant());
        metrics.parked();
        LOG.info("A link of upload {} is held until the upload is known and complete", link.fileId());
    }

    /**
     * Forgets uploads (and their links) that were deleted or whose retention ended before the cutoff; until then their
     * links answer 410, afterwards 404. Links whose upload never appeared (its events lost or dead-lettered) end with
     * the link itself.
     *
     * @return how many uploads were forgotten
     */
    @Transactional
    public int forgetEndedBefore(Instant cutoff) {
        int forgotten = uploads.forgetEndedBefore(cutoff);
        links.forgetUnmatchedExpiredBefore(cutoff);
        return forgotten;
    }

    /**
     * Drops links parked before the cutoff: their upload never became known and complete here. Each is counted as a
     * rejected claim ({@code reason=unknown_upload}).
     *
     * @return how many links were dropped
     */
    @Transactional
    public int dropParkedBefore(Instant cutoff) {
        List<SentLink> dropped = links.dropParkedBefore(cutoff);
        for (SentLink link : dropped) {
            String event = link.awaitsConfirmation() ? "LinkIssued" : "EmailSent";
            metrics.rejected(event, "unknown_upload");
            LOG.warn("Rejected {} of upload {} (unknown_upload): its upload never became known and complete; the "
                    + "link was dropped", event, link.fileId());
        }
        return dropped.size();
    }

    private void requireOwnLocation(UUID fileId, String event, String bucket, String key) {
        Optional<ObjectLocations.Violation> violation = locations.check(fileId, bucket, key);
        if (violation.isPresent()) {
            String reason = violation.get().name().toLowerCase(Locale.ROOT);
            metrics.rejected(event, reason);
            LOG.warn("Rejected {} of upload {} ({}); it goes to the dead-letter topic", event, fileId, reason);
            throw new ForeignObjectLocation(fileId, event, violation.get());
        }
    }

    private void apply(UUID fileId, String event, BiConsumer<Upload, Instant> fact) {
        Upload upload = uploads.lockOrCreate(fileId);
        Instant now = clock.instant();
        try {
            fact.accept(upload, now);
        } catch (ConflictingUploadFacts e) {
            metrics.rejected(event, "conflicting_facts");
            LOG.warn("Rejected {} of upload {} (conflicting_facts); it goes to the dead-letter topic", event, fileId);
            throw e;
        }
        uploads.save(upload);
        if (upload.isReady()) {
            for (SentLink promoted : links.promoteParked(fileId)) {
                confirmIfServed(upload, promoted, now);
            }
        }
    }

    /**
     * Confirms an issued link ({@code LinkActivated}) only if it opens the video now: a link of a revoked upload or of
     * an address the trainer has corrected since would answer 410, and its email must not leave (notification-service
     * cancels it when it learns of the change).
     */
    private void confirmIfServed(Upload upload, SentLink link, Instant now) {
        if (!link.awaitsConfirmation()) {
            return;
        }
        if (upload.serves(link.linkGeneration())) {
            activations.activated(link.fileId(), link.tokenSha256(), now);
        } else {
            LOG.info("A link of upload {} is not confirmed: the links are revoked or of an older generation",
                    link.fileId());
        }
    }

    /** Facts of {@code UploadInitiated} this service needs (no student data). */
    public record InitiatedUpload(UUID fileId, Instant initiatedAt, String trainerName, LocalDate sessionDate,
            String notes, String fileName, String contentType, long declaredSize, String bucket, String objectKey,
            Instant retentionUntil) {
    }

    /** Facts of {@code UploadCompleted}: where the bytes are. */
    public record CompletedUpload(UUID fileId, Instant completedAt, String bucket, String objectKey, long size,
            String eTag) {
    }

    /** Facts of {@code UploadDeleted}. */
    public record DeletedUpload(UUID fileId, Instant deletedAt, String reason) {
    }

    /**
     * Facts of {@code LinkIssued} or {@code EmailSent}: the hash of a valid link token, until when it works and its link
     * generation.
     *
     * @param sentAt             when the link was issued or its email accepted
     * @param awaitsConfirmation whether notification-service waits for {@code LinkActivated} before it sends the
     *                           email ({@code LinkIssued}); an {@code EmailSent} link is out already
     * @param linkGeneration     the link's generation: it answers 410 once the upload's generation is higher
     */
    public record SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt,
            boolean awaitsConfirmation, int linkGeneration) {

        /** A link of the first generation. */
        public SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt,
                boolean awaitsConfirmation) {
            this(fileId, tokenSha256, sentAt, expiresAt, awaitsConfirmation, 1);
        }

        /** An e-mailed link ({@code EmailSent}) of this generation. */
        public SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt, int linkGeneration) {
            this(fileId, tokenSha256, sentAt, expiresAt, false, linkGeneration);
        }

        /** An e-mailed link ({@code EmailSent}) of the first generation. */
        public SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt) {
            this(fileId, tokenSha256, sentAt, expiresAt, false, 1);
        }
    }

    /** Facts of {@code UploadExpiryChanged}. */
    public record ExpiryChange(UUID fileId, Instant expiresAt, long revision) {
    }

    /** Facts of {@code LinkRevoked}. */
    public record Revocation(UUID fileId, Instant revokedAt) {
    }

    /** Facts of {@code StudentAddressChanged} this service needs: only the new generation, never the address. */
    public record AddressChange(UUID fileId, int linkGeneration) {
    }
}
