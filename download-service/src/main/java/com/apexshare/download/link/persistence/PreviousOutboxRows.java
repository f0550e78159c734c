package com.apexshare.download.link.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

/** The previous version's {@code downloaded_outbox} table. */
interface PreviousOutboxRows extends JpaRepository<PreviousOutboxRow, UUID> {

    /** Oldest first, {@code FOR UPDATE SKIP LOCKED} (lock timeout -2): rows an old replica is relaying are skipped. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select r from PreviousOutboxRow r order by r.occurredAt")
    List<PreviousOutboxRow> findWaiting(Limit limit);
}
