package com.apexshare.notification.email;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.apexshare.events.link.LinkToken;

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
 *    |-------cancel---> CANCELLED (the upload is gone)
 *    '-----suppress---> SUPPRESSED (the address hard-bounced or complained before: nothing is sent)
 * </pre>
 *
 * Once {@code SENT}, the provider's reports move its <em>delivery state</em> ({@link #report}) forward only:
 * <pre>
 * (none) < DELAYED < DELIVERED < BOUNCED soft/undetermined < BOUNCED hard | REJECTED < COMPLAINED
 * </pre>
 * A hard bounce, a rejection and a complaint are final: nothing moves the state after them. A report that would not
 * move it forward (a redelivered SNS message, a DSN read twice, a delay reported after the delivery) changes nothing,
 * so reports may come twice and in any order. Each move counts up {@code delivery_sequence}, which the announced
 * events carry so that consumers can do the same.
 *
 * Every other change is refused with {@link IllegalEmailTransition}. A {@code SENDING} email is never sent again
 * automatically: the provider may have accepted it (see {@link EmailSender}). The rows are created by the ledger
 * ({@code INSERT … ON CONFLICT DO NOTHING}: the key is the exactly-once guard) and leased in bulk with
 * {@code SKIP LOCKED}; a claim and its outcome lock the one row they change. A student's email gets its link once
 * ({@link #issueLink}) and may be claimed only after download-service confirmed it ({@link #confirmLink}), so the
 * link works before the email can leave; the token is kept only until the email is sent, failed or cancelled.
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

    /** The token the email will carry, from its issue until the email is sent, failed or cancelled. */
    @Column(name = "link_token")
    private String linkToken;

    @Column(name = "link_issued_at")
    private Instant linkIssuedAt;

    @Column(name = "link_confirmed_at")
    private Instant linkConfirmedAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "last_error")
    private String lastError;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state")
    private DeliveryState deliveryState;

    @Enumerated(EnumType.STRING)
    @Column(name = "bounce_type")
    private BounceType bounceType;

    @Column(name = "delivery_sequence", nullable = false)
    private int deliverySequence;

    @Column(name = "delivery_reported_at")
    private Instant deliveryReportedAt;

    @Column(name = "delivery_diagnostic")
    private String deliveryDiagnostic;

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

    /**
     * Mints the link of this student email (the first one, a resend, a corrected address's, the reminder), once, of
     * the upload's current link generation: every attempt sends this one token, and download-service learns its hash
     * ({@code LinkIssued}) before the email may leave.
     */
    public void issueLink(LinkToken token, Instant expiresAt, int generation, Instant now) {
        require(EmailStatus.PENDING, "get a link");
        if (!kind.toStudent() || linkIssuedAt != null) {
            throw new IllegalEmailTransition(id(), status, "get a second link");
        }
        linkToken = token.reveal();
        linkTokenSha256 = token.sha256Hex();
        linkExpiresAt = expiresAt;
        linkGeneration = generation;
        linkIssuedAt = now;
        updatedAt = now;
    }

    /** Whether its link still has to be minted (a reminder, or emails owed before links were confirmed). */
    public boolean needsLink() {
        return kind.toStudent() && linkIssuedAt == null;
    }

    /** Whether it may be sent: a student's email only once download-service serves its link. */
    public boolean mayLeave() {
        return !kind.toStudent() || linkConfirmedAt != null;
    }

    /** The link generation its link belongs to; null before its link is issued. */
    public Integer linkGeneration() {
        return linkGeneration;
    }

    /** The hash of its link; null before its link is issued (and for the trainer's emails). */
    public String linkTokenSha256() {
        return linkTokenSha256;
    }

    /**
     * download-service serves the link with this hash ({@code LinkActivated}): a pending email becomes due at once.
     *
     * @return whether this confirmed the email's link (false for another hash or a repetition)
     */
    public boolean confirmLink(String tokenSha256, Instant now) {
        if (linkIssuedAt == null || linkConfirmedAt != null || !linkTokenSha256.equals(tokenSha256)) {
            return false;
        }
        linkConfirmedAt = now;
        if (status == EmailStatus.PENDING) {
            nextAttemptAt = now;
        }
        updatedAt = now;
        return true;
    }

    /** The token to write into the email; null when none was issued. */
    public String linkToken() {
        return linkToken;
    }

    /** Right before the provider call: {@code PENDING -> SENDING}, one more attempt. */
    public void claim(Instant now) {
        require(EmailStatus.PENDING, "be claimed");
        if (!mayLeave()) {
            throw new IllegalEmailTransition(id(), status, "be sent before its link is confirmed");
        }
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
        linkToken = null;
        linkGeneration = delivery.linkGeneration() == null ? linkGeneration : delivery.linkGeneration();
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
        linkToken = null;
        lastError = error;
        updatedAt = now;
    }

    /** The upload is gone (deleted, past its retention): {@code PENDING -> CANCELLED}. */
    public void cancel(String reason, Instant now) {
        require(EmailStatus.PENDING, "be cancelled");
        status = EmailStatus.CANCELLED;
        failureReason = reason;
        linkToken = null;
        leaseId = null;
        updatedAt = now;
    }

    /**
     * The address is on the suppression list: {@code PENDING -> SUPPRESSED}, nothing is sent. Its delivery state
     * becomes {@code SUPPRESSED} too (with {@code HARD} after a hard bounce), so that the dashboard says why.
     */
    public DeliveryChange suppress(SuppressionReason reason, Instant now) {
        require(EmailStatus.PENDING, "be suppressed");
        status = EmailStatus.SUPPRESSED;
        failureReason = "SUPPRESSED_" + reason.name();
        leaseId = null;
        linkToken = null;
        return moveDelivery(DeliveryState.SUPPRESSED, reason == SuppressionReason.HARD_BOUNCE ? BounceType.HARD : null,
                now, reason.name(), DeliverySource.SUPPRESSION_LIST, now);
    }

    /**
     * A provider's report on this sent email; the change it makes, or empty when it changes nothing (not sent by us,
     * a repeat, late, or the state is final). Never throws: a report is a fact from outside, not a command.
     */
    public Optional<DeliveryChange> report(DeliveryReport report, Instant now) {
        if (status != EmailStatus.SENT || isFinal(deliveryState, bounceType)
                || rank(report.state(), report.bounceType()) <= rank(deliveryState, bounceType)) {
            return Optional.empty();
        }
        return Optional.of(moveDelivery(report.state(), report.bounceType(), report.reportedAt(),
                report.diagnostic(), report.source(), now));
    }

    private DeliveryChange moveDelivery(DeliveryState state, BounceType bounce, Instant reportedAt,
            String diagnostic, DeliverySource source, Instant now) {
        deliveryState = state;
        bounceType = bounce;
        deliveryReportedAt = reportedAt;
        deliveryDiagnostic = diagnostic;
        deliverySequence++;
        updatedAt = now;
        return new DeliveryChange(state, bounce, deliverySequence, reportedAt, diagnostic, source);
    }

    /** Precedence of delivery states; see the class comment. */
    static int rank(DeliveryState state, BounceType bounce) {
        if (state == null) {
            return 0;
        }
        return switch (state) {
            case DELAYED -> 1;
            case DELIVERED -> 2;
            case BOUNCED -> bounce == BounceType.HARD ? 4 : 3;
            case REJECTED -> 4;
            case COMPLAINED -> 5;
            case SUPPRESSED -> 6;
        };
    }

    static boolean isFinal(DeliveryState state, BounceType bounce) {
        return state == DeliveryState.COMPLAINED || state == DeliveryState.REJECTED
                || state == DeliveryState.SUPPRESSED || (state == DeliveryState.BOUNCED && bounce == BounceType.HARD);
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

    /** Null while nothing was reported about the sent email. */
    public DeliveryState deliveryState() {
        return deliveryState;
    }

    public BounceType bounceType() {
        return bounceType;
    }

    public Instant deliveryReportedAt() {
        return deliveryReportedAt;
    }

    public String deliveryDiagnostic() {
        return deliveryDiagnostic;
    }

    public int deliverySequence() {
        return deliverySequence;
    }
}
