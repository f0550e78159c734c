package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One address on the suppression list, by its hash; written by native upserts, read through JPA. */
@Entity
@Table(name = "suppressed_address")
class SuppressedAddressRow {

    @Id
    @Column(name = "address_sha256", columnDefinition = "bpchar(64)")
    private String addressSha256;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "suppressed_at", nullable = false)
    private Instant suppressedAt;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    protected SuppressedAddressRow() {
    }

    String reason() {
        return reason;
    }

    boolean lifted() {
        return liftedAt != null;
    }
}
