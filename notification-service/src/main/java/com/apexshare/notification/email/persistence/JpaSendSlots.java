package com.apexshare.notification.email.persistence;

import org.springframework.stereotype.Component;

import com.apexshare.notification.email.SendSlots;

/** The send-rate slot row in PostgreSQL. */
@Component
class JpaSendSlots implements SendSlots {

    private final SendPacerRows rows;

    JpaSendSlots(SendPacerRows rows) {
        this.rows = rows;
    }

    @Override
    public long reserve(long nowMicros, long intervalMicros) {
        return rows.reserve(nowMicros, intervalMicros);
    }
}
