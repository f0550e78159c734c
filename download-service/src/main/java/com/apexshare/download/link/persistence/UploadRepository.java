package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.apexshare.download.link.Upload;

import jakarta.persistence.LockModeType;

/** The {@code upload_view} table. */
interface UploadRepository extends JpaRepository<Upload, UUID> {

    /** Creates the row of an upload no event has named yet; a concurrent first event makes this a no-op. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload_view (file_id) VALUES (:fileId)
            ON CONFLICT (file_id) DO NOTHING
            """)
    int insertIfAbsent(@Param("fileId") UUID fileId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from Upload u where u.fileId = :fileId")
    Optional<Upload> findLocked(@Param("fileId") UUID fileId);

    /** Deletes the ended uploads and their links in one statement (one snapshot, so no link is left behind). */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH ended AS (
                SELECT file_id FROM upload_view
                 WHERE COALESCE(deleted_at, expires_at, retention_until) < :cutoff
            ), links AS (
                DELETE FROM link_token t USING ended e WHERE t.file_id = e.file_id
            ), parked AS (
                DELETE FROM pending_link p USING ended e WHERE p.file_id = e.file_id
            )
            DELETE FROM upload_view v USING ended e WHERE v.file_id = e.file_id
            """)
    int deleteEndedBefore(@Param("cutoff") Instant cutoff);
}
