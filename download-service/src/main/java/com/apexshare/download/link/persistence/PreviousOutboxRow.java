package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import com.apexshare.download.link.DownloadChannel;
import com.apexshare.download.link.DownloadLog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One opening in the previous version's outbox table, as that version wrote it. Only ever read and deleted. */
@Entity
@Table(name = "downloaded_outbox")
class PreviousOutboxRow {

    @Id
    @Column(name = "download_id")
    private UUID downloadId;

    @Column(name = "file_id", nullable = false)
    private UUID fileId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "user_agent_family", nullable = false)
    private String userAgentFamily;

    @Column(name = "channel", nullable = false)
    private String channel;

    protected PreviousOutboxRow() {
        // for JPA
    }

    DownloadLog.Opening opening() {
        return new DownloadLog.Opening(downloadId, fileId, occurredAt, userAgentFamily,
                DownloadChannel.valueOf(channel));
    }
}
