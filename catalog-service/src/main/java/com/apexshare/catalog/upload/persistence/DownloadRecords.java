package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code download} table as the timeline reads it: both queries are range scans of {@code download_file_recent
 * (file_id, downloaded_at DESC, download_id DESC)}.
 */
interface DownloadRecords extends JpaRepository<DownloadRecord, UUID> {

    @Query("select d from DownloadRecord d where d.fileId = :fileId order by d.downloadedAt desc, d.downloadId desc")
    List<DownloadRecord> newestFirst(@Param("fileId") UUID fileId, Limit limit);

    /** The separate "<=" bounds the index range scan at the cursor; the OR breaks ties on the download id. */
    @Query("select d from DownloadRecord d where d.fileId = :fileId and d.downloadedAt <= :at"
            + " and (d.downloadedAt < :at or d.downloadId < :id)"
            + " order by d.downloadedAt desc, d.downloadId desc")
    List<DownloadRecord> newestFirstAfter(@Param("fileId") UUID fileId, @Param("at") Instant at,
            @Param("id") UUID downloadId, Limit limit);
}
