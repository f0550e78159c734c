package com.apexshare.notification.email.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row of {@code send_pacer}: the earliest epoch microsecond at which the next provider call may start. */
@Entity
@Table(name = "send_pacer")
class SendPacerRow {

    @Id
    @Column(name = "id")
    private short id;

    @Column(name = "next_slot_micros", nullable = false)
    private long nextSlotMicros;

    protected SendPacerRow() {
        // for JPA
    }
}
