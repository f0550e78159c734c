package com.apexshare.platform.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting for publication: its topic, key and encoded value (Avro single-object bytes, or UTF-8 text for
 * JSON topics). A relay that claims it reserves it until {@code claimedUntil}; a crashed relay's claim runs out and
 * another replica sends it.
 */
@Entity
@Table(name = "outbox")
class OutboxRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String topic;

    @Column(name = "event_key", nullable = false)
    private String eventKey;

    @Column(nullable = false)
    private byte[] payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected OutboxRecord() {
        // for JPA
    }

    OutboxRecord(String topic, String eventKey, byte[] payload, Instant createdAt) {
        this.topic = topic;
        this.eventKey = eventKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    /** Reserves the row for one relay until {@code until}; counts the attempt. */
    void claim(Instant until) {
        this.claimedUntil = until;
        this.attempts++;
    }

    /** Gives the row back at once after a failed send, so the next run retries it. */
    void release() {
        this.claimedUntil = null;
    }

    Long id() {
        return id;
    }

    String topic() {
        return topic;
    }

    String eventKey() {
        return eventKey;
    }

    byte[] payload() {
        return payload;
    }

    Instant createdAt() {
        return createdAt;
    }

    int attempts() {
        return attempts;
    }
}
