package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One e-mailed link: only the SHA-256 of its token, its upload and until when it works. Written once (by a native
 * insert that ignores redeliveries) and never changed, so it has no behaviour of its own.
 */
@Entity
@Table(name = "link_token")
class LinkTokenRow {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "link_generation", nullable = false)
    private int linkGeneration;

    protected LinkTokenRow() {
        // for JPA
    }
}
