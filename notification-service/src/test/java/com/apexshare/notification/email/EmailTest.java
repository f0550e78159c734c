package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The life of one owed email, and the changes it refuses. */
class EmailTest {

    private static final Instant NOW = Instant.parse("2025-05-18T09:30:00Z");
    private static final Delivery DELIVERY = new Delivery("msg-1", NOW, "SMTP", "a".repeat(64), NOW.plusSeconds(60));

    private final Email email = Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW);

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
