package com.apexshare.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

/**
 * The trainer's optional daily digest (off by default, {@code digest.enabled}): from {@code digest.hour} in the mail
 * time zone, every trainer with an address and live uploads gets one email listing the uploads not downloaded yet and
 * those first downloaded in the last day. The day's claim row is written before the provider call, so the digest goes
 * out at most once per trainer and day whatever the replicas (a provider failure is recorded, not retried: tomorrow
 * brings the next one). Sent at the platform's rate like every email ({@link SendPacer}).
 */
@Component
public class TrainerDigestJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerDigestJob.class);
    private static final int MAX_LINES = 50;

    private final Digests digests;
    private final EmailWriter writer;
    private final MailTransport transport;
    private final SendPacer pacer;
    private final Clock clock;
    private final NotificationProperties.Digest settings;
    private final ZoneId zone;

    TrainerDigestJob(Digests digests, EmailWriter writer, MailTransport transport, SendPacer pacer, Clock clock,
            NotificationProperties properties) {
        this.digests = digests;
        this.writer = writer;
        this.transport = transport;
        this.pacer = pacer;
        this.clock = clock;
        this.settings = properties.digest();
        this.zone = properties.mail().timeZone();
    }

    @Scheduled(initialDelayString = "${apexshare.notification.digest.interval}",
            fixedDelayString = "${apexshare.notification.digest.interval}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        if (now.getHour() < settings.hour()) {
            return;
        }
        try {
            sendFor(now.toLocalDate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Digest run failed; the next run tries the trainers not yet claimed: {}", e.toString());
        }
    }

    /** Sends the day's digest to every trainer who has none yet; how many were sent. */
    public int sendFor(LocalDate day) throws InterruptedException {
        int sent = 0;
        List<Digests.Recipient> batch;
        do {
            Instant now = clock.instant();
            batch = digests.claim(day, now, settings.batchSize());
            for (Digests.Recipient recipient : batch) {
                sent += send(recipient, day) ? 1 : 0;
            }
        } while (batch.size() == settings.batchSize());
        if (sent > 0) {
            LOG.info("{} trainer digest(s) sent for {}", sent, day);
        }
        return sent;
    }

    private boolean send(Digests.Recipient recipient, LocalDate day) throws InterruptedException {
        Instant now = clock.instant();
        List<TrainerDigest.Line> live = digests.liveUploadsOf(recipient.trainerId(), now, MAX_LINES);
        Instant dayAgo = now.minus(Duration.ofDays(1));
        TrainerDigest digest = new TrainerDigest(
                UUID.nameUUIDFromBytes((recipient.trainerId() + "/" + day).getBytes(StandardCharsets.UTF_8)),
                recipient.trainerId(), recipient.trainerName(), recipient.trainerEmail(), day,
                live.stream().filter(l -> l.firstDownloadedAt() == null).toList(),
                live.stream().filter(l -> l.firstDownloadedAt() != null && l.firstDownloadedAt().isAfter(dayAgo))
                        .toList());
        if (digest.isEmpty()) {
            digests.sent(recipient.trainerId(), day, null, now);
            return false;
        }
        pacer.awaitSlot();
        try {
            String messageId = transport.send(writer.trainerDigest(digest));
            digests.sent(recipient.trainerId(), day, messageId, clock.instant());
            return true;
        } catch (EmailDeliveryFailed e) {
            String reason = e.reason() == null ? "TRANSIENT" : e.reason().name();
            digests.failed(recipient.trainerId(), day, reason, clock.instant());
            LOG.warn("The digest of trainer {} for {} was not accepted ({}); the next comes tomorrow",
                    recipient.trainerId(), day, reason);
            return false;
        }
    }
}
