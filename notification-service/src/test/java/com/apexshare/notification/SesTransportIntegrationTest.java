package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailFailureReason;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topics;
import com.apexshare.events.link.LinkToken;
import com.apexshare.notification.support.DownloadServiceStandIn;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.FaultInjectingSesProxy;
import com.apexshare.notification.support.SesLocalServer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The SES transport against the real local SES v2 API, through a fault-injecting proxy. Its own context (SES
 * transport, own database and consumer group), closed after this class; the SMTP context's listeners pause meanwhile.
 */
@SpringBootTest
// download-service's part: confirms the issued links, so that the student emails may leave
@Import(DownloadServiceStandIn.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SesTransportIntegrationTest {

    static final int RATE = 10;
    static final FaultInjectingSesProxy PROXY = new FaultInjectingSesProxy(SesLocalServer.get().endpoint());
    private static final Pattern LINK = Pattern.compile("https://ses\\.apexshare\\.test/d/([A-Za-z0-9_-]{43})");

    @Autowired
    JdbcClient jdbc;

    private long nextSlotMicros() {
        return jdbc.sql("SELECT next_slot_micros FROM send_pacer WHERE id = 1").query(Long.class).single();
    }

    private static long nowMicros() {
        return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
    }

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource("notification_ses").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("apexshare.notification.consumer-group", () -> "notification-service-ses-test");
        registry.add("apexshare.notification.transport", () -> "SES");
        registry.add("apexshare.notification.ses.endpoint", () -> PROXY.endpoint().toString());
        registry.add("apexshare.notification.ses.region", () -> "eu-west-1");
        registry.add("apexshare.notification.ses.access-key", () -> "AKIDLOCAL");
        registry.add("apexshare.notification.ses.secret-key", () -> "local-secret");
        registry.add("apexshare.notification.ses.configuration-set", () -> "apexshare-test");
        registry.add("apexshare.notification.link-base-url", () -> "https://ses.apexshare.test");
        registry.add("apexshare.notification.mail.from-address", () -> "videos@apexshare.test");
        registry.add("apexshare.notification.max-send-rate", () -> Integer.toString(RATE));
        registry.add("apexshare.notification.dispatcher.poll-interval", () -> "PT0.1S");
        registry.add("apexshare.notification.retry.initial-backoff", () -> "PT0.2S");
        registry.add("apexshare.notification.retry.max-backoff", () -> "PT1S");
        registry.add("apexshare.platform.outbox.poll-interval", () -> "100ms");
    }

    @BeforeAll
    static void pauseTheSmtpContext() {
        SmtpContextIntegrationTest.pauseListeners();
    }

    @AfterAll
    static void resumeTheSmtpContext() {
        SmtpContextIntegrationTest.resumeListeners();
    }

    @Test
    void shouldSendTheRawEmailThroughSesAndPublishTheTokenHash() {
        // Given a completed upload
        UUID fileId = UUID.randomUUID();
        String student = address("ses");
        Events.publish(Events.initiated(fileId, student).setTrainerName("Tess Trainer").build());
        Events.publish(Events.completed(fileId));

        // When SES accepts its email
        await().atMost(Duration.ofSeconds(60)).until(() -> SesLocalServer.get().emailsTo(student).size() == 1);
        JsonNode stored = SesLocalServer.get().emailsTo(student).get(0);

        // Then SES got the subject, both parts, one recipient and the link, and EmailSent matches the token
        assertThat(stored.get("subject").asString()).isEqualTo("Your riding session video from Tess Trainer is ready");
        assertThat(stored.get("destination").get("to")).hasSize(1);
        assertThat(stored.get("destination").get("cc")).isEmpty();
        assertThat(stored.get("destination").get("bcc")).isEmpty();
        String text = stored.get("body").get("text").asString();
        String html = stored.get("body").get("html").asString();
        assertThat(text).contains("Tess Trainer", "GX010042.MP4");
        String token = token(text);
        assertThat(token(html)).isEqualTo(token);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.EMAIL_SENT, fileId).isEmpty());
        EmailSent sent = Events.read(Topics.EMAIL_SENT, fileId).get(0);
        assertThat(sent.getTransport()).isEqualTo(EmailTransport.SES);
        assertThat(sent.getLinkTokenSha256()).isEqualTo(LinkToken.parse(token).sha256Hex());
        assertThat(sent.getProviderMessageId()).isEqualTo(stored.get("messageId").asString());
    }

    @Test
    void shouldSendEveryEmailOnceAndInRateWhileSesThrottlesForAWhile() {
        // Given SES answering the next 12 calls with throttling or 503
        double retriedBefore = retried();
        int failuresBefore = PROXY.injectedFailures();
        int callsBefore = PROXY.calls().size();
        long slotsFrom = Math.max(nextSlotMicros(), nowMicros());
        PROXY.failNext(12);

        // When eight uploads complete
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID fileId = UUID.randomUUID();
            String student = address("throttled");
            students.add(student);
            Events.publish(Events.initiated(fileId, student).build());
            Events.publish(Events.completed(fileId));
        }

        // Then every student's email is accepted exactly once after the retries
        await().atMost(Duration.ofSeconds(120))
                .until(() -> students.stream().allMatch(s -> SesLocalServer.get().emailsTo(s).size() == 1));
        assertThat(PROXY.injectedFailures() - failuresBefore).isEqualTo(12);
        assertThat(retried() - retriedBefore).isGreaterThanOrEqualTo(12);
        for (String student : students) {
            assertThat(SesLocalServer.get().emailsTo(student)).hasSize(1);
            assertThat(PROXY.calls().stream().filter(c -> c.accepted() && c.to().contains(student))).hasSize(1);
        }

        // and every SendEmail call, failed or not, first reserved its own slot of 1/RATE seconds in the shared pacer:
        // the pacer row advanced by at least one interval per call. (Checked on the reservations, not on HTTP arrival
        // times, whose jitter says nothing about the pacing.)
        int calls = PROXY.calls().size() - callsBefore;
        long intervalMicros = 1_000_000L / RATE;
        assertThat(calls).isGreaterThanOrEqualTo(20);
        assertThat(nextSlotMicros() - slotsFrom).as("pacer slots reserved for %d calls", calls)
                .isGreaterThanOrEqualTo(calls * intervalMicros);
    }

    @Test
    void shouldRecordARejectedRecipientAsFailedWithoutRetryingOrLeakingTheAddress() {
        // Given a student SES refuses (sandbox: address not verified)
        UUID fileId = UUID.randomUUID();
        String student = FaultInjectingSesProxy.REJECT_MARKER + UUID.randomUUID() + "@riders.test";
        Events.publish(Events.initiated(fileId, student).build());

        // When the upload completes
        Events.publish(Events.completed(fileId));

        // Then one attempt, FAILED, and EmailFailed(RECIPIENT_REJECTED) without the address
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(jdbc.sql(
                "SELECT status FROM email WHERE file_id = :id").param("id", fileId).query(String.class).optional()
                .orElse(null)));
        assertThat(jdbc.sql("SELECT attempts FROM email WHERE file_id = :id").param("id", fileId)
                .query(Integer.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Events.read(Topics.EMAIL_FAILED, fileId).isEmpty());
        EmailFailed failed = Events.read(Topics.EMAIL_FAILED, fileId).get(0);
        assertThat(failed.getReason()).isEqualTo(EmailFailureReason.RECIPIENT_REJECTED);
        assertThat(failed.getDetail()).contains("not verified").doesNotContain(student).doesNotContain("@");
        assertThat(SesLocalServer.get().emailsTo(student)).isEmpty();
    }

    @Test
    void shouldNeitherInjectHeadersNorHtmlThroughSes() throws Exception {
        // Given uploads with hostile names and notes
        Map<String, String> students = new LinkedHashMap<>();
        for (String hostile : HostileInput.VALUES) {
            UUID fileId = UUID.randomUUID();
            String student = address("hostile-ses");
            students.put(student, hostile);
            Events.publish(Events.initiated(fileId, student).setTrainerName(hostile).setStudentName(hostile)
                    .setNotes(hostile).setFileName(hostile).build());
            Events.publish(Events.completed(fileId));
        }

        // When SES accepts them
        await().atMost(Duration.ofSeconds(120))
                .until(() -> students.keySet().stream().allMatch(s -> SesLocalServer.get().emailsTo(s).size() == 1));

        // Then the raw MIME handed to SES has no injected header or HTML, and SES delivered to the student only
        for (Map.Entry<String, String> student : students.entrySet()) {
            byte[] raw = PROXY.calls().stream().filter(c -> c.accepted() && c.to().contains(student.getKey()))
                    .findFirst().orElseThrow().rawMime();
            assertThat(PROXY.calls().stream().filter(c -> c.accepted() && c.to().contains(student.getKey())))
                    .allSatisfy(c -> assertThat(c.to()).containsExactly(student.getKey()));
            HostileInput.assertNoInjectedHeader(raw, student.getKey(), student.getValue());
            JsonNode stored = SesLocalServer.get().emailsTo(student.getKey()).get(0);
            assertThat(stored.get("destination").get("to")).hasSize(1);
            assertThat(stored.get("destination").get("cc")).isEmpty();
            assertThat(stored.get("destination").get("bcc")).isEmpty();
            HostileInput.assertNoInjectedHtml(stored.get("body").get("html").asString());
        }
        assertThat(SesLocalServer.get().emailsTo(HostileInput.ATTACKER)).isEmpty();
    }

    private double retried() {
        return meters.find("apexshare.emails.retried").tag("transport", "SES").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static String address(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@riders.test";
    }

    private static String token(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("link in %s", body).isTrue();
        return m.group(1);
    }
}
