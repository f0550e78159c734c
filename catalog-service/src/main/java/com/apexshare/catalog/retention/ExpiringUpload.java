package com.apexshare.catalog.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An upload as retention sees it: where its video is, when its retention ends, whether it has expired, and which
 * replica's run holds it. Retention owns only the claim; the rest of the row is the catalog's (written by the ledger),
 * so every other column is read-only here. States: <em>waiting</em> (retention not over), <em>due</em>,
 * <em>claimed</em> by a run until its claim lapses, <em>expired</em> (settled by the ledger, for good).
 */
@Entity
@Table(name = "upload")
public class ExpiringUpload {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Column(name = "s3_bucket", columnDefinition = "text", insertable = false, updatable = false)
    private String bucket;

    @Column(name = "s3_key", columnDefinition = "text", insertable = false, updatable = false)
    private String objectKey;

    @Column(name = "retention_until", insertable = false, updatable = false)
    private Instant retentionUntil;

    @Column(name = "expired_at", insertable = false, updatable = false)
    private Instant expiredAt;

    @Column(name = "retention_claimed_until")
    private Instant claimedUntil;

    protected ExpiringUpload() {
        // for JPA
    }

    /** An upload as the catalog holds it before any run claimed it ({@code expiredAt} null until it expired). */
    ExpiringUpload(UUID fileId, String bucket, String objectKey, Instant retentionUntil, Instant expiredAt) {
        this.fileId = fileId;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.retentionUntil = retentionUntil;
        this.expiredAt = expiredAt;
    }

    /** Due and free: its retention is over, it has not expired, and no run holds it (or that run's claim lapsed). */
    boolean isClaimable(Instant now) {
        return expiredAt == null && retentionUntil != null && !retentionUntil.isAfter(now)
                && (claimedUntil == null || !claimedUntil.isAfter(now));
    }

    /**
     * Reserves the upload for this run until {@code now + lease}.
     *
     * @throws IllegalStateException when it is not due yet, has expired, or another run's claim still holds it
     */
    void claim(Instant now, Duration lease) {
        if (!isClaimable(now)) {
            throw new IllegalStateException("Upload " + fileId + " cannot be claimed for retention at " + now
                    + " (retention until " + retentionUntil + ", expired " + expiredAt + ", claimed until "
                    + claimedUntil + ")");
        }
        claimedUntil = now.plus(lease);
    }

    /** Gives the claim back at once, so that the next run retries the upload rather than waiting for the lapse. */
    void release() {
        claimedUntil = null;
    }

    public UUID fileId() {
        return fileId;
    }

    /** The bucket its event named; null when it named none. */
    String bucket() {
        return bucket;
    }

    /** The video's key; null when the upload never said where its video is (nothing to delete then). */
    String objectKey() {
        return objectKey;
    }

    Instant claimedUntil() {
        return claimedUntil;
    }
}
