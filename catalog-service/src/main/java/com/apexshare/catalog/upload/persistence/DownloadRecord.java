package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import com.apexshare.catalog.upload.DownloadView;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Read-only JPA view of one applied download; the rows are written set-based by {@link JpaUploadLedger}. Mapped to
 * {@link DownloadView} before it leaves the adapter.
 */
@Entity
@Immutable
@Table(name = "download")
class DownloadRecord {

    @Id
    @Column(name = "download_id")
    private UUID downloadId;
    @Column(name = "file_id")
    private UUID fileId;
    @Column(name = "downloaded_at")
    private Instant downloadedAt;
    @Column(name = "user_agent_family", columnDefinition = "text")
    private String userAgentFamily;
    @Column(name = "channel", columnDefinition = "text")
    private String channel;

    protected DownloadRecord() {
    }

    DownloadView toView() {
        return new DownloadView(downloadId, downloadedAt, userAgentFamily, channel);
    }
}
