package com.apexshare.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed configuration of the catalog service, under {@code apexshare.catalog}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup Kafka consumer group of this service; also names its dead-letter topics
 * @param ingest        how the events are consumed
 * @param dashboard     paging limits of the dashboard API
 * @param retention     the job that removes uploads at the end of their retention period
 * @param s3            where the videos are stored
 */
@ConfigurationProperties("apexshare.catalog")
public record CatalogProperties(String consumerGroup, Ingest ingest, Dashboard dashboard, Retention retention, S3 s3) {

    /**
     * @param concurrency consumer threads of this replica (the topics have 6 partitions each)
     */
    public record Ingest(int concurrency) {
    }

    /**
     * @param maxLimit  largest page size a request may ask for
     * @param maxOffset deepest offset of {@code /recent}; deeper pages use the cursor of {@code GET /api/v1/uploads}
     */
    public record Dashboard(int maxLimit, int maxOffset) {
    }

    /**
     * The retention period itself is chosen by the upload service ({@code RETENTION_PERIOD}) and arrives with each
     * upload as {@code retentionUntil}; this service enforces it.
     *
     * @param enabled   whether this replica runs the job (every replica may: batches are claimed with SKIP LOCKED)
     * @param interval  pause between two runs
     * @param batchSize uploads claimed per short claiming transaction
     * @param lease     how long a claimed upload is reserved for this replica while its object is deleted and its
     *                  {@code UploadDeleted} published; a replica that dies meanwhile leaves it to a later run once the
     *                  lease has run out. Longer than a batch of S3 deletions plus Kafka's send timeout.
     */
    public record Retention(boolean enabled, Duration interval, int batchSize, Duration lease) {

        public Retention {
            if (batchSize < 1) {
                throw new IllegalArgumentException("apexshare.catalog.retention.batch-size must be positive");
            }
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("apexshare.catalog.retention.lease must be positive");
            }
        }
    }

    /**
     * Where the videos are, as the platform's {@link com.apexshare.platform.aws.AwsClientSettings} need it.
     *
     * @param bucket          default bucket, for uploads whose event named none
     * @param region          AWS region
     * @param endpoint        endpoint override (S3Proxy, MinIO); blank for AWS
     * @param pathStyleAccess path-style addressing (needed by S3Proxy and MinIO)
     * @param accessKey       static access key; blank for the SDK's default credentials chain (e.g. IRSA)
     * @param secretKey       static secret key; blank for the default chain
     */
    public record S3(String bucket, String region, String endpoint, boolean pathStyleAccess, String accessKey,
            String secretKey) {
    }
}
