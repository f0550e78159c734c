package com.apexshare.download.outbox;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.apexshare.download.link.DownloadLog;

/** Writes each opening as one outbox row (a single-statement transaction in the request). */
@Repository
class DownloadedOutbox implements DownloadLog {

    private final JdbcClient jdbc;

    DownloadedOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Opening opening) {
        jdbc.sql("""
                INSERT INTO downloaded_outbox (download_id, file_id, occurred_at, user_agent_family, channel)
                VALUES (:downloadId, :fileId, :occurredAt, :userAgentFamily, :channel)
                """)
                .param("downloadId", opening.downloadId())
                .param("fileId", opening.fileId())
                .param("occurredAt", opening.occurredAt().atOffset(ZoneOffset.UTC))
                .param("userAgentFamily", opening.userAgentFamily())
                .param("channel", opening.channel().name())
                .update();
    }
}
