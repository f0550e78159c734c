package com.apexshare.notification.email.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.notification.email.Digests;
import com.apexshare.notification.email.TrainerDigest;

/** The digests in PostgreSQL; each call is one short transaction (none is open while the provider is called). */
@Component
class JpaDigests implements Digests {

    private final TrainerDigestRows rows;

    JpaDigests(TrainerDigestRows rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public List<Recipient> claim(LocalDate day, Instant now, int max) {
        return rows.claim(day, now, max).stream()
                .map(r -> new Recipient((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrainerDigest.Line> liveUploadsOf(String trainerId, Instant now, int max) {
        return rows.liveUploads(trainerId, now, max).stream()
                .map(r -> new TrainerDigest.Line((UUID) r[0], (String) r[1], (String) r[2], date(r[3]), instant(r[4]),
                        instant(r[5])))
                .toList();
    }

    @Override
    @Transactional
    public void sent(String trainerId, LocalDate day, String providerMessageId, Instant at) {
        rows.settle(trainerId, day, "SENT", at, providerMessageId, null);
    }

    @Override
    @Transactional
    public void failed(String trainerId, LocalDate day, String reason, Instant at) {
        rows.settle(trainerId, day, "FAILED", at, null, reason);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
