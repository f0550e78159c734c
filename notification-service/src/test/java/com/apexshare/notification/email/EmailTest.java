package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.events.link.LinkToken;

/** The life of one owed email, and the changes it refuses. */
class EmailTest {

    private static final Instant NOW = Instant.parse("2025-05-18T09:30:00Z");
    private static final Delivery DELIVERY = new Delivery("msg-1", NOW, "SMTP", "a".repeat(64), NOW.plusSeconds(60));

    private static final LinkToken TOKEN = LinkToken.generate();

    /** An owed student email whose link was issued and confirmed by download-service: it may leave. */
    private final Email email = confirmed(Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW));

    @Test
    void shouldNotLeaveBeforeDownloadServiceConfirmedItsLink() {
        // Given an owed student email without a link, then with an issued one
        Email owed = Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW);
        assertThat(owed.needsLink()).isTrue();
        assertThatThrownBy(() -> owed.claim(NOW)).isInstanceOf(IllegalEmailTransition.class);
        owed.issueLink(TOKEN, NOW.plusSeconds(60), 1, NOW);
        assertThat(owed.needsLink()).isFalse();
        assertThat(owed.linkToken()).isEqualTo(TOKEN.reveal());

        // When a confirmation of another link arrives, Then it still may not leave
        assertThat(owed.confirmLink(LinkToken.generate().sha256Hex(), NOW)).isFalse();
        assertThat(owed.mayLeave()).isFalse();
        assertThatThrownBy(() -> owed.claim(NOW)).isInstanceOf(IllegalEmailTransition.class);
        // and a second link is refused: every attempt carries the one confirmed link
        assertThatThrownBy(() -> owed.issueLink(LinkToken.generate(), NOW, 1, NOW))
                .isInstanceOf(IllegalEmailTransition.class);

        // When its own link is confirmed, Then it is due at once and may leave; a repetition changes nothing
        assertThat(owed.confirmLink(TOKEN.sha256Hex(), NOW.plusSeconds(5))).isTrue();
        assertThat(owed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(owed.confirmLink(TOKEN.sha256Hex(), NOW.plusSeconds(9))).isFalse();
        owed.claim(NOW.plusSeconds(6));
        assertThat(owed.status()).isEqualTo(EmailStatus.SENDING);

        // and the token leaves the row with the email
        owed.markSent(DELIVERY, NOW.plusSeconds(7));
        assertThat(owed.linkToken()).isNull();
    }

    @Test
    void shouldLetATrainerEmailLeaveWithoutALink() {
        // Given an owed trainer email / When it is claimed / Then it needs no link
        Email trainer = Email.owed(UUID.randomUUID(), EmailKind.TRAINER_FIRST_DOWNLOAD, NOW);
        assertThat(trainer.needsLink()).isFalse();
        trainer.claim(NOW);
        assertThat(trainer.status()).isEqualTo(EmailStatus.SENDING);
    }

    private static Email confirmed(Email owed) {
        owed.issueLink(TOKEN, NOW.plusSeconds(60), 1, NOW);
        owed.confirmLink(TOKEN.sha256Hex(), NOW);
        return owed;
    }

    @Test
    void shouldGoFromPendingThroughSendingToSent() {
        // Given an owed email
        // When it is claimed and the provider accepts it
        email.claim(NOW);
        assertThat(email.status()).isEqualTo(EmailStatus.SENDING);
        email.markSent(DELIVERY, NOW.plusSeconds(1));

        // Then it is sent once, with what the provider said
        assertThat(email.status()).isEqualTo(EmailStatus.SENT);
        assertThat(email.attempts()).isEqualTo(1);
        assertThat(email.sentAt()).isEqualTo(NOW);
        assertThat(email.transport()).isEqualTo("SMTP");
        assertThat(email.linkExpiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void shouldBecomeDueAgainAfterATransientFailureAndCountEveryAttempt() {
        // Given a claimed email
        email.claim(NOW);

        // When it fails transiently and is claimed again
        email.retryAt(NOW.plusSeconds(5), "SMTP 451", NOW);
        assertThat(email.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(email.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        email.claim(NOW.plusSeconds(5));

        // Then it is sending its second attempt
        assertThat(email.status()).isEqualTo(EmailStatus.SENDING);
        assertThat(email.attempts()).isEqualTo(2);
    }

    @Test
    void shouldRecordAPermanentFailure() {
        // Given a claimed email
        email.claim(NOW);

        // When the provider refuses it for good
        email.markFailed(FailureReason.RECIPIENT_REJECTED, "SMTP 550", NOW);

        // Then it is failed with its reason
        assertThat(email.status()).isEqualTo(EmailStatus.FAILED);
        assertThat(email.failureReason()).isEqualTo("RECIPIENT_REJECTED");
    }

    @Test
    void shouldRefuseToMarkSentOrFailedOrRetriedAnEmailThatWasNeverClaimed() {
        // Given an owed, unclaimed email
        // When it is marked sent, failed or retried
        // Then each change is refused and the email stays pending
        assertThatThrownBy(() -> email.markSent(DELIVERY, NOW)).isInstanceOf(IllegalEmailTransition.class);
        assertThatThrownBy(() -> email.markFailed(FailureReason.OTHER, "x", NOW))
                .isInstanceOf(IllegalEmailTransition.class);
        assertThatThrownBy(() -> email.retryAt(NOW, "x", NOW)).isInstanceOf(IllegalEmailTransition.class);
        assertThat(email.status()).isEqualTo(EmailStatus.PENDING);
    }

    @Test
    void shouldNeverSendASendingOrSentEmailAgain() {
        // Given an email being sent
        email.claim(NOW);

        // When it is claimed again (the provider may have accepted it), or claimed or cancelled once sent
        // Then each is refused
        assertThatThrownBy(() -> email.claim(NOW)).isInstanceOf(IllegalEmailTransition.class)
                .hasMessageContaining("SENDING");
        assertThatThrownBy(() -> email.cancel("UPLOAD_DELETED", NOW)).isInstanceOf(IllegalEmailTransition.class);
        email.markSent(DELIVERY, NOW);
        assertThatThrownBy(() -> email.claim(NOW)).isInstanceOf(IllegalEmailTransition.class);
        assertThatThrownBy(() -> email.markSent(DELIVERY, NOW)).isInstanceOf(IllegalEmailTransition.class);
        assertThat(email.status()).isEqualTo(EmailStatus.SENT);
    }

    @Test
    void shouldCancelOnlyAPendingEmailAndThenRefuseToClaimIt() {
        // Given an owed email
        // When its upload is deleted
        email.cancel("UPLOAD_DELETED", NOW);

        // Then it is cancelled and can no longer be claimed
        assertThat(email.status()).isEqualTo(EmailStatus.CANCELLED);
        assertThat(email.failureReason()).isEqualTo("UPLOAD_DELETED");
        assertThat(email.linkToken()).isNull();
        assertThatThrownBy(() -> email.claim(NOW)).isInstanceOf(IllegalEmailTransition.class);
    }

    @Test
    void shouldBeHeldOnlyByTheLeaseThatReservedIt() {
        // Given an owed email nobody leased
        // When asked whether a lease holds it
        // Then none does
        assertThat(email.isLeasedBy(UUID.randomUUID())).isFalse();
        assertThat(email.isLeasedBy(null)).isFalse();
    }
}
