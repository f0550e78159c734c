package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One email the service owes (the {@code email} table): its life and the only ways to change it.
 *
 * <pre>
 * PENDING --claim--> SENDING --markSent--> SENT
 *    |                  |------retryAt---> PENDING (transient failure, due again later)
 *    |                  '----markFailed--> FAILED
 *    '-------cancel---> CANCELLED (the upload is gone)
 * </pre>
 *
 * Every other change is refused with {@link IllegalEmailTransition}. A {@code SENDING} email is never sent again
 * automatically: the provider may have accepted it (see {@link EmailSender}). The rows are created by the ledger
 * ({@code INSERT … ON CONFLICT DO NOTHING}: the key is the exactly-once guard) and leased in bulk with
 * {@code SKIP LOCKED}; a claim and its outcome lock the one row they change.
 */
@Entity
@Table(name = "email")
@IdClass(EmailId.class)
public class Email {

    @Id
    @Column(name = "file_id")
    private UUID fileId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private EmailKind kind;

    /** Tells emails of one kind apart (see {@link EmailId}); empty for the kinds sent at most once. */
    @Id
    @Column(name = "ref")
    private String ref = "";

    @Column(name = "link_generation")
    private Integer linkGeneration;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private EmailStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_id")
    private UUID leaseId;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "transport")
    private String transport;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "link_token_sha256", columnDefinition = "bpchar(64)")
    private String linkTokenSha256;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Email() {
        // for JPA
    }

    /** A new owed email, due at once (the ledger normally inserts these with ON CONFLICT DO NOTHING). */
    public static Email owed(UUID fileId, EmailKind kind, Instant now) {
        Email email = new Email();
        email.fileId = fileId;
        email.kind = kind;
        email.status = EmailStatus.PENDING;
        email.nextAttemptAt = now;
        email.createdAt = now;
        email.updatedAt = now;
        return email;
    }

    /** Whether this replica's lease still holds the email: still {@code PENDING} and leased to {@code leaseId}. */
    public boolean isLeasedBy(UUID lease) {
        return status == EmailStatus.PENDING && lease != null && lease.equals(leaseId);
    }

    /** Right before the provider call: {@code PENDING -> SENDING}, one more attempt. */
    public void claim(Instant now) {
        require(EmailStatus.PENDING, "be claimed");
        status = EmailStatus.SENDING;
        attempts++;
        claimedAt = now;
        leaseId = null;
        updatedAt = now;
    }

    /** The provider accepted it: {@code SENDING -> SENT}. */
    public void markSent(Delivery delivery, Instant now) {
        require(EmailStatus.SENDING, "be marked sent");
        status = EmailStatus.SENT;
        sentAt = delivery.acceptedAt();
        transport = delivery.transport();
        providerMessageId = delivery.providerMessageId();
        linkTokenSha256 = delivery.linkTokenSha256();
        linkExpiresAt = delivery.linkExpiresAt();
        linkGeneration = delivery.linkGeneration();
        lastError = null;
        updatedAt = now;
    }

    /** A transient failure: {@code SENDING -> PENDING}, due again at {@code next}. */
    public void retryAt(Instant next, String error, Instant now) {
        require(EmailStatus.SENDING, "be retried");
        status = EmailStatus.PENDING;
        nextAttemptAt = next;
        lastError = error;
        updatedAt = now;
    }

    /** Given up for good: {@code SENDING -> FAILED}. */
    public void markFailed(FailureReason reason, String error, Instant now) {
        require(EmailStatus.SENDING, "be marked failed");
        status = EmailStatus.FAILED;
        failureReason = reason.name();
        lastError = error;
        updatedAt = now;
    }

    /** The upload is gone (deleted, past its retention): {@code PENDING -> CANCELLED}. */
    public void cancel(String reason, Instant now) {
        require(EmailStatus.PENDING, "be cancelled");
        status = EmailStatus.CANCELLED;
        failureReason = reason;
        leaseId = null;
        updatedAt = now;
    }

    private void require(EmailStatus expected, String change) {
        if (status != expected) {
            throw new IllegalEmailTransition(id(), status, change);
        }
    }

    public EmailId id() {
        return new EmailId(fileId, kind, ref);
    }

    public String ref() {
        return ref;
    }

    public UUID fileId() {
        return fileId;
    }

    public EmailKind kind() {
        return kind;
    }

    public EmailStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** When it is due; shown only while it is {@code PENDING}. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String transport() {
        return transport;
    }

    public Instant linkExpiresAt() {
        return linkExpiresAt;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
