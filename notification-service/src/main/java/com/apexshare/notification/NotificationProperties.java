package com.apexshare.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Typed configuration of the notification service, under {@code apexshare.notification}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup       Kafka consumer group of this service; also names its dead-letter topics
 * @param transport           which mail transport sends the emails
 * @param linkBaseUrl         public base URL of the download side; the student's link is {@code <base>/d/<token>}
 * @param maxSendRate         most emails per second handed to the provider, over all replicas (SES sandbox: 1)
 * @param mail                sender identity and formatting of the emails
 * @param ses                 Amazon SES v2 settings (transport {@code SES})
 * @param dispatcher          how due emails are picked from the table and sent
 * @param retry               backoff of transient failures
 * @param trainerNotification the trainer's email on the first download
 * @param stuckAfter          an email still {@code SENDING} after this long is reported as stuck (metric and log)
 * @param purgeAfter          how long past its retention end an upload's row (personal data) is kept before removal
 * @param deliveryTracking    what happens to emails after they were sent: SES events, the bounce mailbox, VERP
 * @param reminders           the one reminder to a student who has not downloaded
 * @param digest              the trainer's optional daily digest
 */
@Validated
@ConfigurationProperties("apexshare.notification")
public record NotificationProperties(
        @NotBlank String consumerGroup,
        @NotNull Transport transport,
        @NotNull URI linkBaseUrl,
        @DecimalMin(value = "0.0", inclusive = false) double maxSendRate,
        @Valid @NotNull Mail mail,
        @Valid @NotNull Ses ses,
        @Valid @NotNull Dispatcher dispatcher,
        @Valid @NotNull Retry retry,
        @Valid @NotNull TrainerNotification trainerNotification,
        @NotNull Duration stuckAfter,
        @NotNull Duration purgeAfter,
        @Valid @NotNull DeliveryTracking deliveryTracking,
        @Valid Reminders reminders,
        @Valid Digest digest) {

    public NotificationProperties {
        reminders = reminders == null ? Reminders.DEFAULTS : reminders;
        digest = digest == null ? Digest.DEFAULTS : digest;
    }

    /**
     * @param enabled   send each trainer with live uploads one digest a day (off by default)
     * @param hour      local hour (in {@code mail.time-zone}) from which the day's digests go out
     * @param interval  how often the job looks whether digests are due
     * @param batchSize trainers claimed per statement
     */
    public record Digest(boolean enabled, @Min(0) @jakarta.validation.constraints.Max(23) int hour,
            @NotNull Duration interval, @Min(1) int batchSize) {

        static final Digest DEFAULTS = new Digest(false, 7, Duration.ofMinutes(5), 100);
    }

    /**
     * @param enabled   whether this replica runs the reminder job (the trainer switches it per upload)
     * @param after     how long after the first link email a student who has not downloaded is reminded
     * @param lateLimit how late a reminder may still go out (a job that was off, a deployment that enables it): a link
     *                  email sent longer than {@code after + lateLimit} ago gets none
     * @param interval  how often the job looks for due reminders
     * @param batchSize most reminders owed per look
     */
    public record Reminders(boolean enabled, @NotNull Duration after, @NotNull Duration lateLimit,
            @NotNull Duration interval, @Min(1) int batchSize) {

        static final Reminders DEFAULTS = new Reminders(true, Duration.ofHours(48), Duration.ofDays(1),
                Duration.ofMinutes(1), 500);
    }

    /** The mail transports this service can use. */
    public enum Transport {
        /** Amazon SES v2 {@code SendEmail} with the raw MIME message. */
        SES,
        /** Any SMTP relay (the local run's devstack server, a corporate relay, SES's SMTP interface). */
        SMTP
    }

    /**
     * @param fromAddress address in {@code From}; with SES it must be a verified identity
     * @param fromName    display name in {@code From}
     * @param replyTo     address in {@code Reply-To}; blank for none
     * @param timeZone    time zone in which the link's expiry is shown
     */
    public record Mail(@NotBlank String fromAddress, @NotBlank String fromName, String replyTo,
            @NotNull ZoneId timeZone) {
    }

    /**
     * @param region           AWS region of SES
     * @param endpoint         endpoint override (local SES, VPC endpoint); blank for AWS's
     * @param configurationSet SES configuration set (event publishing, suppression); blank for none
     * @param accessKey        static access key; blank for the SDK's default credentials chain (IRSA, instance role)
     * @param secretKey        static secret key, with {@code accessKey}
     * @param timeout          total time one {@code SendEmail} call may take
     */
    public record Ses(@NotBlank String region, String endpoint, String configurationSet, String accessKey,
            String secretKey, @NotNull Duration timeout) {
    }

    /**
     * @param pollInterval  how often due emails are looked for when nothing signalled new work
     * @param senderThreads provider calls made at once by one replica
     * @param maxInFlight   most emails one replica has taken (leased) and not yet finished
     * @param lease         how long a taken email is reserved for this replica before another may take it
     */
    public record Dispatcher(@NotNull Duration pollInterval, @Min(1) int senderThreads, @Min(1) int maxInFlight,
            @NotNull Duration lease) {
    }

    /**
     * @param initialBackoff wait before the second attempt
     * @param multiplier     growth of the wait per attempt
     * @param maxBackoff     longest wait between two attempts
     * @param maxAttempts    attempts before the email is given up ({@code RETRIES_EXHAUSTED})
     */
    public record Retry(@NotNull Duration initialBackoff, @DecimalMin("1.0") double multiplier,
            @NotNull Duration maxBackoff, @Min(1) int maxAttempts) {
    }

    /** @param enabled whether the trainer is emailed when the student first downloads the video */
    public record TrainerNotification(boolean enabled) {
    }

    /**
     * @param sesEvents     the SNS endpoint taking the SES configuration set's events
     * @param verpAddress   SMTP only: the bounce mailbox's address, e.g. {@code bounces@apexshare.example}; each email's
     *                      envelope sender (Return-Path) becomes {@code bounces+<message id>@apexshare.example}, so a
     *                      bounce names its email even when it quotes nothing of it; blank keeps the From address
     * @param bounceMailbox SMTP only: the mailbox bounces (DSNs) arrive in, read over IMAP
     */
    public record DeliveryTracking(@Valid @NotNull SesEvents sesEvents, String verpAddress,
            @Valid @NotNull BounceMailbox bounceMailbox) {
    }

    /**
     * @param topicArns              the SNS topics whose messages are accepted (anyone can create a topic and sign
     *                               with SNS's key, so this is what makes a message ours); empty refuses every message
     * @param certificateHostPattern regular expression the signing certificate's and the subscribe URL's host must
     *                               match entirely ({@code sns.<region>.amazonaws.com} in production)
     * @param requireHttps           whether those URLs must be https (only tests turn this off)
     * @param certificateCacheSize   signing certificates kept in memory (SNS uses one per region, rotated rarely)
     * @param httpTimeout            fetching a certificate or confirming a subscription at most
     */
    public record SesEvents(List<String> topicArns, @NotBlank String certificateHostPattern, boolean requireHttps,
            @Min(1) int certificateCacheSize, @NotNull Duration httpTimeout) {

        public SesEvents {
            topicArns = topicArns == null ? List.of()
                    : topicArns.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        }
    }

    /**
     * @param enabled      whether the bounce mailbox is read
     * @param protocol     {@code imap} or {@code imaps}
     * @param host         IMAP server
     * @param port         IMAP port
     * @param username     login
     * @param password     password
     * @param folder       the folder bounces arrive in
     * @param starttls     require STARTTLS on {@code imap}
     * @param pollInterval how often the mailbox is read
     * @param timeout      connect and read timeout
     * @param batchSize    most messages handled per poll
     */
    public record BounceMailbox(boolean enabled, @NotBlank String protocol, String host, int port, String username,
            String password, @NotBlank String folder, boolean starttls, @NotNull Duration pollInterval,
            @NotNull Duration timeout, @Min(1) int batchSize) {
    }
}
