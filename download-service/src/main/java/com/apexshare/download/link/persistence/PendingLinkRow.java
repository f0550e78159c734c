package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.apexshare.download.link.UploadView;

/**
 * A link waiting for its upload to be known and complete: written once (a native insert that ignores repetitions),
 * then moved to {@code link_token} or dropped; never changed.
 */
@Entity
@Table(name = "pending_link")
class PendingLinkRow {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "awaits_confirmation", nullable = false)
    private boolean awaitsConfirmation;

    @Column(name = "link_generation", nullable = false)
    private int linkGeneration;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PendingLinkRow() {
        // for JPA
    }

    UploadView.SentLink link() {
        return new UploadView.SentLink(fileId, tokenSha256, sentAt, expiresAt, awaitsConfirmation, linkGeneration);
    }
}
