package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code suppressed_address} table. */
interface SuppressedAddressRows extends JpaRepository<SuppressedAddressRow, String> {

    /** Lists the address, or lists it again with the new reason if it had been lifted; the first listing wins. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO suppressed_address AS s (address_sha256, reason, file_id, suppressed_at)
            VALUES (:hash, :reason, :fileId, :at)
            ON CONFLICT (address_sha256) DO UPDATE SET reason = excluded.reason, file_id = excluded.file_id,
                suppressed_at = excluded.suppressed_at, lifted_at = NULL
            WHERE s.lifted_at IS NOT NULL
            """)
    int suppress(@Param("hash") String hash, @Param("reason") String reason, @Param("fileId") UUID fileId,
            @Param("at") Instant at);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE suppressed_address SET lifted_at = :at WHERE address_sha256 = :hash AND lifted_at IS NULL
            """)
    int lift(@Param("hash") String hash, @Param("at") Instant at);
}
