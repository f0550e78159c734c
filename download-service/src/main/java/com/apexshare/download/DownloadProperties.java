package com.apexshare.download;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import com.apexshare.platform.aws.AwsClientSettings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Typed configuration of the download service, under {@code apexshare.download}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup  Kafka consumer group of this service; also names its dead-letter topics
 * @param urlExpiry      lifetime of each presigned GET URL handed out for a link
 * @param trustedProxies addresses or CIDRs of proxies whose {@code X-Forwarded-For} names the client; empty = none
 * @param rateLimit      per-client limit on link look-ups
 * @param s3             where the videos are and how to sign for them
 * @param viewRetention  when the view forgets uploads that ended
 * @param cloudfront     downloads through a CloudFront distribution instead of straight from S3 (off by default)
 */
@Validated
@ConfigurationProperties("apexshare.download")
public record DownloadProperties(
        @NotBlank String consumerGroup,
        @NotNull Duration urlExpiry,
        List<String> trustedProxies,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull S3 s3,
        @Valid @NotNull ViewRetention viewRetention,
        @Valid @NotNull CloudFront cloudfront) {

    public DownloadProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Token bucket per client address and replica.
     *
     * @param requestsPerSecond sustained look-ups per second a client may make
     * @param burst             look-ups a client may make at once (bucket size)
     * @param maxClients        most client buckets kept in memory; the least recently used are dropped beyond it
     */
    public record RateLimit(@Positive double requestsPerSecond, @Positive int burst, @Positive int maxClients) {
    }

    /**
     * @param grace    how long after its deletion or retention end an upload's links still answer 410 before the
     *                 service forgets them (404)
     * @param interval  pause between two purge runs
     * @param parkLimit how long a link whose upload is unknown or not complete yet is held before it is dropped (and
     *                  counted as a rejected claim); far longer than the events of one upload take to arrive
     */
    public record ViewRetention(@NotNull Duration grace, @NotNull Duration interval, @NotNull Duration parkLimit) {
    }

    /**
     * Signed CloudFront URLs instead of S3 presigned URLs. When enabled, the other three are required; the adapter
     * ({@code link.cloudfront}) checks them at start-up and names what is missing or invalid.
     *
     * @param enabled        sign CloudFront URLs (else S3 presigned URLs)
     * @param domain         the distribution's host name, e.g. {@code d111111abcdef8.cloudfront.net}
     * @param keyPairId      id of the public key in the distribution's trusted key group ({@code Key-Pair-Id})
     * @param privateKeyFile path of the PEM file (PKCS#1 or PKCS#8 RSA) with the private half; mounted from a secret
     */
    public record CloudFront(boolean enabled, String domain, String keyPairId, String privateKeyFile) {
    }

    /**
     * @param bucket          the bucket holding the videos; the service signs only for objects in it
     * @param region          AWS region
     * @param endpoint        S3 endpoint URL; blank = AWS
     * @param pathStyleAccess path-style URLs (S3Proxy, MinIO)
     * @param accessKey       static access key; blank = the SDK's default credentials chain (IRSA, instance role…)
     * @param secretKey       static secret key
     */
    public record S3(@NotBlank String bucket, @NotBlank String region, String endpoint, boolean pathStyleAccess,
            String accessKey, String secretKey) {

        /** How the platform's AWS clients reach S3 (the bucket is the service's own concern). */
        public AwsClientSettings client() {
            return new AwsClientSettings(region, endpoint, pathStyleAccess, accessKey, secretKey);
        }
    }
}
