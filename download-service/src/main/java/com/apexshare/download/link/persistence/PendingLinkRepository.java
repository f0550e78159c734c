package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code pending_link} table: links held until their upload is known and complete. */
interface PendingLinkRepository extends JpaRepository<PendingLinkRow, String> {

    List<PendingLinkRow> findByFileId(UUID fileId);

    List<PendingLinkRow> findByRecordedAtBefore(Instant cutoff);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO pending_link (token_sha256, file_id, expires_at, sent_at, awaits_confirmation, link_generation,
                                      recorded_at)
            VALUES (:tokenSha256, :fileId, :expiresAt, :sentAt, :awaitsConfirmation, :generation, :recordedAt)
            ON CONFLICT (token_sha256) DO NOTHING
            """)
    int insertIfAbsent(@Param("tokenSha256") String tokenSha256, @Param("fileId") UUID fileId,
            @Param("expiresAt") Instant expiresAt, @Param("sentAt") Instant sentAt,
            @Param("awaitsConfirmation") boolean awaitsConfirmation, @Param("generation") int linkGeneration,
            @Param("recordedAt") Instant recordedAt);

    /** The rows an upload's first parked claim created and that never received a fact of their own. */
    @Modifying
    @Query(nativeQuery = true, value = """
            DELETE FROM upload_view v
             WHERE v.file_id IN (:fileIds)
               AND v.initiated_at IS NULL AND v.completed_at IS NULL AND v.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM pending_link p WHERE p.file_id = v.file_id)
               AND NOT EXISTS (SELECT 1 FROM link_token t WHERE t.file_id = v.file_id)
            """)
    int deleteEmptyUploads(@Param("fileIds") Collection<UUID> fileIds);
}
