package com.apexshare.upload;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import com.apexshare.platform.aws.AwsClientSettings;
import com.apexshare.upload.quota.QuotaSettings;

/**
 * Typed configuration of the upload service, under {@code apexshare.upload}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup        Kafka consumer group of this service; also names its dead-letter topics
 * @param retention            added to the initiation time to give the upload's {@code retentionUntil}
 * @param maxFileSize          largest declared file size accepted
 * @param singlePutMaxSize     files up to this size get one presigned PUT, larger ones a multipart upload
 * @param partSize             smallest part size of a multipart upload; grows so that no file needs more than
 *                             {@code maxParts} parts
 * @param maxParts             most parts of one multipart upload (S3 allows 10,000)
 * @param initialPartUrls      presigned part URLs handed out with the initiate answer (the client asks for the rest)
 * @param presignExpiry        lifetime of every presigned URL
 * @param allowedContentTypes  media types a video may declare (compared case-insensitively)
 * @param sessionDateMaxAge    how far in the past a session date may lie
 * @param sessionDateMaxAhead  how far in the future a session date may lie (time zones, pre-registered sessions)
 * @param s3                   the bucket and how to reach it
 * @param housekeeping         aborting multipart uploads nobody finished
 * @param notifications        sources of S3 ObjectCreated notifications
 * @param quotas               what one trainer may start per hour and per day
 * @param actions              the trainer's actions on a completed upload (resend, expiry changes)
 */
@ConfigurationProperties("apexshare.upload")
public record UploadProperties(String consumerGroup, Duration retention, DataSize maxFileSize,
        DataSize singlePutMaxSize, DataSize partSize, int maxParts, int initialPartUrls, Duration presignExpiry,
        List<String> allowedContentTypes, Period sessionDateMaxAge, Period sessionDateMaxAhead,
        S3 s3, Housekeeping housekeeping, Notifications notifications, QuotaSettings quotas, Actions actions) {

    public UploadProperties {
        allowedContentTypes = allowedContentTypes == null ? List.of()
                : allowedContentTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        quotas = quotas == null ? new QuotaSettings(0, null, 0) : quotas;
        actions = actions == null ? Actions.DEFAULTS : actions;
        if (maxParts < 1 || maxParts > 10_000) {
            throw new IllegalArgumentException("apexshare.upload.max-parts must be 1..10000: " + maxParts);
        }
    }

    /**
     * @param bucket          bucket receiving the videos
     * @param region          its region
     * @param endpoint        S3-compatible endpoint; blank for AWS
     * @param pathStyleAccess {@code http://host/bucket/key} addressing (S3Proxy, MinIO)
     * @param accessKey       static credentials; blank for the SDK's default chain (IRSA, instance profile)
     * @param secretKey       static credentials; blank for the SDK's default chain
     * @param forbiddenMeansMissing whether HeadObject's 403 means "no such key": AWS answers 403 instead of 404 for
     *                        a missing key when the role lacks {@code s3:ListBucket}. Off by default, as the documented
     *                        policy grants ListBucket and a 403 then is a real denial (503, retried)
     */
    public record S3(String bucket, String region, String endpoint, boolean pathStyleAccess, String accessKey,
            String secretKey, boolean forbiddenMeansMissing) {

        /** How the S3 clients connect. */
        public AwsClientSettings clientSettings() {
            return new AwsClientSettings(region, endpoint, pathStyleAccess, accessKey, secretKey);
        }

        /** The same region and credentials for other AWS services (SQS): the endpoint override is S3's only. */
        public AwsClientSettings awsSettings() {
            return new AwsClientSettings(region, null, false, accessKey, secretKey);
        }

        /** Never the secret key. */
        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", " + clientSettings() + "]";
        }
    }

    /**
     * @param enabled    run the job in this replica
     * @param staleAfter age after which an unfinished upload is aborted
     * @param interval   pause between runs
     * @param batchSize  sessions claimed per short transaction
     * @param abortLease how long an abort that was claimed (by a trainer's request or a housekeeping run) and never
     *                   settled is left to its claimant before housekeeping finishes it
     */
    public record Housekeeping(boolean enabled, Duration staleAfter, Duration interval, int batchSize,
            Duration abortLease) {

        public Housekeeping {
            if (batchSize < 1) {
                throw new IllegalArgumentException("apexshare.upload.housekeeping.batch-size must be positive");
            }
        }
    }

    /**
     * @param resendLimit    most resends of one upload's email within {@code resendWindow}; 0 forbids resending
     * @param resendWindow   the sliding window of the resend limit
     * @param expiryMaxAhead the latest new expiry, counted from the moment of the change
     * @param expiryMinAhead the earliest new expiry, counted from the moment of the change (to end the links at once,
     *                       revoke them)
     * @param expiryMaxExtension how far past its regular end (initiation + retention) an upload may live at most, however
     *                       often it is extended; the bucket's lifecycle expiry must lie beyond it
     */
    public record Actions(int resendLimit, Duration resendWindow, Duration expiryMaxAhead, Duration expiryMinAhead,
            Duration expiryMaxExtension) {

        static final Actions DEFAULTS = new Actions(3, Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(1),
                Duration.ofDays(30));

        public Actions {
            resendWindow = resendWindow == null ? DEFAULTS.resendWindow : resendWindow;
            expiryMaxAhead = expiryMaxAhead == null ? DEFAULTS.expiryMaxAhead : expiryMaxAhead;
            expiryMinAhead = expiryMinAhead == null ? DEFAULTS.expiryMinAhead : expiryMinAhead;
            expiryMaxExtension = expiryMaxExtension == null ? DEFAULTS.expiryMaxExtension : expiryMaxExtension;
            if (resendLimit < 0) {
                throw new IllegalArgumentException("apexshare.upload.actions.resend-limit must not be negative");
            }
            if (expiryMinAhead.compareTo(expiryMaxAhead) > 0) {
                throw new IllegalArgumentException(
                        "apexshare.upload.actions.expiry-min-ahead must not exceed expiry-max-ahead");
            }
        }
    }

    /**
     * @param kafka raw S3 event messages on {@code Topics.S3_NOTIFICATIONS_RAW} (MinIO's Kafka target, a bridge)
     * @param sqs   an SQS queue S3 sends its notifications to (AWS)
     */
    public record Notifications(Kafka kafka, Sqs sqs) {

        public record Kafka(boolean enabled) {
        }

        /**
         * @param queueUrl    queue to poll; blank turns the SQS source off
         * @param waitTime    long-poll wait of one receive call (at most 20 s)
         * @param maxMessages messages per receive call (at most 10)
         */
        public record Sqs(String queueUrl, Duration waitTime, int maxMessages) {

            public boolean enabled() {
                return queueUrl != null && !queueUrl.isBlank();
            }
        }
    }
}
