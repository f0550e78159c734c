package com.apexshare.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform, under {@code apexshare.platform}. Every service sets them in its {@code application.yaml}
 * from environment variables; the defaults here are the ones every service would pick.
 *
 * @param security the JWT resource server of trainer-facing services
 * @param kafka    the listener error policy and publish-and-wait
 * @param outbox   the outbox relay (services that use an outbox switch it on)
 * @param openapi  the service's API description
 */
@ConfigurationProperties("apexshare.platform")
public record PlatformProperties(@DefaultValue Security security, @DefaultValue Kafka kafka,
        @DefaultValue Outbox outbox, @DefaultValue OpenApi openapi) {

    /**
     * @param audienceClaims claims that may carry the accepted audience ({@code spring.security.oauth2.resourceserver
     *                       .jwt.audiences}): {@code aud} for standard access tokens; add {@code client_id} for Cognito,
     *                       whose access tokens carry no {@code aud}
     * @param trainerClaim   claim holding the trainer role, a dotted path for nested claims (e.g. {@code roles},
     *                       {@code cognito:groups}, {@code realm_access.roles}, {@code scope}); a string claim is split
     *                       at spaces, an array claim is taken as it is
     * @param trainerValue   the value of {@link #trainerClaim} that makes a token a trainer's
     * @param publicPaths    paths open without a token beyond health, info, Prometheus and the API description
     */
    public record Security(@DefaultValue({"aud"}) List<String> audienceClaims, @DefaultValue("roles") String trainerClaim,
            @DefaultValue("trainer") String trainerValue, @DefaultValue({}) List<String> publicPaths) {
    }

    /**
     * @param retry       backoff of a listener whose record failed for a reason that may pass (database, S3, SES,
     *                    SMTP or Kafka unavailable): retried for as long as it takes, never dead-lettered
     * @param sendTimeout longest wait for Kafka's acknowledgement in publish-and-wait
     */
    public record Kafka(@DefaultValue Retry retry, @DefaultValue("15s") Duration sendTimeout) {

        /**
         * @param initialInterval pause before the first retry
         * @param multiplier      growth of the pause per attempt
         * @param maxInterval     cap of the pause (kept below {@code max.poll.interval.ms})
         */
        public record Retry(@DefaultValue("200ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
                @DefaultValue("30s") Duration maxInterval) {
        }
    }

    /**
     * @param enabled      whether this service has an outbox table and runs the relay
     * @param pollInterval pause between relay runs while the outbox is empty
     * @param batchSize    rows claimed per run
     * @param lease        how long a claimed row is reserved for one relay before another replica may send it
     * @param sendTimeout  longest wait for Kafka's acknowledgements of one batch
     * @param maxBackoff   cap of the pause after failed runs (Kafka or the database unavailable)
     * @param coalesce     how long a relay woken by a commit waits for more commits to join its run
     */
    public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("200") int batchSize, @DefaultValue("60s") Duration lease,
            @DefaultValue("10s") Duration sendTimeout, @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("10ms") Duration coalesce) {

        public Outbox {
            if (batchSize < 1) {
                throw new IllegalArgumentException("apexshare.platform.outbox.batch-size must be positive");
            }
            if (coalesce.isNegative() || coalesce.compareTo(pollInterval) > 0) {
                throw new IllegalArgumentException(
                        "apexshare.platform.outbox.coalesce must be between 0 and the poll interval");
            }
            if (lease.compareTo(sendTimeout) <= 0) {
                throw new IllegalArgumentException(
                        "apexshare.platform.outbox.lease must be longer than apexshare.platform.outbox.send-timeout");
            }
        }
    }

    /**
     * @param title       title of the API description (default: ApexShare and the application's name)
     * @param description what the API is for
     */
    public record OpenApi(@DefaultValue("") String title, @DefaultValue("") String description) {
    }
}
