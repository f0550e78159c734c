package com.apexshare.upload.upload.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rate-limited action on an upload (the {@code upload_action} table). */
@Entity
@Table(name = "upload_action")
class UploadActionRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "at", nullable = false)
    private Instant at;

    protected UploadActionRow() {
        // for JPA
    }

    UploadActionRow(UUID fileId, String action, Instant at) {
        this.fileId = fileId;
        this.action = action;
        this.at = at;
    }
}
