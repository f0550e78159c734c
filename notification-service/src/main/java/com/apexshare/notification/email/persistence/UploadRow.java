package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.apexshare.notification.email.KnownUpload;
import com.apexshare.notification.email.UploadFacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of the {@code upload} table. Written only by the upserts of {@link UploadRows} (the events of one upload
 * may arrive in any order, at once, many times: {@code ON CONFLICT} settles that in the database); read here.
 */
@Entity
@Table(name = "upload")
class UploadRow {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Column(name = "trainer_id")
    private String trainerId;

    @Column(name = "trainer_name")
    private String trainerName;

    @Column(name = "trainer_email")
    private String trainerEmail;

    @Column(name = "student_email")
    private String studentEmail;

    @Column(name = "student_name")
    private String studentName;

    @Column(name = "session_date")
    private LocalDate sessionDate;

    @Column(name = "notes")
    private String notes;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "retention_until")
    private Instant retentionUntil;

    @Column(name = "initiated_at")
    private Instant initiatedAt;

    @Column(name = "first_downloaded_at")
    private Instant firstDownloadedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected UploadRow() {
        // for JPA
    }

    KnownUpload known() {
        return new KnownUpload(new UploadFacts(fileId, initiatedAt, trainerId, trainerName, trainerEmail,
                studentEmail, studentName, sessionDate, notes, fileName, fileSize == null ? 0 : fileSize,
                retentionUntil), firstDownloadedAt, deletedAt);
    }
}
