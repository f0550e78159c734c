package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import com.apexshare.catalog.upload.DeliveryView;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read-only JPA view of an upload's latest delivery report; written set-based by {@link DeliveryRecords}. */
@Entity
@Immutable
@Table(name = "email_delivery")
class DeliveryRecord {

    @Id
    @Column(name = "file_id")
    private UUID fileId;
    @Column(name = "state", columnDefinition = "text")
    private String state;
    @Column(name = "sequence")
    private int sequence;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "bounce_type", columnDefinition = "text")
    private String bounceType;
    @Column(name = "source", columnDefinition = "text")
    private String source;

    protected DeliveryRecord() {
    }

    UUID fileId() {
        return fileId;
    }

    DeliveryView toView() {
        return new DeliveryView(state, reportedAt, bounceType);
    }
}
