package com.apexshare.upload;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * The durable state of one upload, so that any replica can resume, complete or abort it. Never leaves through REST.
 */
@Entity
@Table(name = "upload_session")
class UploadSession implements Persistable<UUID> {

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

    @Column(name = "aborted_at")
    private Instant abortedAt;

    /** Assigned ids: tell Spring Data to INSERT without a SELECT first. */
    @Transient
    private boolean isNew;

    protected UploadSession() {
    }

    UploadSession(UUID fileId, String trainerId, PartPlan plan, String bucket, String objectKey, String s3UploadId,
            String contentType, Instant initiatedAt) {
        this.fileId = fileId;
        this.trainerId = trainerId;
        this.mode = plan.mode();
        this.status = UploadStatus.IN_PROGRESS;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.s3UploadId = s3UploadId;
        this.contentType = contentType;
        this.fileSize = plan.fileSize();
        this.partSize = plan.partSize();
        this.partCount = plan.partCount();
        this.initiatedAt = initiatedAt;
        this.isNew = true;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    @Override
    public UUID getId() {
        return fileId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    void abort(Instant at) {
        status = UploadStatus.ABORTED;
        abortedAt = at;
    }

    boolean ownedBy(String trainer) {
        return trainerId.equals(trainer);
    }

    PartPlan plan() {
        return new PartPlan(mode, fileSize, partSize, partCount);
    }

    UUID fileId() {
        return fileId;
    }

    String trainerId() {
        return trainerId;
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

    Long completedSize() {
        return completedSize;
    }

    String completedEtag() {
        return completedEtag;
    }
}
