package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.Topics;
import com.apexshare.events.link.LinkToken;
import com.apexshare.notification.support.DownloadServiceStandIn;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

/**
 * The dead-link window is closed: the student's link is announced ({@code LinkIssued}) before the email, and the
 * email leaves only after download-service confirmed that it serves that link ({@code LinkActivated}).
 */
class LinkConfirmationSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(LINK_BASE) + "/d/([A-Za-z0-9_-]+)");

    @Test
    void shouldSendTheStudentEmailOnlyAfterDownloadServiceConfirmedItsLink() throws Exception {
        // Given a completed upload whose link download-service does not confirm yet
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("sam");
        DownloadServiceStandIn.hold(fileId);
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.completed(fileId));

        // Then its link is issued, and the email waits, even when a confirmation of another link arrives
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.LINK_ISSUED, fileId).isEmpty());
        LinkIssued issued = Events.read(Topics.LINK_ISSUED, fileId).get(0);
        DownloadServiceStandIn.confirm(fileId.toString(), LinkToken.generate().sha256Hex());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.messagesTo(student).isEmpty() && "PENDING".equals(emailStatus(fileId,
                        "STUDENT_LINK")));

        // When download-service confirms the issued link
        Instant confirmed = Instant.now();
        DownloadServiceStandIn.release(fileId);

        // Then exactly one email leaves, after the confirmation, carrying exactly the issued link
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(student).size() == 1);
        Matcher link = LINK.matcher(Mailbox.part(Mailbox.messagesTo(student).get(0), "plain"));
        assertThat(link.find()).isTrue();
        assertThat(LinkToken.parse(link.group(1)).sha256Hex()).isEqualTo(issued.getLinkTokenSha256());
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.EMAIL_SENT, fileId).isEmpty());
        List<EmailSent> sent = Events.read(Topics.EMAIL_SENT, fileId);
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.getLinkTokenSha256()).isEqualTo(issued.getLinkTokenSha256());
            assertThat(e.getSentAt()).isAfterOrEqualTo(confirmed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
        // and the token no longer rests in the database once the email is sent
        assertThat(jdbc.sql("SELECT link_token FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(String.class).optional()).isEmpty();
        // and a repeated confirmation sends nothing more
        DownloadServiceStandIn.confirm(fileId.toString(), issued.getLinkTokenSha256());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.messagesTo(student).size() == 1);
    }
}
