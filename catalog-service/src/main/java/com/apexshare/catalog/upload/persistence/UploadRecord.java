package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import com.apexshare.catalog.upload.UploadView;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read-only JPA view of an upload row; the rows are written set-based by {@link JpaUploadLedger}. Never leaves the
 * persistence adapter: it is mapped to {@link UploadView}.
 */
@Entity
@Immutable
@Table(name = "upload")
class UploadRecord {

    @Id
    @Column(name = "file_id")
    private UUID fileId;
    @Column(name = "trainer_id", columnDefinition = "text")
    private String trainerId;
    @Column(name = "trainer_name", columnDefinition = "text")
    private String trainerName;
    @Column(name = "student_email", columnDefinition = "text")
    private String studentEmail;
    @Column(name = "student_name", columnDefinition = "text")
    private String studentName;
    @Column(name = "session_date")
    private LocalDate sessionDate;
    @Column(name = "notes", columnDefinition = "text")
    private String notes;
    @Column(name = "file_name", columnDefinition = "text")
    private String fileName;
    @Column(name = "original_file_name", columnDefinition = "text")
    private String originalFileName;
    @Column(name = "file_size")
    private Long fileSize;
    @Column(name = "content_type", columnDefinition = "text")
    private String contentType;
    @Column(name = "s3_bucket", columnDefinition = "text")
    private String s3Bucket;
    @Column(name = "s3_key", columnDefinition = "text")
    private String s3Key;
    @Column(name = "upload_mode", columnDefinition = "text")
    private String uploadMode;
    @Column(name = "upload_date")
    private Instant uploadDate;
    @Column(name = "retention_until")
    private Instant retentionUntil;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "stored_size")
    private Long storedSize;
    @Column(name = "etag", columnDefinition = "text")
    private String etag;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Column(name = "deletion_reason", columnDefinition = "text")
    private String deletionReason;
    @Column(name = "expired_at")
    private Instant expiredAt;
    @Column(name = "email_sent_at")
    private Instant emailSentAt;
    @Column(name = "email_failed_at")
    private Instant emailFailedAt;
    @Column(name = "email_failure_reason", columnDefinition = "text")
    private String emailFailureReason;
    @Column(name = "download_count")
    private long downloadCount;
    @Column(name = "last_download_at")
    private Instant lastDownloadAt;
    @Column(name = "link_generation")
    private int linkGeneration;
    @Column(name = "links_revoked_at")
    private Instant linksRevokedAt;
    @Column(name = "reminders_enabled")
    private boolean remindersEnabled;
    @Column(name = "reminder_sent_at")
    private Instant reminderSentAt;
    @Column(name = "last_resent_at")
    private Instant lastResentAt;
    @Column(name = "status", columnDefinition = "text", insertable = false, updatable = false)
    private String status;
    @Column(name = "email_status", columnDefinition = "text", insertable = false, updatable = false)
    private String emailStatus;

    protected UploadRecord() {
    }

    UploadView toView() {
        return new UploadView(fileId, fileName, originalFileName, studentEmail, studentName, trainerName, sessionDate,
                notes, uploadDate, storedSize != null ? storedSize : fileSize, contentType, status, emailStatus,
                emailSentAt, emailFailedAt, emailFailureReason, downloadCount, lastDownloadAt, completedAt,
                retentionUntil, deletedAt != null ? deletedAt : expiredAt, deletionReason, linkGeneration,
                linksRevokedAt, remindersEnabled, reminderSentAt, lastResentAt, null);
    }
}
