package com.apexshare.platform.app;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One completion the test service applied. */
@Entity
@Table(name = "applied_completion")
class AppliedCompletion {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    protected AppliedCompletion() {
    }

    AppliedCompletion(UUID fileId, Instant appliedAt) {
        this.fileId = fileId;
        this.appliedAt = appliedAt;
    }

    UUID fileId() {
        return fileId;
    }
}
