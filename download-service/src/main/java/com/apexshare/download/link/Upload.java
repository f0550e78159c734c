package com.apexshare.download.link;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What this service knows about one upload, assembled from {@code UploadInitiated}, {@code UploadCompleted} and
 * {@code UploadDeleted} in whatever order they arrive: each fact fills only its own fields, so an upload may be known
 * by some facts only. Facts delivered again change nothing; the first initiation's facts, the earliest completion and
 * the first deletion stick, and a deletion is never undone by a late event. Where the bytes are is fixed by the first
 * fact that names it: a later fact naming another object is refused ({@link ConflictingUploadFacts}), so a link is
 * never re-aimed. No student data is kept.
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

    /**
     * The first initiation sets its facts for good: a repetition changes nothing, another initiation with other facts
     * (whatever its time) is refused. Where the object is must agree with a completion that arrived first.
     *
     * @throws ConflictingUploadFacts when the facts differ from the recorded initiation or completion
     */
    void recordInitiated(UploadView.InitiatedUpload facts, Instant now) {
        requireSameUpload(facts.fileId());
        if (initiatedAt != null) {
            if (!sameInitiation(facts)) {
                throw new ConflictingUploadFacts(fileId, "UploadInitiated", "contradicts its first initiation");
            }
            return;
        }
        if (completedAt != null && !isAt(facts.bucket(), facts.objectKey())) {
            throw new ConflictingUploadFacts(fileId, "UploadInitiated", "names another object than its completion");
        }
        initiatedAt = facts.initiatedAt();
        trainerName = facts.trainerName();
        sessionDate = facts.sessionDate();
        notes = facts.notes();
        fileName = facts.fileName();
        contentType = facts.contentType();
        declaredSize = facts.declaredSize();
        retentionUntil = facts.retentionUntil();
        bucket = facts.bucket();
        objectKey = facts.objectKey();
        updatedAt = now;
    }

    /**
     * The bytes are where the upload said they would be. A completion never moves the object: once a location is known
     * (from the initiation or an earlier completion) a completion naming another one is refused, so a link can never
     * be re-aimed at another object.
     *
     * @throws ConflictingUploadFacts when the completion names another object than the known one
     */
    void recordCompleted(UploadView.CompletedUpload facts, Instant now) {
        requireSameUpload(facts.fileId());
        if (bucket != null && !isAt(facts.bucket(), facts.objectKey())) {
            throw new ConflictingUploadFacts(fileId, "UploadCompleted", "names another object than the upload's");
        }
        completedAt = earlier(completedAt, facts.completedAt());
        bucket = facts.bucket();
        objectKey = facts.objectKey();
        storedSize = facts.size();
        eTag = facts.eTag();
        updatedAt = now;
    }

    /** Both the metadata and the bytes are known: a link to it can work. */
    boolean isReady() {
        return initiatedAt != null && completedAt != null;
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

    /** Whether a link of this generation opens the video (not revoked, not of a corrected address). */
    boolean serves(int generation) {
        return linksRevokedAt == null && generation >= linkGeneration;
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

    private boolean isAt(String otherBucket, String otherKey) {
        return Objects.equals(bucket, otherBucket) && Objects.equals(objectKey, otherKey);
    }

    private boolean sameInitiation(UploadView.InitiatedUpload facts) {
        return Objects.equals(initiatedAt, facts.initiatedAt()) && Objects.equals(trainerName, facts.trainerName())
                && Objects.equals(sessionDate, facts.sessionDate()) && Objects.equals(notes, facts.notes())
                && Objects.equals(fileName, facts.fileName()) && Objects.equals(contentType, facts.contentType())
                && Objects.equals(declaredSize, facts.declaredSize())
                && Objects.equals(retentionUntil, facts.retentionUntil()) && isAt(facts.bucket(), facts.objectKey());
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
