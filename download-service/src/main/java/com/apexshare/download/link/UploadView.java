package com.apexshare.download.link;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the service's view of uploads from the events. Each fact is applied to its upload under the row's lock, so
 * events of one upload consumed from several topics at the same time never overwrite each other; the upload itself
 * makes every fact idempotent and order-tolerant ({@link Upload}), so any event may arrive twice, late, or before the
 * others.
 */
public class UploadView {

    private final Uploads uploads;
    private final SentLinks links;
    private final Clock clock;

    public UploadView(Uploads uploads, SentLinks links, Clock clock) {
        this.uploads = uploads;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public void initiated(InitiatedUpload facts) {
        apply(facts.fileId(), (upload, now) -> upload.recordInitiated(facts, now));
    }

    @Transactional
    public void completed(CompletedUpload facts) {
        apply(facts.fileId(), (upload, now) -> upload.recordCompleted(facts, now));
    }

    @Transactional
    public void deleted(DeletedUpload facts) {
        apply(facts.fileId(), (upload, now) -> upload.recordDeleted(facts, now));
    }

    /** {@code UploadExpiryChanged}: every link of the upload ends at the new time. */
    @Transactional
    public void expiryChanged(ExpiryChange change) {
        apply(change.fileId(), (upload, now) -> upload.recordExpiryChanged(change, now));
    }

    /** {@code LinkRevoked}: every link of the upload answers 410 from now on. */
    @Transactional
    public void linksRevoked(Revocation revocation) {
        apply(revocation.fileId(), (upload, now) -> upload.recordLinksRevoked(revocation, now));
    }

    /** {@code StudentAddressChanged}: the links of the old address answer 410. */
    @Transactional
    public void addressChanged(AddressChange change) {
        apply(change.fileId(), (upload, now) -> upload.recordAddressChanged(change, now));
    }

    /** A link is immutable: the first {@code EmailSent} of a token is kept, redeliveries change nothing. */
    @Transactional
    public void linkSent(SentLink link) {
        links.recordIfNew(link);
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

    private void apply(UUID fileId, BiConsumer<Upload, Instant> fact) {
        Upload upload = uploads.lockOrCreate(fileId);
        fact.accept(upload, clock.instant());
        uploads.save(upload);
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
     * Facts of {@code EmailSent}: the hash of a valid link token, until when it works and its link generation.
     */
    public record SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt, int linkGeneration) {

        public SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt) {
            this(fileId, tokenSha256, sentAt, expiresAt, 1);
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
