package com.apexshare.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

/** The outbox table. */
interface OutboxRecords extends JpaRepository<OutboxRecord, Long> {

    /**
     * Rows nobody holds, oldest first, locked so that concurrent relays (other replicas) skip them instead of waiting
     * ({@code FOR UPDATE SKIP LOCKED}: lock timeout -2 in Hibernate).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select r from OutboxRecord r where r.claimedUntil is null or r.claimedUntil < :now order by r.id")
    List<OutboxRecord> findClaimable(@Param("now") Instant now, Limit limit);

    @Query("select min(r.createdAt) from OutboxRecord r")
    Optional<Instant> oldestCreatedAt();
}
