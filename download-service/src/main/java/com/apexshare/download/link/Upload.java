package com.apexshare.download.link;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What this service knows about one upload, assembled from {@code UploadInitiated}, {@code UploadCompleted} and
 * {@code UploadDeleted} in whatever order they arrive: each fact fills only its own fields, so an upload may be known
 * by some facts only. Facts delivered again change nothing; the earliest completion and the first deletion stick, and
 * a deletion is never undone by a late event. Where the bytes are comes from the completion once there is one (the
 * initiation only reserved the location). No student data is kept.
 */
@Entity
@Table(name = "upload_view")
public class Upload {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    // From UploadInitiated (null until it arrives)
    @Column(name = "initiated_at")
    private Instant initiatedAt;

    @Column(name = "trainer_name")
    private String trainerName;

    @Column(name = "session_date")
    private LocalDate sessionDate;

    @Column(name = "notes")
    private String notes;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "declared_size")
    private Long declaredSize;

    @Column(name = "retention_until")
    private Instant retentionUntil;

    // The object's location: reserved by UploadInitiated, stated by UploadCompleted
    @Column(name = "bucket")
    private String bucket;

    @Column(name = "object_key")
    private String objectKey;

    // From UploadCompleted (null until it arrives)
    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "stored_size")
    private Long storedSize;

    @Column(name = "e_tag")
    private String eTag;

    // From UploadDeleted (null unless the upload was aborted or removed)
    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deletion_reason")
    private String deletionReason;

    // From the trainer's actions
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "expiry_revision", nullable = false)
    private long expiryRevision;

    @Column(name = "links_revoked_at")
    private Instant linksRevokedAt;

    @Column(name = "link_generation", nullable = false)
    private int linkGeneration = 1;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Upload() {
        // for JPA
    }

    /** An upload of which no fact has arrived yet. */
    Upload(UUID fileId, Instant now) {
        this.fileId = fileId;
        this.updatedAt = now;
    }

    void recordInitiated(UploadView.InitiatedUpload facts, Instant now) {
        requireSameUpload(facts.fileId());
        initiatedAt = facts.initiatedAt();
        trainerName = facts.trainerName();
        sessionDate = facts.sessionDate();
        notes = facts.notes();
        fileName = facts.fileName();
        contentType = facts.contentType();
        declaredSize = facts.declaredSize();
        retentionUntil = facts.retentionUntil();
        if (completedAt == null) {
            bucket = facts.bucket();
            objectKey = facts.objectKey();
        }
        updatedAt = now;
    }

    void recordCompleted(UploadView.CompletedUpload facts, Instant now) {
        requireSameUpload(facts.fileId());
        completedAt = earlier(completedAt, facts.completedAt());
        bucket = facts.bucket();
        objectKey = facts.objectKey();
        storedSize = facts.size();
        eTag = facts.eTag();
        updatedAt = now;
    }

    void recordDeleted(UploadView.DeletedUpload facts, Instant now) {
        requireSameUpload(facts.fileId());
        if (deletedAt == null) {
            deletionReason = facts.reason();
        }
        deletedAt = earlier(deletedAt, facts.deletedAt());
        updatedAt = now;
    }

    /** The trainer moved the end; the change with the highest revision wins. */
    void recordExpiryChanged(UploadView.ExpiryChange change, Instant now) {
        requireSameUpload(change.fileId());
        if (change.revision() > expiryRevision) {
            expiresAt = change.expiresAt();
            expiryRevision = change.revision();
            updatedAt = now;
        }
    }

    /** The trainer revoked every link; the first revocation sticks (revoking is final). */
    void recordLinksRevoked(UploadView.Revocation revocation, Instant now) {
        requireSameUpload(revocation.fileId());
        linksRevokedAt = earlier(linksRevokedAt, revocation.revokedAt());
        updatedAt = now;
    }

    /** The trainer corrected the address: links of lower generations stop working; the highest generation wins. */
    void recordAddressChanged(UploadView.AddressChange change, Instant now) {
        requireSameUpload(change.fileId());
        if (change.linkGeneration() > linkGeneration) {
            linkGeneration = change.linkGeneration();
            updatedAt = now;
        }
    }

    Instant completedAt() {
        return completedAt;
    }

    Instant deletedAt() {
        return deletedAt;
    }

    String deletionReason() {
        return deletionReason;
    }

    String bucket() {
        return bucket;
    }

    String objectKey() {
        return objectKey;
    }

    private void requireSameUpload(UUID other) {
        if (!fileId.equals(other)) {
            throw new IllegalArgumentException("A fact of upload " + other + " cannot change upload " + fileId);
        }
    }

    private static Instant earlier(Instant known, Instant reported) {
        return known == null || reported.isBefore(known) ? reported : known;
    }
}
