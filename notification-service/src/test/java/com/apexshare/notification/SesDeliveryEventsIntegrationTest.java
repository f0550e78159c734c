package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.EmailBounceType;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailDeliverySource;
import com.apexshare.events.EmailDeliveryState;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.Topics;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.FakeSns;
import com.apexshare.notification.support.SesLocalServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SES events as SNS delivers them: the test plays SNS ({@link FakeSns}: its own key and self-signed certificate served
 * on loopback, messages signed with SNS's algorithm) against the real endpoint, with emails really sent through the
 * local SES API. Its own context (SES transport, own database and consumer group), closed after this class; the SMTP
 * context's listeners pause meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SesDeliveryEventsIntegrationTest {

    static final FakeSns SNS = new FakeSns();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource("notification_sns").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("apexshare.notification.consumer-group", () -> "notification-service-sns-test");
        registry.add("apexshare.notification.transport", () -> "SES");
        registry.add("apexshare.notification.ses.endpoint", () -> SesLocalServer.get().endpoint().toString());
        registry.add("apexshare.notification.ses.region", () -> "eu-west-1");
        registry.add("apexshare.notification.ses.access-key", () -> "AKIDLOCAL");
        registry.add("apexshare.notification.ses.secret-key", () -> "local-secret");
        registry.add("apexshare.notification.ses.configuration-set", () -> "apexshare-test");
        registry.add("apexshare.notification.mail.from-address", () -> "videos@apexshare.test");
        registry.add("apexshare.notification.max-send-rate", () -> "50");
        registry.add("apexshare.notification.dispatcher.poll-interval", () -> "PT0.1S");
        registry.add("apexshare.platform.outbox.poll-interval", () -> "100ms");
        registry.add("apexshare.notification.delivery-tracking.ses-events.topic-arns", () -> FakeSns.TOPIC_ARN);
        registry.add("apexshare.notification.delivery-tracking.ses-events.certificate-host-pattern",
                FakeSns::hostPattern);
        registry.add("apexshare.notification.delivery-tracking.ses-events.require-https", () -> "false");
    }

    @BeforeAll
    static void pauseTheSmtpContext() {
        SmtpContextIntegrationTest.pauseListeners();
    }

    @AfterAll
    static void resumeTheSmtpContext() throws Exception {
        SmtpContextIntegrationTest.resumeListeners();
        SNS.close();
    }

    @Test
    void shouldConfirmTheSubscriptionByVisitingTheSubscribeUrl() throws Exception {
        // Given SNS asking to confirm our endpoint's subscription
        String token = "token-" + UUID.randomUUID();

        // When it posts the signed SubscriptionConfirmation
        HttpResponse<String> response = post(FakeSns.json(SNS.subscriptionConfirmation(token)));

        // Then the endpoint visited the SubscribeURL with the token and says so
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("data").get("outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(SNS.confirmations()).anySatisfy(query -> assertThat(query).contains("Token=" + token));
    }

    @Test
    void shouldMoveTheDeliveryStateForwardOnlyAndSuppressAHardBouncedAddress() throws Exception {
        // Given a student's email sent through SES
        UUID fileId = UUID.randomUUID();
        String student = "bouncing-" + UUID.randomUUID() + "@riders.test";
        String trainer = "tom-" + fileId + "@school.test";
        String messageId = sendStudentEmail(fileId, student);

        // When SES reports a delay (SignatureVersion 1), then the delivery (SignatureVersion 2)
        assertThat(outcome(post(sesEvent("DeliveryDelay", messageId, "\"deliveryDelay\":{\"delayType\":"
                + "\"MailboxFull\",\"delayedRecipients\":[{\"status\":\"4.2.2\"}]}", "1")))).isEqualTo("APPLIED");
        assertThat(outcome(post(sesEvent("Delivery", messageId, "\"delivery\":{\"smtpResponse\":\"250 ok "
                + student + "\"}", "2")))).isEqualTo("APPLIED");

        // Then the email is delivered, announced with sequences 1 and 2
        assertThat(deliveryState(fileId)).isEqualTo("DELIVERED");
        await().atMost(Duration.ofSeconds(60)).until(() -> reports(fileId).size() == 2);
        assertThat(reports(fileId)).extracting(EmailDeliveryReported::getState)
                .containsExactly(EmailDeliveryState.DELAYED, EmailDeliveryState.DELIVERED);

        // When the same delivery and a late delay arrive again
        assertThat(outcome(post(sesEvent("Delivery", messageId, "\"delivery\":{}", "1")))).isEqualTo("UNCHANGED");
        assertThat(outcome(post(sesEvent("DeliveryDelay", messageId, "\"deliveryDelay\":{}", "1"))))
                .isEqualTo("UNCHANGED");

        // and then a permanent bounce, after which a complaint and a delivery come in
        assertThat(outcome(post(sesEvent("Bounce", messageId, "\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"" + student
                + "\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 <" + student + "> unknown\"}]}",
                "2")))).isEqualTo("APPLIED");
        assertThat(outcome(post(sesEvent("Complaint", messageId, "\"complaint\":{\"complaintFeedbackType\":"
                + "\"abuse\"}", "1")))).isEqualTo("UNCHANGED");

        // Then the hard bounce is final, announced once without the address, and the trainer is emailed once
        assertThat(deliveryState(fileId)).isEqualTo("BOUNCED");
        await().atMost(Duration.ofSeconds(60)).until(() -> reports(fileId).size() == 3);
        EmailDeliveryReported bounced = reports(fileId).get(2);
        assertThat(bounced.getState()).isEqualTo(EmailDeliveryState.BOUNCED);
        assertThat(bounced.getBounceType()).isEqualTo(EmailBounceType.HARD);
        assertThat(bounced.getSequence()).isEqualTo(3);
        assertThat(bounced.getSource()).isEqualTo(EmailDeliverySource.SES_EVENT);
        assertThat(bounced.getDiagnostic()).isEqualTo("Permanent General 5.1.1").doesNotContain("@");
        await().atMost(Duration.ofSeconds(60)).until(() -> SesLocalServer.get().emailsTo(trainer).size() == 1);
        JsonNode toTrainer = SesLocalServer.get().emailsTo(trainer).get(0);
        assertThat(toTrainer.get("subject").asString()).isEqualTo("Your video for Sam Student did not arrive");
        assertThat(toTrainer.get("body").get("text").asString()).contains(student, "does not exist");

        // When the trainer uploads another video for the same (hard-bounced) address
        UUID second = UUID.randomUUID();
        Events.publish(Events.initiated(second, student.toUpperCase()).build());
        Events.publish(Events.completed(second));

        // Then no email goes to the student: it is suppressed, announced as such and as failed
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUPPRESSED".equals(status(second)));
        await().atMost(Duration.ofSeconds(60)).until(() -> reports(second).size() == 1);
        assertThat(reports(second).get(0).getState()).isEqualTo(EmailDeliveryState.SUPPRESSED);
        assertThat(reports(second).get(0).getBounceType()).isEqualTo(EmailBounceType.HARD);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.EMAIL_FAILED, second).isEmpty());
        EmailFailed failed = Events.read(Topics.EMAIL_FAILED, second).get(0);
        assertThat(failed.getDetail()).doesNotContain("@");
        assertThat(SesLocalServer.get().emailsTo(student)).hasSize(1);
    }

    @Test
    void shouldRefuseAForgedSignatureAWrongCertificateHostAndAForeignTopic() throws Exception {
        // Given a sent email and a Delivery event for it
        UUID fileId = UUID.randomUUID();
        String messageId = sendStudentEmail(fileId, "forged-" + UUID.randomUUID() + "@riders.test");
        Map<String, String> genuine = SNS.notification(FakeSns.sesEvent("Bounce", messageId,
                "\"bounce\":{\"bounceType\":\"Permanent\"}"), "1");

        // When it is signed by another key, has its message changed after signing, names a certificate on another
        // host, or comes from a topic that is not ours
        Map<String, String> tampered = new java.util.LinkedHashMap<>(genuine);
        tampered.put("Message", FakeSns.sesEvent("Complaint", messageId, "\"complaint\":{}"));
        Map<String, String> otherHost = new java.util.LinkedHashMap<>(genuine);
        otherHost.put("SigningCertURL", SNS.certificateUrl().replace("127.0.0.1", "localhost"));
        Map<String, String> httpsElsewhere = new java.util.LinkedHashMap<>(genuine);
        httpsElsewhere.put("SigningCertURL", "https://sns.eu-west-1.amazonaws.com.evil.test/cert.pem");
        Map<String, String> foreign = new java.util.LinkedHashMap<>(genuine);
        foreign.put("TopicArn", "arn:aws:sns:eu-west-1:999999999999:someone-elses");
        Map<String, String> unknownVersion = new java.util.LinkedHashMap<>(genuine);
        unknownVersion.put("SignatureVersion", "3");

        // Then each is refused with the error body and changes nothing
        assertRefused(post(FakeSns.json(SNS.signedWithAnotherKey(genuine))), 403, "SNS_SIGNATURE_INVALID");
        assertRefused(post(FakeSns.json(tampered)), 403, "SNS_SIGNATURE_INVALID");
        assertRefused(post(FakeSns.json(SNS.resigned(otherHost))), 403, "SNS_SIGNATURE_INVALID");
        assertRefused(post(FakeSns.json(SNS.resigned(httpsElsewhere))), 403, "SNS_SIGNATURE_INVALID");
        assertRefused(post(FakeSns.json(SNS.resigned(foreign))), 403, "SNS_TOPIC_NOT_ALLOWED");
        assertRefused(post(FakeSns.json(unknownVersion)), 403, "SNS_SIGNATURE_INVALID");
        assertRefused(post("{\"Type\":\"Notification\"}"), 400, "SNS_MESSAGE_MALFORMED");
        assertRefused(post("not json"), 400, "SNS_MESSAGE_MALFORMED");
        assertThat(deliveryState(fileId)).isNull();

        // and the genuine message is still accepted afterwards
        assertThat(outcome(post(FakeSns.json(genuine)))).isEqualTo("APPLIED");
        assertThat(deliveryState(fileId)).isEqualTo("BOUNCED");
    }

    private String sendStudentEmail(UUID fileId, String student) {
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.completed(fileId));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(fileId)));
        String messageId = jdbc.sql("SELECT provider_message_id FROM email WHERE file_id = :id AND kind = "
                + "'STUDENT_LINK'").param("id", fileId).query(String.class).single();
        assertThat(SesLocalServer.get().emailsTo(student)).extracting(m -> m.get("messageId").asString())
                .containsExactly(messageId);
        return messageId;
    }

    private String sesEvent(String type, String messageId, String body, String version) {
        return FakeSns.json(SNS.notification(FakeSns.sesEvent(type, messageId, body), version));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/delivery-events/ses"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("x-amz-sns-message-type", "Notification")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("data").get("outcome").asString();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").get("code").asString()).isEqualTo(code);
        assertThat(body.get("error").get("message").asString()).isNotBlank();
    }

    private String status(UUID fileId) {
        return jdbc.sql("SELECT status FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'").param("id", fileId)
                .query(String.class).optional().orElse(null);
    }

    private String deliveryState(UUID fileId) {
        return jdbc.sql("SELECT delivery_state FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(String.class).optional().orElse(null);
    }

    private static List<EmailDeliveryReported> reports(UUID fileId) {
        return Events.read(Topics.EMAIL_DELIVERY_REPORTED, fileId).stream()
                .sorted(Comparator.comparingInt(EmailDeliveryReported::getSequence)).toList();
    }
}
