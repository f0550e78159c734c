package com.apexshare.notification.email.imap;

import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;
import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.DeliveryReports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the bounce mailbox every {@code poll-interval}: each unseen message that is a delivery report is applied
 * ({@link DeliveryReports}, idempotent) and then deleted; a message that is no report is marked seen and left for a
 * person; a message whose report could not be applied (the database away) is left unseen for the next poll. Several
 * replicas may read the same mailbox: a report applied twice changes nothing the second time.
 */
@Component
@ConditionalOnProperty(name = "apexshare.notification.delivery-tracking.bounce-mailbox.enabled", havingValue = "true")
class BounceMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(BounceMailbox.class);

    private final NotificationProperties.BounceMailbox config;
    private final DeliveryReports reports;
    private final BounceReports parser;
    private final Session session;
    private final MeterRegistry meters;

    BounceMailbox(NotificationProperties properties, DeliveryReports reports, MeterRegistry meters) {
        this.config = properties.deliveryTracking().bounceMailbox();
        if (config.host() == null || config.host().isBlank()) {
            throw new IllegalStateException("BOUNCE_IMAP_HOST must name the bounce mailbox's IMAP server when "
                    + "BOUNCE_IMAP_ENABLED=true");
        }
        this.reports = reports;
        this.meters = meters;
        this.parser = new BounceReports(properties.deliveryTracking().verpAddress());
        String protocol = config.protocol();
        Properties mail = new Properties();
        String timeout = Long.toString(config.timeout().toMillis());
        mail.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        mail.setProperty("mail." + protocol + ".timeout", timeout);
        mail.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (config.starttls()) {
            mail.setProperty("mail." + protocol + ".starttls.enable", "true");
            mail.setProperty("mail." + protocol + ".starttls.required", "true");
        }
        this.session = Session.getInstance(mail);
        LOG.info("Reading bounces from {}://{}:{}/{} every {}", protocol, config.host(), config.port(),
                config.folder(), config.pollInterval());
    }

    @Scheduled(fixedDelayString = "${apexshare.notification.delivery-tracking.bounce-mailbox.poll-interval}",
            initialDelayString = "${apexshare.notification.delivery-tracking.bounce-mailbox.poll-interval}")
    void poll() {
        try {
            pollOnce();
        } catch (MessagingException | RuntimeException e) {
            count("mailbox_unavailable");
            LOG.warn("Cannot read the bounce mailbox {}:{}: {}", config.host(), config.port(), e.toString());
        }
    }

    /** One pass over the unseen messages, at most {@code batch-size}; how many reports were applied or known. */
    int pollOnce() throws MessagingException {
        try (Store store = session.getStore(config.protocol())) {
            store.connect(config.host(), config.port(), config.username(), config.password());
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            int handled = 0;
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, config.batchSize()))) {
                    handled += handle(message) ? 1 : 0;
                }
            } finally {
                folder.close(true);
            }
            return handled;
        }
    }

    private boolean handle(Message message) throws MessagingException {
        if (message.isSet(Flags.Flag.DELETED)) {
            return false;
        }
        Optional<DeliveryReport> report;
        try {
            report = parser.read((MimeMessage) message);
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            LOG.warn("A message of the bounce mailbox cannot be read as a report; left for a person: {}",
                    e.toString());
            message.setFlag(Flags.Flag.SEEN, true);
            count("unreadable");
            return false;
        }
        if (report.isEmpty()) {
            // Reading the body marked it seen: it stays for a person and is not read again.
            message.setFlag(Flags.Flag.SEEN, true);
            count("not_a_report");
            return false;
        }
        try {
            DeliveryReports.Outcome outcome = reports.record(report.get());
            message.setFlag(Flags.Flag.DELETED, true);
            count(outcome.name().toLowerCase(java.util.Locale.ROOT));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("A {} report from the bounce mailbox could not be applied; retried at the next poll: {}",
                    report.get().state(), e.toString());
            message.setFlag(Flags.Flag.SEEN, false);
            count("failed");
            return false;
        }
    }

    private void count(String outcome) {
        Counter.builder("apexshare.email.bounce.mailbox.messages").tag("outcome", outcome)
                .description("Messages read from the bounce mailbox, by what became of them").register(meters)
                .increment();
    }
}
