package com.apexshare.upload.quota.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One started upload as the quotas count it. Written once, removed when it no longer counts. */
@Entity
@Table(name = "trainer_usage")
class QuotaUsageRow {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Column(name = "trainer_id", nullable = false)
    private String trainerId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "declared_bytes", nullable = false)
    private long declaredBytes;

    @Column(name = "student_sha256", nullable = false)
    private String studentSha256;

    protected QuotaUsageRow() {
        // for JPA
    }

    QuotaUsageRow(String trainerId, UUID fileId, Instant startedAt, long declaredBytes, String studentSha256) {
        this.trainerId = trainerId;
        this.fileId = fileId;
        this.startedAt = startedAt;
        this.declaredBytes = declaredBytes;
        this.studentSha256 = studentSha256;
    }

    UUID fileId() {
        return fileId;
    }

    Instant startedAt() {
        return startedAt;
    }

    long declaredBytes() {
        return declaredBytes;
    }

    String studentSha256() {
        return studentSha256;
    }
}
