package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.apexshare.download.link.LinkRecord;

/** The {@code link_token} table, and the look-up that joins a link with its upload. */
interface LinkTokenRepository extends JpaRepository<LinkTokenRow, String> {

    /** One indexed query per link opening: the token row by primary key, with its upload's row if there is one. */
    @Query("""
            select new com.apexshare.download.link.LinkRecord(t.fileId, t.expiresAt, u.initiatedAt, u.completedAt,
                   u.deletedAt, u.retentionUntil, u.bucket, u.objectKey, u.fileName, u.contentType,
                   coalesce(u.storedSize, u.declaredSize), u.sessionDate, u.trainerName, u.notes, t.linkGeneration,
                   u.linkGeneration, u.expiresAt, u.linksRevokedAt)
              from LinkTokenRow t left join Upload u on u.fileId = t.fileId
             where t.tokenSha256 = :hash
            """)
    Optional<LinkRecord> findLink(@Param("hash") String tokenSha256);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO link_token (token_sha256, file_id, expires_at, sent_at, link_generation)
            VALUES (:tokenSha256, :fileId, :expiresAt, :sentAt, :generation)
            ON CONFLICT (token_sha256) DO NOTHING
            """)
    int insertIfAbsent(@Param("tokenSha256") String tokenSha256, @Param("fileId") UUID fileId,
            @Param("expiresAt") Instant expiresAt, @Param("sentAt") Instant sentAt,
            @Param("generation") int linkGeneration);

    @Modifying
    @Query(nativeQuery = true, value = """
            DELETE FROM link_token t
             WHERE t.expires_at < :cutoff
               AND NOT EXISTS (SELECT 1 FROM upload_view v WHERE v.file_id = t.file_id)
            """)
    int deleteUnmatchedExpiredBefore(@Param("cutoff") Instant cutoff);
}
