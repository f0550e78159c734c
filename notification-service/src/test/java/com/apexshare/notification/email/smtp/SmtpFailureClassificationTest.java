package com.apexshare.notification.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.FailureReason;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

class SmtpFailureClassificationTest {

    @Test
    void shouldRetryA4xxReply() throws Exception {
        // Given the relay answering 451 for the recipient
        MailSendException e = failed(new SMTPAddressFailedException(new InternetAddress("a@b.test"), "RCPT TO", 451,
                "451 4.7.1 Try again later"));

        // When classified
        EmailDeliveryFailed failure = SmtpMailTransport.classify(e);

        // Then it is transient and the detail carries no address
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("451").doesNotContain("a@b.test");
    }

    @Test
    void shouldGiveUpOnA5xxRecipientReply() throws Exception {
        // Given the relay answering 550 for the recipient
        MailSendException e = failed(new SMTPAddressFailedException(new InternetAddress("a@b.test"), "RCPT TO", 550,
                "550 5.1.1 <a@b.test> User unknown"));

        // When classified
        EmailDeliveryFailed failure = SmtpMailTransport.classify(e);

        // Then it is permanent: invalid recipient
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_RECIPIENT);
        assertThat(failure.getMessage()).doesNotContain("a@b.test");
    }

    @Test
    void shouldGiveUpOnA5xxContentReply() {
        // Given the relay refusing the message data with 554
        MailSendException e = failed(new SMTPSendFailedException("DATA", 554, "554 5.6.0 Message rejected", null,
                null, null, null));

        // When classified
        EmailDeliveryFailed failure = SmtpMailTransport.classify(e);

        // Then it is permanent: content rejected
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).isEqualTo(FailureReason.CONTENT_REJECTED);
    }

    @Test
    void shouldRetryConnectionFailuresAndAuthenticationProblems() {
        // Given a relay that cannot be reached, and one refusing our credentials
        MailSendException unreachable = failed(new MessagingException("Could not connect to SMTP host: 127.0.0.1"));
        MailAuthenticationException auth = new MailAuthenticationException("535 authentication failed");

        // When classified
        // Then both are transient: nothing is wrong with the email itself
        assertThat(SmtpMailTransport.classify(unreachable).permanent()).isFalse();
        assertThat(SmtpMailTransport.classify(auth).permanent()).isFalse();
    }

    private static MailSendException failed(Exception cause) {
        return new MailSendException(Map.of(new Object(), cause));
    }
}
