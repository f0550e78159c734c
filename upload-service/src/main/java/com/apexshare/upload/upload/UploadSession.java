package com.apexshare.upload.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The durable state of one upload, so that any replica can resume, complete or abort it, and the upload's state
 * machine: every change of status goes through a method here that refuses the illegal ones (see {@link UploadStatus}).
 * The methods only change state; S3 and Kafka are the services' business, before or after the short transaction that
 * applies the change. Never leaves through REST.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Column(name = "trainer_id", nullable = false)
    private String trainerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "upload_mode", nullable = false)
    private UploadMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private UploadStatus status;

    @Column(name = "bucket", nullable = false)
    private String bucket;

    @Column(name = "object_key", nullable = false)
    private String objectKey;

    @Column(name = "s3_upload_id")
    private String s3UploadId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(name = "part_size", nullable = false)
    private long partSize;

    @Column(name = "part_count", nullable = false)
    private int partCount;

    @Column(name = "initiated_at", nullable = false)
    private Instant initiatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_size")
    private Long completedSize;

    @Column(name = "completed_etag")
    private String completedEtag;

    @Column(name = "abort_started_at")
    private Instant abortStartedAt;

    @Column(name = "aborted_at")
    private Instant abortedAt;

    /** When links stop working and the video is removed; null for sessions from before it was kept here. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "expiry_revision", nullable = false)
    private long expiryRevision;

    @Column(name = "link_generation", nullable = false)
    private int linkGeneration = 1;

    @Column(name = "links_revoked_at")
    private Instant linksRevokedAt;

    @Column(name = "reminders_enabled", nullable = false)
    private boolean remindersEnabled = true;

    @Column(name = "reminder_revision", nullable = false)
    private long reminderRevision;

    @Column(name = "delete_started_at")
    private Instant deleteStartedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Null until stored: a new session is inserted without a SELECT first, and lost updates are refused. */
    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected UploadSession() {
        // for JPA
    }

    private UploadSession(UUID fileId, String trainerId, PartPlan plan, UploadTarget target, Instant initiatedAt,
            Instant expiresAt) {
        this.expiresAt = expiresAt;
        this.fileId = fileId;
        this.trainerId = trainerId;
        this.mode = plan.mode();
        this.status = UploadStatus.IN_PROGRESS;
        this.bucket = target.bucket();
        this.objectKey = target.objectKey();
        this.s3UploadId = target.s3UploadId();
        this.contentType = target.contentType();
        this.fileSize = plan.fileSize();
        this.partSize = plan.partSize();
        this.partCount = plan.partCount();
        this.initiatedAt = initiatedAt;
    }

    /** A session whose bytes are about to be sent to {@code target}. */
    static UploadSession start(UUID fileId, String trainerId, PartPlan plan, UploadTarget target,
            Instant at) {
        return start(fileId, trainerId, plan, target, at, null);
    }

    /** A session whose bytes are about to be sent to {@code target}, living until {@code expiresAt}. */
    static UploadSession start(UUID fileId, String trainerId, PartPlan plan, UploadTarget target, Instant at,
            Instant expiresAt) {
        if (plan.mode() == UploadMode.MULTIPART && (target.s3UploadId() == null || target.s3UploadId().isBlank())) {
            throw new IllegalArgumentException("a multipart upload needs S3's upload id");
        }
        return new UploadSession(fileId, trainerId, plan, target, at, expiresAt);
    }

    /**
     * Refuses what an upload that is not in progress cannot take any more: parts, fresh URLs, a completion by S3.
     *
     * @throws UploadAlreadyCompleted when it is completed
     * @throws UploadAborted          when it is aborted or being aborted
     */
    void ensureTakingParts() {
        switch (status) {
            case IN_PROGRESS -> {
            }
            case COMPLETED -> throw new UploadAlreadyCompleted(fileId);
            case ABORTING, ABORTED -> throw new UploadAborted(fileId);
            case DELETING, DELETED -> throw new UploadRemoved(fileId);
        }
    }

    /**
     * Records the object S3 holds as the upload's result. The first completion wins: completing again (a retry, the
     * other signal) changes nothing and answers the stored result.
     *
     * @throws UploadAborted       when the upload is aborted or being aborted
     * @throws UploadSizeMismatch  when the object does not have the declared size
     * @throws IllegalArgumentException when the object is not this upload's
     */
    CompletedUpload complete(StoredObject object, Instant at) {
        if (!stores(object)) {
            throw new IllegalArgumentException("Upload " + fileId + " does not store " + object.key());
        }
        if (status == UploadStatus.COMPLETED) {
            return completed();
        }
        if (status == UploadStatus.DELETING || status == UploadStatus.DELETED) {
            // A completion reported late (the other signal) for an upload completed and then deleted: nothing changes.
            return completed();
        }
        if (status != UploadStatus.IN_PROGRESS) {
            throw new UploadAborted(fileId);
        }
        if (!hasDeclaredSize(object.size())) {
            throw new UploadSizeMismatch(fileId, fileSize, object.size());
        }
        status = UploadStatus.COMPLETED;
        completedAt = at;
        completedSize = object.size();
        completedEtag = object.eTag();
        return completed();
    }

    /**
     * Claims the abort: from here on the upload takes nothing more, while its S3 objects are removed and
     * {@code UploadDeleted} is published. An abort that is already under way is claimed again (its claimant may have
     * died); the claim's time tells housekeeping when to take over.
     *
     * @return true when there is an abort to carry out, false when the upload is aborted already
     * @throws UploadAlreadyCompleted when the upload is completed
     */
    boolean startAborting(Instant at) {
        switch (status) {
            case COMPLETED -> throw new UploadAlreadyCompleted(fileId);
            case DELETING, DELETED -> throw new UploadRemoved(fileId);
            case ABORTED -> {
                return false;
            }
            case IN_PROGRESS, ABORTING -> {
                status = UploadStatus.ABORTING;
                abortStartedAt = at;
                return true;
            }
        }
        throw new IllegalStateException("Unknown status " + status);
    }

    /**
     * Settles a claimed abort once S3 is cleaned up and {@code UploadDeleted} acknowledged. Settling again changes
     * nothing.
     *
     * @throws IllegalStateException  when no abort was claimed
     * @throws UploadAlreadyCompleted when the upload is completed
     */
    void markAborted(Instant at) {
        switch (status) {
            case ABORTED -> {
            }
            case ABORTING -> {
                status = UploadStatus.ABORTED;
                abortedAt = at;
            }
            case COMPLETED, DELETING, DELETED -> throw new UploadAlreadyCompleted(fileId);
            case IN_PROGRESS -> throw new IllegalStateException(
                    "Upload " + fileId + ": an abort must be claimed before it is settled");
        }
    }

    // The trainer's actions on a completed upload (issue 16). Each one refuses what the upload's state does not allow
    // and moves the counters its event carries, so that consumers can order the changes.

    /**
     * When links stop working and the video is removed. Sessions from before the service kept it end where their
     * {@code UploadInitiated} said: at initiation plus the configured retention.
     */
    Instant expiresAt(Duration retention) {
        return expiresAt != null ? expiresAt : initiatedAt.plus(retention);
    }

    /**
     * Refuses an action on an upload that is not completed, is gone or has expired.
     *
     * @throws UploadNotCompleted while it is in progress
     * @throws UploadAborted      when it was aborted
     * @throws UploadRemoved      when the trainer deleted it
     * @throws UploadExpired      when its expiry has passed
     */
    void ensureActionable(Instant now, Duration retention) {
        switch (status) {
            case IN_PROGRESS -> throw new UploadNotCompleted(fileId);
            case ABORTING, ABORTED -> throw new UploadAborted(fileId);
            case DELETING, DELETED -> throw new UploadRemoved(fileId);
            case COMPLETED -> {
                if (!now.isBefore(expiresAt(retention))) {
                    throw new UploadExpired(fileId);
                }
            }
        }
    }

    /** @throws LinksRevoked when the trainer revoked the links (final: nothing more is sent about the upload) */
    private void ensureLinksLive() {
        if (linksRevokedAt != null) {
            throw new LinksRevoked(fileId);
        }
    }

    /** A resend: allowed while the links live; the new email's link is of the current generation. */
    int resend(Instant now, Duration retention) {
        ensureActionable(now, retention);
        ensureLinksLive();
        return linkGeneration;
    }

    /** The student's address changed: a new link generation, every older link is revoked. */
    int changeAddress(Instant now, Duration retention) {
        ensureActionable(now, retention);
        ensureLinksLive();
        linkGeneration++;
        return linkGeneration;
    }

    /** The expiry moves to {@code newExpiry} (validated by the caller against the configured window). */
    ExpiryChange changeExpiry(Instant newExpiry, Instant now, Duration retention) {
        ensureActionable(now, retention);
        Instant previous = expiresAt(retention);
        expiresAt = newExpiry;
        expiryRevision++;
        return new ExpiryChange(fileId, previous, newExpiry, expiryRevision);
    }

    /** Revokes every link; false when they were revoked already (revoking again changes nothing). */
    boolean revokeLinks(Instant now, Duration retention) {
        if (linksRevokedAt != null) {
            return false;
        }
        ensureActionable(now, retention);
        linksRevokedAt = now;
        return true;
    }

    /** Switches the reminder on or off; the new revision, or 0 when it already was so (no change, no event). */
    long setReminders(boolean enabled, Instant now, Duration retention) {
        ensureActionable(now, retention);
        if (remindersEnabled == enabled) {
            return 0;
        }
        remindersEnabled = enabled;
        reminderRevision++;
        return reminderRevision;
    }

    /**
     * Claims the trainer's delete of a completed upload (also once it has expired). A delete under way is claimed
     * again (its claimant may have died).
     *
     * @return true when there is a delete to carry out, false when it is deleted already
     * @throws UploadNotCompleted while it is in progress (abort it instead)
     * @throws UploadAborted      when it was aborted
     */
    boolean startDeleting(Instant at) {
        switch (status) {
            case IN_PROGRESS -> throw new UploadNotCompleted(fileId);
            case ABORTING, ABORTED -> throw new UploadAborted(fileId);
            case DELETED -> {
                return false;
            }
            case COMPLETED, DELETING -> {
                status = UploadStatus.DELETING;
                deleteStartedAt = at;
                return true;
            }
        }
        throw new IllegalStateException("Unknown status " + status);
    }

    /** Settles a claimed delete once the object is gone; settling again changes nothing. */
    boolean markDeleted(Instant at) {
        switch (status) {
            case DELETED -> {
                return false;
            }
            case DELETING -> {
                status = UploadStatus.DELETED;
                deletedAt = at;
                return true;
            }
            default -> throw new IllegalStateException("Upload " + fileId + ": a delete must be claimed before it is "
                    + "settled, not " + status);
        }
    }

    /** What the trainer's actions have set, for the API. */
    ActionState actionState(Duration retention) {
        return new ActionState(fileId, status, expiresAt(retention), linkGeneration, linksRevokedAt, remindersEnabled);
    }

    /** The stored result, once completed. */
    Optional<CompletedUpload> completion() {
        return status == UploadStatus.COMPLETED ? Optional.of(completed()) : Optional.empty();
    }

    /** The trainer deleted it, or the delete is under way. */
    boolean deleteStarted() {
        return status == UploadStatus.DELETING || status == UploadStatus.DELETED;
    }

    /** Aborted, or an abort is under way. */
    boolean abortStarted() {
        return status == UploadStatus.ABORTING || status == UploadStatus.ABORTED;
    }

    boolean ownedBy(String trainer) {
        return trainerId.equals(trainer);
    }

    /** Whether this is the object the upload's bytes were meant for. */
    boolean stores(StoredObject object) {
        return bucket.equals(object.bucket()) && objectKey.equals(object.key());
    }

    boolean hasDeclaredSize(long size) {
        return size == fileSize;
    }

    private CompletedUpload completed() {
        return new CompletedUpload(fileId, completedSize, completedEtag);
    }

    PartPlan plan() {
        return new PartPlan(mode, fileSize, partSize, partCount);
    }

    UUID fileId() {
        return fileId;
    }

    UploadMode mode() {
        return mode;
    }

    UploadStatus status() {
        return status;
    }

    String bucket() {
        return bucket;
    }

    String objectKey() {
        return objectKey;
    }

    String s3UploadId() {
        return s3UploadId;
    }

    String contentType() {
        return contentType;
    }

    long fileSize() {
        return fileSize;
    }

    Instant initiatedAt() {
        return initiatedAt;
    }

    @Override
    public String toString() {
        return "UploadSession[fileId=" + fileId + ", status=" + status + ", mode=" + mode + "]";
    }
}
