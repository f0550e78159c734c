package com.apexshare.catalog.retention.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import com.apexshare.catalog.retention.ExpiringUpload;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

/** The upload rows as retention sees them. */
interface ExpiringUploadRecords extends JpaRepository<ExpiringUpload, UUID> {

    /**
     * Claimable uploads, locked so that other replicas' runs and the ledger's polls are skipped rather than waited for
     * ({@code FOR UPDATE SKIP LOCKED}: lock timeout -2 in Hibernate). {@code expiredAt is null} lets PostgreSQL use the
     * partial index {@code upload_retention_due (retention_until) WHERE expired_at IS NULL}.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select u from ExpiringUpload u where u.expiredAt is null and u.retentionUntil <= :now"
            + " and (u.claimedUntil is null or u.claimedUntil <= :now) order by u.retentionUntil")
    List<ExpiringUpload> findClaimable(@Param("now") Instant now, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<ExpiringUpload> findByFileIdInOrderByFileId(Collection<UUID> fileIds);
}
