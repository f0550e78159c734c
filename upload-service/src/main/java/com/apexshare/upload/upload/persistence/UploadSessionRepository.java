package com.apexshare.upload.upload.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import com.apexshare.upload.upload.UploadSession;
import com.apexshare.upload.upload.UploadStatus;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

/** The {@code upload_session} table. */
interface UploadSessionRepository extends JpaRepository<UploadSession, UUID> {

    /** The session, locked until the transaction ends, so that concurrent changes of one upload take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from UploadSession s where s.fileId = :fileId")
    Optional<UploadSession> findForUpdate(@Param("fileId") UUID fileId);

    /**
     * Sessions for housekeeping, oldest first, locked; rows another replica holds are skipped ({@code FOR UPDATE SKIP
     * LOCKED}: lock timeout -2 in Hibernate), so replicas running the job at once share the work.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select s from UploadSession s where (s.status = :inProgress and s.initiatedAt < :startedBefore) "
            + "or (s.status = :aborting and s.abortStartedAt < :abortClaimedBefore) order by s.initiatedAt")
    List<UploadSession> findStaleForUpdate(@Param("startedBefore") Instant startedBefore,
            @Param("abortClaimedBefore") Instant abortClaimedBefore, @Param("inProgress") UploadStatus inProgress,
            @Param("aborting") UploadStatus aborting, Limit limit);

    /** Trainer deletes claimed long ago and never settled, oldest first, locked; rows held elsewhere are skipped. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select s from UploadSession s where s.status = :deleting and s.deleteStartedAt < :claimedBefore"
            + " order by s.deleteStartedAt")
    List<UploadSession> findStalledDeletesForUpdate(@Param("claimedBefore") Instant claimedBefore,
            @Param("deleting") UploadStatus deleting, Limit limit);
}
