package com.apexshare.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.notification.support.DownloadServiceStandIn;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one Spring context most integration tests share: SMTP transport into the devstack's GreenMail, real Kafka and
 * PostgreSQL, a send rate high enough not to slow the tests, short backoffs. Subclasses add no configuration, so
 * Spring's context cache starts it once per JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// download-service's part: confirms the issued links, so that the student emails may leave
@Import(DownloadServiceStandIn.class)
public abstract class SmtpContextIntegrationTest {

    public static final String LINK_BASE = "https://videos.apexshare.test";
    public static final String FROM = "no-reply@apexshare.test";
    public static final String REPLY_TO = "support@apexshare.test";
    /** The bounce mailbox (GreenMail over IMAP) and the VERP base of every email's return path. */
    public static final String BOUNCES = "bounces@apexshare.test";
    public static final String BOUNCES_LOGIN = "bounces";
    public static final String BOUNCES_PASSWORD = "bounce-secret";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MeterRegistry meters;

    private static volatile KafkaListenerEndpointRegistry listeners;

    @Autowired
    void remember(KafkaListenerEndpointRegistry registry) {
        listeners = registry;
    }

    /**
     * Stops this context's Kafka listeners while another context (the SES one) consumes the same topics, so that the
     * other context's events are not also emailed through SMTP meanwhile; no-op when this context was not started.
     */
    static void pauseListeners() {
        if (listeners != null) {
            listeners.stop();
        }
    }

    /** The listeners pause and resume act on (the context that was created last). */
    static KafkaListenerEndpointRegistry currentListeners() {
        return listeners;
    }

    /** Points pause and resume back at a context's listeners (after a class with a context of its own). */
    static void restoreListeners(KafkaListenerEndpointRegistry registry) {
        listeners = registry;
    }

    static void resumeListeners() {
        if (listeners != null) {
            listeners.start();
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource("notification").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.mail.host", () -> DevStack.smtp().host());
        registry.add("spring.mail.port", () -> DevStack.smtp().port());
        registry.add("apexshare.notification.transport", () -> "SMTP");
        registry.add("apexshare.notification.link-base-url", () -> LINK_BASE + "/");
        registry.add("apexshare.notification.mail.from-address", () -> FROM);
        registry.add("apexshare.notification.mail.from-name", () -> "ApexShare Videos");
        registry.add("apexshare.notification.mail.reply-to", () -> REPLY_TO);
        registry.add("apexshare.notification.max-send-rate", () -> "200");
        registry.add("apexshare.notification.dispatcher.poll-interval", () -> "PT0.1S");
        registry.add("apexshare.notification.retry.initial-backoff", () -> "PT0.2S");
        registry.add("apexshare.notification.retry.max-backoff", () -> "PT1S");
        registry.add("apexshare.platform.outbox.poll-interval", () -> "100ms");
        DevStack.smtp().greenMail().setUser(BOUNCES, BOUNCES_LOGIN, BOUNCES_PASSWORD);
        registry.add("apexshare.notification.delivery-tracking.verp-address", () -> BOUNCES);
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.enabled", () -> "true");
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.protocol", () -> "imap");
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.host", () -> DevStack.smtp().host());
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.port", () -> DevStack.smtp().imapPort());
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.username", () -> BOUNCES_LOGIN);
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.password", () -> BOUNCES_PASSWORD);
        registry.add("apexshare.notification.delivery-tracking.bounce-mailbox.poll-interval", () -> "PT0.5S");
    }

    /** Waits until this service has recorded {@code count} completion signals of the upload. */
    protected void awaitCompletionSignals(UUID fileId, int count) {
        await("completion signals of " + fileId).atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT completion_signals FROM upload WHERE file_id = :id").param("id", fileId)
                        .query(Integer.class).optional().orElse(0) >= count);
    }

    /** Status of one email of the upload, or null when none is owed. */
    protected String emailStatus(UUID fileId, String kind) {
        return jdbc.sql("SELECT status FROM email WHERE file_id = :id AND kind = :kind").param("id", fileId)
                .param("kind", kind).query(String.class).optional().orElse(null);
    }

    protected long outboxRows(UUID fileId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_key = :key").param("key", fileId.toString())
                .query(Long.class).single();
    }

    protected static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@riders.test";
    }
}
