package com.apexshare.notification.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.events.link.LinkToken;
import com.apexshare.notification.NotificationProperties;
import com.apexshare.notification.email.ClaimedEmail;
import com.apexshare.notification.email.EmailKind;
import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.EmailWriter;
import com.apexshare.notification.email.FailureReason;
import com.apexshare.notification.email.Letter;
import com.apexshare.notification.email.UploadFacts;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The domain's {@link EmailWriter} and this adapter's {@link MimeLetters} together: the bytes both transports send. */
class EmailWritingTest {

    private static final Instant NOW = Instant.parse("2025-05-18T09:30:00Z");
    private final EmailWriter writer = new EmailWriter(properties());
    private final MimeLetters mime = new MimeLetters(properties(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldWriteBothPartsWithTheLinkDetailsAndConfiguredSender() throws Exception {
        // Given an upload
        UploadFacts upload = upload("Tom", "Sam", "Lean more.\nLook further.", "sam@riders.test");

        // When the student's email is written with a known token
        LinkToken token = LinkToken.generate();
        Letter letter = writer.studentLink(upload, token);
        MimeEmail email = mime.toMime(letter);

        // Then headers, both parts and the hash are right
        MimeMessage message = reparse(email.rawBytes());
        assertThat(message.getSubject()).isEqualTo("Your riding session video from Tom is ready");
        assertThat(((InternetAddress) message.getFrom()[0]).toUnicodeString()).isEqualTo("ApexShare <videos@apexshare.test>");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("help@apexshare.test");
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).toUnicodeString())
                .isEqualTo("Sam <sam@riders.test>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getMessageID()).isEqualTo("<" + email.messageId() + ">").endsWith("@apexshare.test>");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("https://dl.example.com/d/" + token.reveal(), "Saturday 17 May 2025", "GX.MP4", "2.0 GB",
                "Lean more.\nLook further.", "16 June 2025, 12:00 CEST");
        assertThat(html).contains("href=\"https://dl.example.com/d/" + token.reveal() + "\"", "Lean more.");
        assertThat(letter.linkTokenSha256()).isEqualTo(token.sha256Hex()).doesNotContain(token.reveal());
        assertThat(letter.linkExpiresAt()).isEqualTo(upload.retentionUntil());
    }

    @Test
    void shouldLeaveOutTheNotesBlockWhenThereAreNoNotes() throws Exception {
        // Given an upload without notes
        UploadFacts upload = upload("Tom", "Sam", null, "sam@riders.test");

        // When written
        MimeMessage message = reparse(mime.toMime(writer.studentLink(upload, LinkToken.generate())).rawBytes());

        // Then no notes heading appears
        Multipart parts = (Multipart) message.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).doesNotContain("Notes from your trainer");
        assertThat((String) parts.getBodyPart(1).getContent()).doesNotContain("Notes from your trainer");
    }

    @Test
    void shouldEscapeHtmlAndKeepHeadersOnOneLine() throws Exception {
        // Given script in every user-supplied field and CRLF in the names
        String hostile = "<script>alert(1)</script>\r\nBcc: a@evil.test";
        UploadFacts upload = upload(hostile, hostile, hostile, "sam@riders.test");

        // When written
        MimeEmail email = mime.toMime(writer.studentLink(upload, LinkToken.generate()));

        // Then the raw headers hold no Bcc and the HTML holds no script tag
        String raw = new String(email.rawBytes(), StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(headers).doesNotContainPattern("(?im)^bcc:");
        MimeMessage message = reparse(email.rawBytes());
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(message.getSubject()).isEqualTo("Your riding session video from <script>alert(1)</script> Bcc: "
                + "a@evil.test is ready");
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-an-address", "a@b.test, c@d.test", "Sam <sam@riders.test>",
            "sam@riders.test\r\nBcc: a@evil.test", "sam@riders.test\nX: y", "@riders.test", "sam@"})
    void shouldRefuseAnythingButOnePlainRecipientAsAPermanentInvalidRecipient(String address) {
        // Given an upload with a hostile or broken student address
        UploadFacts upload = upload("Tom", "Sam", null, address);

        // When written
        // Then it fails permanently as an invalid recipient
        Letter letter = writer.studentLink(upload, LinkToken.generate());
        assertThatThrownBy(() -> mime.toMime(letter))
                .isInstanceOfSatisfying(EmailDeliveryFailed.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.reason()).isEqualTo(FailureReason.INVALID_RECIPIENT);
                });
    }

    @Test
    void shouldWriteTheTrainersFirstDownloadNote() throws Exception {
        // Given a downloaded upload
        UploadFacts upload = upload("Tom", "Sam\r\nBcc: a@evil.test", null, "sam@riders.test");

        // When the trainer's email is written
        Letter letter = writer.trainerFirstDownload(upload, NOW);
        MimeEmail email = mime.toMime(letter);

        // Then it goes to the trainer, names the student on one line, and has no link
        MimeMessage message = reparse(email.rawBytes());
        assertThat(email.recipient()).isEqualTo("tom@school.test");
        assertThat(message.getSubject()).isEqualTo("Your riding session video for Sam Bcc: a@evil.test was downloaded");
        assertThat(letter.linkTokenSha256()).isNull();
    }

    @Test
    void shouldPutTheTokenInTheLinkInTheFormDownloadServiceChecks() throws Exception {
        // Given an upload and the configured base with a trailing slash
        UploadFacts upload = upload("Tom", "Sam", null, "sam@riders.test");

        // When the student's email is written with the token issued for it
        LinkToken issued = LinkToken.generate();
        Letter letter = writer.write(new ClaimedEmail(upload.fileId(), EmailKind.STUDENT_LINK, 1, upload, null,
                issued.reveal()));

        // Then the link is <base>/d/<token>, the token is well formed (43 base64url characters, 32 bytes) and the
        // letter keeps only its hash: what EmailSent carries and download-service compares
        String text = letter.text();
        Matcher link = Pattern.compile("https://dl\\.example\\.com/d/([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        LinkToken token = LinkToken.parse(link.group(1));
        assertThat(Base64.getUrlDecoder().decode(token.reveal())).hasSize(32);
        assertThat(letter.linkTokenSha256()).isEqualTo(token.sha256Hex()).hasSize(64);
        assertThat(letter.html()).contains("/d/" + token.reveal());
        assertThat(token.reveal()).isEqualTo(issued.reveal());
    }

    private static UploadFacts upload(String trainer, String student, String notes, String studentEmail) {
        return new UploadFacts(UUID.randomUUID(), NOW, "t-1", trainer, "tom@school.test", studentEmail, student,
                LocalDate.of(2025, 5, 17), notes, "GX.MP4", 2L * 1024 * 1024 * 1024,
                NOW.plus(Duration.ofDays(29)).plus(Duration.ofMinutes(30)));
    }

    private static MimeMessage reparse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static NotificationProperties properties() {
        return new NotificationProperties("group", NotificationProperties.Transport.SMTP,
                URI.create("https://dl.example.com/"), 1.0,
                new NotificationProperties.Mail("videos@apexshare.test", "ApexShare", "help@apexshare.test",
                        ZoneId.of("Europe/Berlin")),
                new NotificationProperties.Ses("us-east-1", "", "", "", "", Duration.ofSeconds(10)),
                new NotificationProperties.Dispatcher(Duration.ofMillis(500), 4, 32, Duration.ofMinutes(2)),
                new NotificationProperties.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(15), 12),
                new NotificationProperties.TrainerNotification(true),
                Duration.ofMinutes(5), Duration.ofDays(7),
                new NotificationProperties.DeliveryTracking(
                        new NotificationProperties.SesEvents(List.of(), "sns[.][a-z0-9-]+[.]amazonaws[.]com", true, 20,
                                Duration.ofSeconds(5)),
                        "", new NotificationProperties.BounceMailbox(false, "imap", "127.0.0.1", 143, "", "", "INBOX",
                                false, Duration.ofMinutes(1), Duration.ofSeconds(20), 100)),
                null, null);
    }
}
