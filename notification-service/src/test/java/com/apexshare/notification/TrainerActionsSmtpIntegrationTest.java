package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.events.EmailPurpose;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadInitiated;
import com.apexshare.notification.email.SuppressionReason;
import com.apexshare.notification.email.Suppressions;
import com.apexshare.notification.support.DownloadServiceStandIn;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.internet.MimeMessage;

/**
 * The trainer's actions as the student's inbox sees them: one email per resend request (however often it is
 * delivered), one to a corrected address and none more to the old one, none after the links were revoked.
 */
class TrainerActionsSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Suppressions suppressions;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldSendOneEmailPerResendRequestEvenWhenARequestIsDeliveredTwice() {
        // Given a completed upload whose student got the first email
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("resend");
        completedAndEmailed(fileId, student);

        // When the trainer asks twice, the first request delivered twice
        StudentEmailResent first = resent(fileId);
        Events.publish(Topics.STUDENT_EMAIL_RESENT, first);
        Events.publish(Topics.STUDENT_EMAIL_RESENT, first);
        Events.publish(Topics.STUDENT_EMAIL_RESENT, resent(fileId));

        // Then the student has exactly three emails, each with its own link, announced as FIRST, RESENT, RESENT
        await().atMost(WAIT).until(() -> Events.read(Topics.EMAIL_SENT, fileId).size() >= 3);
        assertThat(Mailbox.messagesTo(student)).hasSize(3);
        List<EmailSent> sent = Events.read(Topics.EMAIL_SENT, fileId);
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(EmailSent::getPurpose)
                .containsExactlyInAnyOrder(EmailPurpose.FIRST, EmailPurpose.RESENT, EmailPurpose.RESENT);
        assertThat(sent).extracting(EmailSent::getLinkTokenSha256).doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(e -> assertThat(e.getLinkGeneration()).isEqualTo(1));
    }

    @Test
    void shouldEmailTheCorrectedAddressOnceWithALinkOfTheNewGeneration() throws Exception {
        // Given a completed upload whose first email went to a mistyped address
        UUID fileId = UUID.randomUUID();
        String wrong = uniqueAddress("typo");
        String right = uniqueAddress("right");
        completedAndEmailed(fileId, wrong);

        // When the trainer corrects the address (the event delivered twice)
        StudentAddressChanged change = StudentAddressChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(fileId.toString())
                .setStudentEmail(right).setStudentName("Sam Right").setLinkGeneration(2).build();
        Events.publish(Topics.STUDENT_ADDRESS_CHANGED, change);
        Events.publish(Topics.STUDENT_ADDRESS_CHANGED, change);

        // Then the new address gets exactly one email (to the corrected name), the old one nothing more
        await().atMost(WAIT).until(() -> Events.read(Topics.EMAIL_SENT, fileId).size() >= 2);
        assertThat(Mailbox.messagesTo(right)).hasSize(1);
        assertThat(Mailbox.messagesTo(wrong)).hasSize(1);
        MimeMessage message = Mailbox.messagesTo(right).get(0);
        assertThat(((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getPersonal())
                .isEqualTo("Sam Right");
        // and its EmailSent names the new generation, so that download-service revokes the old link
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).filteredOn(e -> e.getLinkGeneration() == 2)
                .singleElement().satisfies(e -> assertThat(e.getPurpose()).isEqualTo(EmailPurpose.ADDRESS_CHANGED));
        assertThat(emailStatus(fileId, "STUDENT_NEW_ADDRESS")).isEqualTo("SENT");
        // and its link went through download-service first: issued with the new generation, the one the email carries
        String newLink = Events.read(Topics.EMAIL_SENT, fileId).stream().filter(e -> e.getLinkGeneration() == 2)
                .findFirst().orElseThrow().getLinkTokenSha256();
        assertThat(Events.read(Topics.LINK_ISSUED, fileId)).filteredOn(i -> i.getLinkGeneration() == 2)
                .singleElement().satisfies(i -> assertThat(i.getLinkTokenSha256()).isEqualTo(newLink));
    }

    @Test
    void shouldSendAResendOnlyOnceDownloadServiceConfirmedItsOwnLink() {
        // Given a completed upload whose student got the first email, and download-service not confirming links yet
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("confirmed-resend");
        completedAndEmailed(fileId, student);
        DownloadServiceStandIn.hold(fileId);
        try {
            // When the trainer asks for a resend
            Events.publish(Topics.STUDENT_EMAIL_RESENT, resent(fileId));

            // Then a new link is issued for it, of the current generation, and the email waits for its confirmation
            await().atMost(WAIT).until(() -> Events.read(Topics.LINK_ISSUED, fileId).size() == 2);
            LinkIssued resendLink = Events.read(Topics.LINK_ISSUED, fileId).get(1);
            assertThat(resendLink.getLinkGeneration()).isEqualTo(1);
            assertThat(emailStatus(fileId, "STUDENT_RESEND")).isEqualTo("PENDING");
            assertThat(Mailbox.messagesTo(student)).hasSize(1);

            // When download-service confirms it
            DownloadServiceStandIn.release(fileId);

            // Then the resend leaves, carrying exactly the confirmed link
            await().atMost(WAIT).until(() -> Events.read(Topics.EMAIL_SENT, fileId).size() == 2);
            assertThat(Mailbox.messagesTo(student)).hasSize(2);
            assertThat(Events.read(Topics.EMAIL_SENT, fileId)).filteredOn(e -> e.getPurpose() == EmailPurpose.RESENT)
                    .singleElement().satisfies(e -> assertThat(e.getLinkTokenSha256())
                            .isEqualTo(resendLink.getLinkTokenSha256()));
        } finally {
            DownloadServiceStandIn.release(fileId);
        }
    }

    @Test
    void shouldTreatARedeliveredInitiationAfterAnAddressChangeAsARepetition() {
        // Given a completed, emailed upload whose trainer corrected the address (the new address emailed too)
        UUID fileId = UUID.randomUUID();
        String wrong = uniqueAddress("redelivered-typo");
        String right = uniqueAddress("redelivered-right");
        UploadInitiated initiation = Events.initiated(fileId, wrong).build();
        Events.publish(initiation);
        Events.publish(Events.completed(fileId));
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        Events.publish(Topics.STUDENT_ADDRESS_CHANGED, StudentAddressChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(fileId.toString()).setStudentEmail(right).setStudentName(null).setLinkGeneration(2)
                .build());
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_NEW_ADDRESS")));
        double rejectedBefore = rejectedInitiations();

        // When the first initiation is delivered again, followed on its partition by another upload's initiation
        UUID control = onSamePartition(fileId, Topics.UPLOAD_INITIATED.partitions());
        Events.publish(initiation);
        Events.publish(Events.initiated(control, uniqueAddress("redelivered-control")).build());

        // Then (once the other one is recorded, so the redelivery was handled) it was a repetition: not refused, the
        // corrected address stays, and nobody got another email
        await().atMost(WAIT).until(() -> jdbc.sql(
                "SELECT count(*) FROM upload WHERE file_id = :id AND initiated_at IS NOT NULL").param("id", control)
                .query(Long.class).single() == 1);
        assertThat(rejectedInitiations()).isEqualTo(rejectedBefore);
        assertThat(jdbc.sql("SELECT student_email FROM upload WHERE file_id = :id").param("id", fileId)
                .query(String.class).single()).isEqualTo(right);
        assertThat(Mailbox.messagesTo(wrong)).hasSize(1);
        assertThat(Mailbox.messagesTo(right)).hasSize(1);
    }

    private double rejectedInitiations() {
        io.micrometer.core.instrument.Counter counter = meters.find("apexshare.events.rejected")
                .tag("event", "UploadInitiated").tag("reason", "conflicting_facts").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldLiftTheSuppressionOfTheAddressTheTrainerCorrectedTo() {
        // Given a completed upload, and the address the trainer corrects it to on the suppression list (an earlier
        // hard bounce)
        UUID fileId = UUID.randomUUID();
        String first = uniqueAddress("first");
        String vouched = uniqueAddress("vouched");
        completedAndEmailed(fileId, first);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                suppressions.suppress(vouched, SuppressionReason.HARD_BOUNCE, UUID.randomUUID(), Instant.now()));

        // When the trainer corrects the address to it
        Events.publish(Topics.STUDENT_ADDRESS_CHANGED, StudentAddressChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(fileId.toString()).setStudentEmail(vouched).setStudentName(null).setLinkGeneration(2)
                .build());

        // Then the trainer's word lifts the suppression and the new link email goes out
        await().atMost(WAIT).until(() -> Mailbox.messagesTo(vouched).size() == 1);
        assertThat(suppressions.reasonFor(vouched)).isEmpty();
        assertThat(emailStatus(fileId, "STUDENT_NEW_ADDRESS")).isEqualTo("SENT");
    }

    @Test
    void shouldSendNothingMoreOnceTheLinksAreRevoked() {
        // Given a completed, emailed upload whose trainer revoked the links, and another upload whose resend request
        // lands on the same partition after this one's
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("revoked");
        completedAndEmailed(fileId, student);
        Events.publish(Topics.LINK_REVOKED, LinkRevoked.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(fileId.toString())
                .setReason(LinkRevocationReason.TRAINER_REVOKED).build());
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT links_revoked_at IS NOT NULL FROM upload WHERE file_id = :id")
                .param("id", fileId).query(Boolean.class).single());
        UUID control = onSameResendPartition(fileId);
        String controlStudent = uniqueAddress("control");
        completedAndEmailed(control, controlStudent);

        // When a resend of the revoked upload arrives, then one of the other upload
        Events.publish(Topics.STUDENT_EMAIL_RESENT, resent(fileId));
        Events.publish(Topics.STUDENT_EMAIL_RESENT, resent(control));

        // Then the other upload's resend went out (so the first was handled) and the revoked upload sent nothing
        await().atMost(WAIT).until(() -> Mailbox.messagesTo(controlStudent).size() == 2);
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
        assertThat(emailStatus(fileId, "STUDENT_RESEND")).isNull();
    }

    private void completedAndEmailed(UUID fileId, String student) {
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.completed(fileId));
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
    }

    private static StudentEmailResent resent(UUID fileId) {
        return StudentEmailResent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(fileId.toString())
                .setLinkGeneration(1).build();
    }

    /** A file id whose records go to the same partition of the resend topic (the producer's default partitioner). */
    private static UUID onSameResendPartition(UUID fileId) {
        return onSamePartition(fileId, Topics.STUDENT_EMAIL_RESENT.partitions());
    }

    /** A file id whose records go to the same partition as {@code fileId}'s on a topic of this many partitions. */
    private static UUID onSamePartition(UUID fileId, int partitions) {
        int wanted = partition(fileId, partitions);
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (partition(candidate, partitions) == wanted) {
                return candidate;
            }
        }
    }

    private static int partition(UUID fileId, int partitions) {
        return Utils.toPositive(Utils.murmur2(fileId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
    }
}
