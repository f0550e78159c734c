package com.apexshare.upload.quota.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code trainer_usage} table. */
interface QuotaUsageRepository extends JpaRepository<QuotaUsageRow, UUID> {

    /** A transaction-scoped advisory lock per trainer: rows that do not exist yet cannot be locked. */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtextextended(:trainerId, 0))) locked",
            nativeQuery = true)
    Integer lockTrainer(@Param("trainerId") String trainerId);

    /** uploads in the hour, bytes in the day, distinct students in the hour, whether the student is among them. */
    @Query(value = """
            select count(*) filter (where started_at > :hourStart),
                   coalesce(sum(declared_bytes), 0),
                   count(distinct student_sha256) filter (where started_at > :hourStart),
                   coalesce(bool_or(student_sha256 = :studentHash and started_at > :hourStart), false)
            from trainer_usage where trainer_id = :trainerId and started_at > :dayStart
            """, nativeQuery = true)
    List<Object[]> totals(@Param("trainerId") String trainerId, @Param("hourStart") Instant hourStart,
            @Param("dayStart") Instant dayStart, @Param("studentHash") String studentHash);

    @Query("select u from QuotaUsageRow u where u.trainerId = :trainerId and u.startedAt > :cutoff "
            + "order by u.startedAt, u.fileId")
    List<QuotaUsageRow> findSince(@Param("trainerId") String trainerId, @Param("cutoff") Instant cutoff);

    @Modifying
    @Query("delete from QuotaUsageRow u where u.trainerId = :trainerId and u.startedAt <= :cutoff")
    int deleteBefore(@Param("trainerId") String trainerId, @Param("cutoff") Instant cutoff);
}
