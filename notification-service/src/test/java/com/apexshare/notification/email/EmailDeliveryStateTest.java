package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.notification.email.DeliveryReport.MessageReference;

/** The delivery state of a sent email: forward only, final after a hard bounce, a rejection or a complaint. */
class EmailDeliveryStateTest {

    private static final Instant NOW = Instant.parse("2025-05-18T09:30:00Z");
    private static final MessageReference REF = MessageReference.providerMessageId("msg-1");

    private static DeliveryReport report(DeliveryState state, BounceType bounce) {
        return new DeliveryReport(REF, state, bounce, NOW, "x", DeliverySource.SES_EVENT);
    }

    private static final DeliveryReport DELAYED = report(DeliveryState.DELAYED, null);
    private static final DeliveryReport DELIVERED = report(DeliveryState.DELIVERED, null);
    private static final DeliveryReport SOFT = report(DeliveryState.BOUNCED, BounceType.SOFT);
    private static final DeliveryReport HARD = report(DeliveryState.BOUNCED, BounceType.HARD);
    private static final DeliveryReport COMPLAINT = report(DeliveryState.COMPLAINED, null);
    private static final DeliveryReport REJECT = report(DeliveryState.REJECTED, null);

    private static Email sent() {
        Email email = Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW);
        com.apexshare.events.link.LinkToken token = com.apexshare.events.link.LinkToken.generate();
        email.issueLink(token, NOW.plusSeconds(60), 1, NOW);
        email.confirmLink(token.sha256Hex(), NOW);
        email.claim(NOW);
        email.markSent(new Delivery("msg-1", NOW, "SES", "a".repeat(64), NOW.plusSeconds(60)), NOW);
        return email;
    }

    @Test
    void shouldMoveForwardThroughDelayDeliveryAndBounceCountingEachMove() {
        // Given a sent email
        Email email = sent();

        // When it is delayed, delivered, then hard-bounces
        Optional<DeliveryChange> delayed = email.report(DELAYED, NOW);
        Optional<DeliveryChange> delivered = email.report(DELIVERED, NOW);
        Optional<DeliveryChange> bounced = email.report(HARD, NOW);

        // Then each is a move with the next sequence, the bounce needing the trainer and suppressing the address
        assertThat(delayed).get().extracting(DeliveryChange::sequence).isEqualTo(1);
        assertThat(delivered).get().extracting(DeliveryChange::sequence).isEqualTo(2);
        assertThat(bounced).get().satisfies(change -> {
            assertThat(change.sequence()).isEqualTo(3);
            assertThat(change.needsTrainerAttention()).isTrue();
            assertThat(change.suppressionReason()).isEqualTo(SuppressionReason.HARD_BOUNCE);
        });
        assertThat(email.deliveryState()).isEqualTo(DeliveryState.BOUNCED);
        assertThat(email.bounceType()).isEqualTo(BounceType.HARD);
    }

    @Test
    void shouldEndInTheSameStateWhateverTheOrderAndRepetitionOfTheReports() {
        // Given every order of a delay, a delivery, a soft bounce and a complaint, each report sent twice
        List<DeliveryReport> reports = List.of(DELAYED, DELIVERED, SOFT, COMPLAINT, DELAYED, DELIVERED);
        for (List<DeliveryReport> order : permutations(reports)) {
            Email email = sent();
            int lastSequence = 0;

            // When they arrive in that order
            for (DeliveryReport report : order) {
                Optional<DeliveryChange> change = email.report(report, NOW);
                // Then a state never moves backwards: each move has a higher sequence
                if (change.isPresent()) {
                    assertThat(change.get().sequence()).isGreaterThan(lastSequence);
                    lastSequence = change.get().sequence();
                }
            }

            // and the complaint, which is final and ranks highest, always wins
            assertThat(email.deliveryState()).as("order %s", order).isEqualTo(DeliveryState.COMPLAINED);
            assertThat(email.deliverySequence()).isEqualTo(lastSequence);
        }
    }

    @Test
    void shouldKeepAHardBounceOrARejectionFinal() {
        // Given emails that hard-bounced and were rejected
        Email bounced = sent();
        bounced.report(HARD, NOW);
        Email rejected = sent();
        rejected.report(REJECT, NOW);

        // When a delivery, a complaint and anything else arrive afterwards
        for (DeliveryReport late : List.of(DELIVERED, COMPLAINT, SOFT, DELAYED, HARD, REJECT)) {
            // Then nothing changes
            assertThat(bounced.report(late, NOW)).isEmpty();
            assertThat(rejected.report(late, NOW)).isEmpty();
        }
        assertThat(bounced.deliveryState()).isEqualTo(DeliveryState.BOUNCED);
        assertThat(bounced.deliverySequence()).isEqualTo(1);
        assertThat(rejected.deliveryState()).isEqualTo(DeliveryState.REJECTED);
    }

    @Test
    void shouldLetASoftBounceBeFollowedByAHardOneButNotByADelivery() {
        // Given a soft bounce
        Email email = sent();
        email.report(SOFT, NOW);

        // When a late delivery, then a hard bounce, arrive
        // Then the delivery changes nothing and the hard bounce does
        assertThat(email.report(DELIVERED, NOW)).isEmpty();
        assertThat(email.report(HARD, NOW)).isPresent();
        assertThat(email.bounceType()).isEqualTo(BounceType.HARD);
    }

    @Test
    void shouldIgnoreReportsOnEmailsThatWereNotSent() {
        // Given an email still pending
        Email email = Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW);

        // When a report names it / Then nothing changes
        assertThat(email.report(DELIVERED, NOW)).isEmpty();
        assertThat(email.deliveryState()).isNull();
    }

    @Test
    void shouldSuppressAPendingEmailAndRefuseToSuppressAnotherState() {
        // Given a pending email to a suppressed address
        Email email = Email.owed(UUID.randomUUID(), EmailKind.STUDENT_LINK, NOW);

        // When it is suppressed
        DeliveryChange change = email.suppress(SuppressionReason.HARD_BOUNCE, NOW);

        // Then it is never sent and says why; a suppressed email cannot be claimed or suppressed again
        assertThat(email.status()).isEqualTo(EmailStatus.SUPPRESSED);
        assertThat(change.state()).isEqualTo(DeliveryState.SUPPRESSED);
        assertThat(change.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(change.source()).isEqualTo(DeliverySource.SUPPRESSION_LIST);
        assertThat(change.needsTrainerAttention()).isTrue();
        assertThatThrownBy(() -> email.claim(NOW)).isInstanceOf(IllegalEmailTransition.class);
        assertThatThrownBy(() -> email.suppress(SuppressionReason.COMPLAINT, NOW))
                .isInstanceOf(IllegalEmailTransition.class);
        assertThat(email.report(DELIVERED, NOW)).isEmpty();
    }

    @Test
    void shouldKeepNoAddressOrFreeTextInTheDiagnostic() {
        // Given a provider's diagnostic quoting the address
        DeliveryReport report = new DeliveryReport(REF, DeliveryState.BOUNCED, BounceType.HARD, NOW,
                "Permanent General 5.1.1 <sue@example.com> sue@example.com \"Sue\"", DeliverySource.SES_EVENT);

        // Then only the classification and the codes remain
        assertThat(report.diagnostic()).isEqualTo("Permanent General 5.1.1");
        assertThat(new DeliveryReport(REF, DeliveryState.DELIVERED, BounceType.HARD, NOW, null,
                DeliverySource.SES_EVENT).bounceType()).isNull();
        assertThat(AddressHash.of(" Sue@Example.com ")).isEqualTo(AddressHash.of("sue@example.com")).hasSize(64);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                out.add(order);
            }
        }
        return out;
    }
}
