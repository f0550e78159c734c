package com.apexshare.notification.email.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.events.EmailBounceType;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailDeliverySource;
import com.apexshare.events.EmailDeliveryState;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailFailureReason;
import com.apexshare.events.EmailPurpose;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.Topics;
import com.apexshare.notification.email.Delivery;
import com.apexshare.notification.email.DeliveryChange;
import com.apexshare.notification.email.EmailEvents;
import com.apexshare.notification.email.EmailKind;
import com.apexshare.notification.email.FailureReason;
import com.apexshare.platform.outbox.Outbox;

/**
 * Writes {@code LinkIssued}, {@code EmailSent} / {@code EmailFailed} / {@code EmailDeliveryReported} into the
 * platform's outbox, inside the caller's transaction: the
 * email's state and its event commit together, and the platform's relay publishes them (at least once; consumers
 * recognise a repeat by {@code eventId}). Never the token: only its hash.
 */
@Component
class EmailEventsOutbox implements EmailEvents {

    private final Outbox outbox;
    private final Clock clock;

    EmailEventsOutbox(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void linkIssued(UUID fileId, String tokenSha256, Instant expiresAt, int linkGeneration, Instant issuedAt) {
        outbox.append(Topics.LINK_ISSUED, fileId, LinkIssued.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(issuedAt)
                .setFileId(fileId.toString())
                .setLinkTokenSha256(tokenSha256)
                .setLinkExpiresAt(expiresAt)
                .setLinkGeneration(linkGeneration)
                .build());
    }

    @Override
    public void emailSent(UUID fileId, EmailKind kind, Delivery delivery) {
        outbox.append(Topics.EMAIL_SENT, fileId, EmailSent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFileId(fileId.toString())
                .setProviderMessageId(delivery.providerMessageId())
                .setSentAt(delivery.acceptedAt())
                .setLinkTokenSha256(delivery.linkTokenSha256())
                .setLinkExpiresAt(delivery.linkExpiresAt())
                .setTransport(transport(delivery.transport()))
                .setLinkGeneration(delivery.linkGeneration() == null ? 1 : delivery.linkGeneration())
                .setPurpose(purpose(kind))
                .build());
    }

    private static EmailPurpose purpose(EmailKind kind) {
        return switch (kind) {
            case STUDENT_LINK -> EmailPurpose.FIRST;
            case STUDENT_RESEND -> EmailPurpose.RESENT;
            case STUDENT_NEW_ADDRESS -> EmailPurpose.ADDRESS_CHANGED;
            case STUDENT_REMINDER -> EmailPurpose.REMINDER;
            case TRAINER_FIRST_DOWNLOAD, TRAINER_DELIVERY_PROBLEM, TRAINER_DIGEST -> EmailPurpose.OTHER;
        };
    }

    @Override
    public void emailFailed(UUID fileId, FailureReason reason, String detail, Instant failedAt) {
        outbox.append(Topics.EMAIL_FAILED, fileId, EmailFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(failedAt)
                .setFileId(fileId.toString())
                .setReason(EmailFailureReason.valueOf(reason.name()))
                .setDetail(detail)
                .build());
    }

    @Override
    public void emailDeliveryReported(UUID fileId, DeliveryChange change) {
        outbox.append(Topics.EMAIL_DELIVERY_REPORTED, fileId, EmailDeliveryReported.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFileId(fileId.toString())
                .setState(EmailDeliveryState.valueOf(change.state().name()))
                .setSequence(change.sequence())
                .setReportedAt(change.reportedAt())
                .setBounceType(change.bounceType() == null ? null : EmailBounceType.valueOf(change.bounceType().name()))
                .setSource(switch (change.source()) {
                    case SES_EVENT -> EmailDeliverySource.SES_EVENT;
                    case SMTP_DSN -> EmailDeliverySource.SMTP_DSN;
                    case SUPPRESSION_LIST -> EmailDeliverySource.SUPPRESSION_LIST;
                })
                .setDiagnostic(change.diagnostic())
                .build());
    }

    private static EmailTransport transport(String name) {
        try {
            return EmailTransport.valueOf(name);
        } catch (IllegalArgumentException e) {
            return EmailTransport.OTHER;
        }
    }
}
