package com.apexshare.notification.email.persistence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** The send-rate slot: one atomic {@code UPDATE … RETURNING}, so every replica gets a slot of its own. */
interface SendPacerRows extends JpaRepository<SendPacerRow, Short> {

    /** Not a modifying query to Spring Data (it returns the reserved slot), but a write: a transaction of its own. */
    @Transactional
    @Query(nativeQuery = true, value = """
            UPDATE send_pacer SET next_slot_micros = GREATEST(next_slot_micros, :now) + :interval
            WHERE id = 1
            RETURNING next_slot_micros - :interval
            """)
    long reserve(@Param("now") long nowMicros, @Param("interval") long intervalMicros);
}
