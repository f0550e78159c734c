package com.apexshare.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upload sessions. State changes are conditional updates ({@code … where status = IN_PROGRESS}), so that two replicas
 * racing on one upload (client complete and S3 notification, complete and abort) cannot both win.
 */
interface UploadSessionRepository extends JpaRepository<UploadSession, UUID> {

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadSession s set s.status = :completed, s.completedAt = :at, s.completedSize = :size, "
            + "s.completedEtag = :eTag where s.fileId = :fileId and s.status = :inProgress")
    int markCompleted(@Param("fileId") UUID fileId, @Param("at") Instant at, @Param("size") long size,
            @Param("eTag") String eTag, @Param("completed") UploadStatus completed,
            @Param("inProgress") UploadStatus inProgress);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UploadSession s set s.status = :aborted, s.abortedAt = :at "
            + "where s.fileId = :fileId and s.status = :inProgress")
    int markAborted(@Param("fileId") UUID fileId, @Param("at") Instant at, @Param("aborted") UploadStatus aborted,
            @Param("inProgress") UploadStatus inProgress);

    /**
     * The oldest unfinished uploads started before the cutoff, locked for this transaction; rows another replica
     * holds are skipped, so replicas running the job at once share the work instead of colliding.
     */
    @Query(value = "SELECT * FROM upload_session WHERE status = 'IN_PROGRESS' AND initiated_at < :cutoff "
            + "ORDER BY initiated_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<UploadSession> lockStale(@Param("cutoff") Instant cutoff, @Param("limit") int limit);
}
