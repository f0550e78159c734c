package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.DevStack;
import com.apexshare.events.EmailBounceType;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailDeliverySource;
import com.apexshare.events.EmailDeliveryState;
import com.apexshare.events.Topics;
import com.apexshare.notification.support.Dsn;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Bounces through SMTP: every email leaves with a VERP return path, the receiving server's delivery status
 * notification arrives in the bounce mailbox (GreenMail, read by the service over IMAP), and the email's state moves.
 */
class BounceMailboxSmtpIntegrationTest extends SmtpContextIntegrationTest {

    @Test
    void shouldMarkTheEmailBouncedFromADsnSentToItsVerpReturnPathAndSuppressTheAddress() throws Exception {
        // Given a student's email sent through SMTP with a VERP return path naming its Message-ID
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("bounce");
        String returnPath = sendStudentEmail(fileId, student);
        String tag = messageId(fileId).substring(0, messageId(fileId).indexOf('@'));
        assertThat(returnPath).isEqualTo("bounces+" + tag + "@apexshare.test");

        // When the receiving server's DSN (550 5.1.1) arrives at that return path, twice
        deliverToBounceMailbox(Dsn.bounce(returnPath, student, "failed", "5.1.1", "unrelated@elsewhere.test"));
        deliverToBounceMailbox(Dsn.bounce(returnPath, student, "failed", "5.1.1", "unrelated@elsewhere.test"));

        // Then the email is hard-bounced, announced once, and both DSNs are gone from the mailbox
        await().atMost(Duration.ofSeconds(60)).until(() -> "BOUNCED".equals(deliveryState(fileId)));
        assertThat(bounceType(fileId)).isEqualTo("HARD");
        await().atMost(Duration.ofSeconds(60)).until(() -> unseenInBounceMailbox() == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !reports(fileId).isEmpty());
        List<EmailDeliveryReported> reports = reports(fileId);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).getState()).isEqualTo(EmailDeliveryState.BOUNCED);
        assertThat(reports.get(0).getBounceType()).isEqualTo(EmailBounceType.HARD);
        assertThat(reports.get(0).getSource()).isEqualTo(EmailDeliverySource.SMTP_DSN);
        assertThat(reports.get(0).getDiagnostic()).isEqualTo("failed 5.1.1");

        // and the trainer is told once
        String trainer = "tom-" + fileId + "@school.test";
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(trainer).size() == 1);
        assertThat(Mailbox.messagesTo(trainer).get(0).getSubject()).isEqualTo("Your video for Sam Student did not arrive");

        // When another upload goes to the same address
        UUID second = UUID.randomUUID();
        Events.publish(Events.initiated(second, student).build());
        Events.publish(Events.completed(second));

        // Then it is suppressed: no second email reaches the student
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUPPRESSED".equals(emailStatus(second, "STUDENT_LINK")));
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
    }

    @Test
    void shouldMatchADelayByTheOriginalMessageIdAndLeaveMessagesThatAreNoReports() throws Exception {
        // Given a sent email
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("delay");
        sendStudentEmail(fileId, student);

        // When a delay report naming only its Message-ID and an out-of-office reply reach the bounce mailbox
        String subject = "Out of office " + UUID.randomUUID();
        deliverToBounceMailbox(Dsn.bounce(BOUNCES, student, "delayed", "4.4.1", messageId(fileId)));
        deliverToBounceMailbox("From: " + student + "\r\nTo: " + BOUNCES + "\r\nSubject: " + subject
                + "\r\n\r\nBack on Monday.\r\n");

        // Then the email is delayed, and the reply stays in the mailbox, seen, for a person
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELAYED".equals(deliveryState(fileId)));
        await().atMost(Duration.ofSeconds(60)).until(() -> seenInBounceMailbox(subject));
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isEqualTo("SENT");
    }

    private String sendStudentEmail(UUID fileId, String student) throws Exception {
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.completed(fileId));
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(student).size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        MimeMessage sent = Mailbox.messagesTo(student).get(0);
        String[] returnPath = sent.getHeader("Return-Path");
        assertThat(returnPath).as("GreenMail records the envelope sender as Return-Path").isNotNull();
        return returnPath[0].replaceAll("[<>]", "").trim();
    }

    private String messageId(UUID fileId) {
        return jdbc.sql("SELECT provider_message_id FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(String.class).single();
    }

    private String deliveryState(UUID fileId) {
        return jdbc.sql("SELECT delivery_state FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(String.class).optional().orElse(null);
    }

    private String bounceType(UUID fileId) {
        return jdbc.sql("SELECT bounce_type FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(String.class).optional().orElse(null);
    }

    private static List<EmailDeliveryReported> reports(UUID fileId) {
        return Events.read(Topics.EMAIL_DELIVERY_REPORTED, fileId);
    }

    /** Over SMTP to the bounce mailbox, as a receiving server's bounce would arrive (envelope: the mailbox). */
    private static void deliverToBounceMailbox(String raw) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", DevStack.smtp().host());
        props.setProperty("mail.smtp.port", Integer.toString(DevStack.smtp().port()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session,
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        Transport.send(message, new Address[] {new InternetAddress(BOUNCES)});
    }

    private static int unseenInBounceMailbox() throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                int unseen = 0;
                for (Message m : inbox.getMessages()) {
                    unseen += m.isSet(Flags.Flag.SEEN) || m.isSet(Flags.Flag.DELETED) ? 0 : 1;
                }
                return unseen;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static boolean seenInBounceMailbox(String subject) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (subject.equals(m.getSubject()) && m.isSet(Flags.Flag.SEEN)) {
                        return true;
                    }
                }
                return false;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(DevStack.smtp().host(), DevStack.smtp().imapPort(), BOUNCES_LOGIN, BOUNCES_PASSWORD);
        return store;
    }
}
