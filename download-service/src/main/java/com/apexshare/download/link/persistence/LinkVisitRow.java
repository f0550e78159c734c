package com.apexshare.download.link.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One page visit that has counted as a download: the link's token hash and the page's visit id. Written once by a
 * native insert that ignores repeats, never changed; deleted with its link (foreign key, {@code ON DELETE CASCADE}).
 */
@Entity
@Table(name = "link_visit")
@IdClass(LinkVisitRow.Key.class)
class LinkVisitRow {

    @Id
    @Column(name = "token_sha256")
    private String tokenSha256;

    @Id
    @Column(name = "visit_id")
    private UUID visitId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LinkVisitRow() {
        // for JPA
    }

    /** The composite primary key. */
    record Key(String tokenSha256, UUID visitId) implements Serializable {
    }
}
