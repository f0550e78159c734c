package com.apexshare.upload;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

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
 * @param eventSendTimeout     longest wait for Kafka to acknowledge an event before the request fails with 503
 * @param s3                   the bucket and how to reach it
 * @param housekeeping         aborting multipart uploads nobody finished
 * @param notifications        sources of S3 ObjectCreated notifications
 */
@ConfigurationProperties("apexshare.upload")
public record UploadProperties(String consumerGroup, Duration retention, DataSize maxFileSize,
        DataSize singlePutMaxSize, DataSize partSize, int maxParts, int initialPartUrls, Duration presignExpiry,
        List<String> allowedContentTypes, Period sessionDateMaxAge, Period sessionDateMaxAhead,
        Duration eventSendTimeout, S3 s3, Housekeeping housekeeping, Notifications notifications) {

    public UploadProperties {
        allowedContentTypes = allowedContentTypes == null ? List.of()
                : allowedContentTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
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
     */
    public record S3(String bucket, String region, String endpoint, boolean pathStyleAccess, String accessKey,
            String secretKey) {

        public boolean hasEndpoint() {
            return endpoint != null && !endpoint.isBlank();
        }

        public URI endpointUri() {
            return URI.create(endpoint.trim());
        }

        public boolean hasStaticCredentials() {
            return accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank();
        }
    }

    /**
     * @param enabled    run the job in this replica
     * @param staleAfter age after which an unfinished upload is aborted
     * @param interval   pause between runs
     * @param batchSize  sessions handled per transaction
     */
    public record Housekeeping(boolean enabled, Duration staleAfter, Duration interval, int batchSize) {
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
