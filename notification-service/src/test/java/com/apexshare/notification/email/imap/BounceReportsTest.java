package com.apexshare.notification.email.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.notification.email.BounceType;
import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.DeliverySource;
import com.apexshare.notification.email.DeliveryState;
import com.apexshare.notification.support.Dsn;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Bounce-mailbox messages read as delivery reports. */
class BounceReportsTest {

    private final BounceReports reports = new BounceReports("bounces@apexshare.test");

    @Test
    void shouldReadAHardBounceMatchedByItsVerpTag() throws Exception {
        // Given a 5.1.1 bounce sent back to the VERP return path of one message
        String tag = UUID.randomUUID().toString();
        MimeMessage dsn = parse(Dsn.bounce("bounces+" + tag + "@apexshare.test", "sue@riders.test", "failed",
                "5.1.1", "other@apexshare.test"));

        // When it is read
        Optional<DeliveryReport> report = reports.read(dsn);

        // Then it is a hard bounce of that message, the VERP tag winning over the returned headers, no address kept
        assertThat(report).get().satisfies(r -> {
            assertThat(r.reference().localPart()).isEqualTo(tag);
            assertThat(r.state()).isEqualTo(DeliveryState.BOUNCED);
            assertThat(r.bounceType()).isEqualTo(BounceType.HARD);
            assertThat(r.source()).isEqualTo(DeliverySource.SMTP_DSN);
            assertThat(r.diagnostic()).isEqualTo("failed 5.1.1");
            assertThat(r.reportedAt()).isEqualTo("2025-05-18T09:30:00Z");
        });
    }

    @Test
    void shouldFallBackToTheOriginalMessageIdAndTellSoftBouncesAndDelays() throws Exception {
        // Given reports sent to the plain bounce address, naming the message only in the returned headers
        String id = UUID.randomUUID() + "@apexshare.test";

        // When a 4.x.x failure, a delay and a delivery are read
        Optional<DeliveryReport> soft = reports.read(parse(Dsn.bounce("bounces@apexshare.test", "sue@riders.test",
                "failed", "4.2.2", id)));
        Optional<DeliveryReport> delayed = reports.read(parse(Dsn.bounce("bounces@apexshare.test",
                "sue@riders.test", "delayed", "4.4.1", id)));
        Optional<DeliveryReport> delivered = reports.read(parse(Dsn.bounce("bounces@apexshare.test",
                "sue@riders.test", "delivered", "2.0.0", id)));

        // Then each names the message by its Message-ID
        assertThat(soft).get().satisfies(r -> {
            assertThat(r.reference().providerMessageId()).isEqualTo(id);
            assertThat(r.bounceType()).isEqualTo(BounceType.SOFT);
        });
        assertThat(delayed).get().extracting(DeliveryReport::state).isEqualTo(DeliveryState.DELAYED);
        assertThat(delivered).get().extracting(DeliveryReport::state).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void shouldReadAFeedbackReportAsAComplaintAndIgnoreWhatIsNoReport() throws Exception {
        // Given a spam complaint, an auto-reply and a bounce that names no message of ours
        String id = UUID.randomUUID() + "@apexshare.test";
        MimeMessage complaint = parse(Dsn.complaint("bounces@apexshare.test", id));
        MimeMessage autoReply = parse("From: sue@riders.test\r\nTo: bounces@apexshare.test\r\nSubject: Out of "
                + "office\r\n\r\nBack on Monday.\r\n");
        MimeMessage anonymous = parse(Dsn.bounce("bounces@apexshare.test", "sue@riders.test", "failed", "5.1.1",
                null));

        // Then only the complaint is a report
        assertThat(reports.read(complaint)).get().satisfies(r -> {
            assertThat(r.state()).isEqualTo(DeliveryState.COMPLAINED);
            assertThat(r.reference().providerMessageId()).isEqualTo(id);
        });
        assertThat(reports.read(autoReply)).isEmpty();
        assertThat(reports.read(anonymous)).isEmpty();
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }
}
