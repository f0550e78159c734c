package com.apexshare.catalog.upload.persistence;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.apexshare.catalog.upload.persistence.LedgerRows.DeliveryRows;

/**
 * The {@code email_delivery} table: one upsert per poll, rows in file-id order (so two transactions lock their common
 * rows in the same order), keeping per upload the report with the highest sequence: a repeat or a late report leaves
 * the row as it is, whatever the order of arrival.
 */
interface DeliveryRecords extends JpaRepository<DeliveryRecord, UUID> {

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email_delivery AS d (file_id, state, sequence, reported_at, bounce_type, source)
            SELECT x.file_id, x.state, x.sequence, timestamptz 'epoch' + x.ms * interval '1 millisecond',
                   x.bounce_type, x.source
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.states} AS text[]),
                        CAST(:#{#rows.sequences} AS integer[]), CAST(:#{#rows.millis} AS bigint[]),
                        CAST(:#{#rows.bounceTypes} AS text[]), CAST(:#{#rows.sources} AS text[]))
                 AS x(file_id, state, sequence, ms, bounce_type, source)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                state = excluded.state, sequence = excluded.sequence, reported_at = excluded.reported_at,
                bounce_type = excluded.bounce_type, source = excluded.source
            WHERE excluded.sequence > d.sequence
            """)
    int report(@Param("rows") DeliveryRows rows);
}
