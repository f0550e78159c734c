package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code link_visit} table. */
interface LinkVisitRepository extends JpaRepository<LinkVisitRow, LinkVisitRow.Key> {

    /**
     * Inserts the visit unless it is there; 1 when this statement inserted it. Two concurrent first starts of one
     * visit: the second waits for the first's transaction and then inserts nothing, so exactly one of them counts.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO link_visit (token_sha256, visit_id, created_at)
            VALUES (:tokenSha256, :visitId, :createdAt)
            ON CONFLICT (token_sha256, visit_id) DO NOTHING
            """)
    int insertIfAbsent(@Param("tokenSha256") String tokenSha256, @Param("visitId") UUID visitId,
            @Param("createdAt") Instant createdAt);
}
