package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.apexshare.notification.email.KnownUpload;
import com.apexshare.notification.email.UploadFacts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row of the {@code upload} table. Written only by the upserts of {@link UploadRows} (the events of one upload
 * may arrive in any order, at once, many times: {@code ON CONFLICT} settles that in the database); read here. The
 * columns are the fields' names in snake case (Spring Boot's naming strategy).
 */
@Entity
@Table(name = "upload")
class UploadRow {

    @Id
    private UUID fileId;

    private String trainerId;
    private String trainerName;
    private String trainerEmail;
    private String studentEmail;
    private String studentName;
    private LocalDate sessionDate;
    private String notes;
    private String fileName;
    private Long fileSize;
    private Instant retentionUntil;
    private Instant initiatedAt;
    private Instant firstDownloadedAt;
    private Instant deletedAt;
    private int linkGeneration;
    private Instant linksRevokedAt;
    private boolean remindersEnabled;

    protected UploadRow() {
        // for JPA
    }

    KnownUpload known() {
        return new KnownUpload(new UploadFacts(fileId, initiatedAt, trainerId, trainerName, trainerEmail,
                studentEmail, studentName, sessionDate, notes, fileName, fileSize == null ? 0 : fileSize,
                retentionUntil), firstDownloadedAt, deletedAt, linkGeneration, linksRevokedAt, remindersEnabled);
    }
}
