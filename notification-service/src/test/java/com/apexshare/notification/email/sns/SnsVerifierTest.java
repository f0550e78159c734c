package com.apexshare.notification.email.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.apexshare.notification.NotificationProperties;

import tools.jackson.databind.json.JsonMapper;

/** The production checks of SNS URLs and messages, without a network. */
class SnsVerifierTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-events";

    private final SnsVerifier verifier = new SnsVerifier(properties(), Clock.systemUTC());

    @Test
    void shouldAcceptOnlyHttpsUrlsOnSnsHosts() {
        // Given the production host pattern
        // Then SNS's certificate hosts pass, and look-alikes, http, user info and other hosts do not
        assertThat(verifier.snsUrl("SigningCertURL",
                "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem").getHost())
                .isEqualTo("sns.eu-west-1.amazonaws.com");
        assertThat(verifier.snsUrl("SigningCertURL", "https://sns.cn-north-1.amazonaws.com.cn/x.pem")).isNotNull();
        for (String bad : List.of("http://sns.eu-west-1.amazonaws.com/x.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/x.pem", "https://evil.example/sns.amazonaws.com",
                "https://sns.eu-west-1.amazonaws.com@evil.example/x.pem", "https://evilsns.eu-west-1.amazonaws.com/x",
                "https://user@sns.eu-west-1.amazonaws.com/x.pem", "file:///etc/passwd", "not a url")) {
            assertThatThrownBy(() -> verifier.snsUrl("SigningCertURL", bad)).as(bad)
                    .isInstanceOf(SnsSignatureInvalid.class);
        }
    }

    @Test
    void shouldRefuseACertificateUrlThatIsNoCertificateBeforeFetchingIt() {
        // Given a message of our topic naming an SNS host but not a certificate
        SnsMessage message = new SnsMessage("Notification", "id", null, TOPIC, null, "{}", null,
                "2025-05-18T09:30:00.000Z", "1", "c2ln", "https://sns.eu-west-1.amazonaws.com/?Action=Publish");

        // Then it is refused without a fetch
        assertThatThrownBy(() -> verifier.verify(message)).isInstanceOf(SnsSignatureInvalid.class)
                .hasMessageContaining("not an SNS certificate");
    }

    @Test
    void shouldRefuseTopicsThatAreNotConfiguredBeforeFetchingAnything() {
        // Given a message from another topic
        SnsMessage message = new SnsMessage("Notification", "id", null, "arn:aws:sns:eu-west-1:1:other", null, "{}",
                null, "2025-05-18T09:30:00.000Z", "1", "c2ln", "https://sns.eu-west-1.amazonaws.com/x.pem");

        // Then it is refused as a foreign topic
        assertThatThrownBy(() -> verifier.verify(message)).isInstanceOf(SnsTopicNotAllowed.class);
    }

    @Test
    void shouldBuildTheCanonicalStringAsAwsDocumentsIt() {
        // Given a notification with a subject and a subscription confirmation
        JsonMapper json = JsonMapper.builder().build();
        SnsMessage notification = SnsMessage.parse("""
                {"Type":"Notification","MessageId":"m","TopicArn":"t","Subject":"s","Message":"body",
                 "Timestamp":"ts","SignatureVersion":"1","Signature":"sig","SigningCertURL":"u","UnsubscribeURL":"x"}
                """, json);
        SnsMessage confirmation = SnsMessage.parse("""
                {"Type":"SubscriptionConfirmation","MessageId":"m","Token":"tok","TopicArn":"t","Message":"body",
                 "SubscribeURL":"sub","Timestamp":"ts","SignatureVersion":"2","Signature":"sig","SigningCertURL":"u"}
                """, json);

        // Then the fields are in SNS's order, each name and value on a line
        assertThat(notification.canonicalString())
                .isEqualTo("Message\nbody\nMessageId\nm\nSubject\ns\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n");
        assertThat(confirmation.canonicalString()).isEqualTo("Message\nbody\nMessageId\nm\nSubscribeURL\nsub\n"
                + "Timestamp\nts\nToken\ntok\nTopicArn\nt\nType\nSubscriptionConfirmation\n");
        assertThatThrownBy(() -> SnsMessage.parse("{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"m\","
                + "\"TopicArn\":\"t\",\"Message\":\"b\",\"Timestamp\":\"ts\",\"SignatureVersion\":\"1\","
                + "\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", json)).isInstanceOf(MalformedSnsMessage.class);
    }

    private static NotificationProperties properties() {
        return new NotificationProperties("group", NotificationProperties.Transport.SES,
                java.net.URI.create("https://dl.example.com/"), 1.0,
                new NotificationProperties.Mail("videos@apexshare.test", "ApexShare", "", java.time.ZoneOffset.UTC),
                new NotificationProperties.Ses("eu-west-1", "", "", "", "", Duration.ofSeconds(10)),
                new NotificationProperties.Dispatcher(Duration.ofMillis(500), 4, 32, Duration.ofMinutes(2)),
                new NotificationProperties.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(15), 12),
                new NotificationProperties.TrainerNotification(true), Duration.ofMinutes(5), Duration.ofDays(7),
                new NotificationProperties.DeliveryTracking(new NotificationProperties.SesEvents(List.of(TOPIC),
                        "sns[.][a-z0-9-]+[.]amazonaws[.]com([.]cn)?", true, 20, Duration.ofSeconds(5)), "",
                        new NotificationProperties.BounceMailbox(false, "imaps", "127.0.0.1", 993, "", "", "INBOX",
                                false, Duration.ofMinutes(1), Duration.ofSeconds(20), 100)), null, null);
    }
}
