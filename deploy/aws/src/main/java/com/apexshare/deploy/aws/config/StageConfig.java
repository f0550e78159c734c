package com.apexshare.deploy.aws.config;

import java.util.List;
import java.util.Map;

/**
 * Everything that differs between dev, staging and prod, read from {@code config/<stage>.json}. The stacks take every
 * name, size and switch from here; nothing stage-specific is compiled in. {@link StageConfigs} loads and validates it.
 *
 * @param stage         dev, staging or prod; part of every stack name
 * @param account       the AWS account to deploy to; null: the account of the CLI's credentials (CDK_DEFAULT_ACCOUNT)
 * @param region        the region of the bucket, queue, SES and the cluster (CloudFront and its WAF live in us-east-1)
 * @param namePrefix    prefix of stack and resource names, e.g. {@code apexshare-prod}
 * @param retentionDays how long videos, records and links live; the chart's {@code retention}
 */
public record StageConfig(
        String stage,
        String account,
        String region,
        String namePrefix,
        int retentionDays,
        Map<String, String> tags,
        Storage storage,
        Email email,
        Cluster cluster,
        Cdn cdn,
        Audit audit) {

    public StageConfig {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * The video bucket and the queue its ObjectCreated notifications go to.
     *
     * @param expiryMarginDays          days the lifecycle rule waits past the retention before expiring {@code videos/}:
     *                                  catalog-service deletes at retention end, the rule only catches what it missed
     * @param infrequentAccessAfterDays move videos to STANDARD_IA after this many days; null: never (at least 30)
     * @param removeWithStack           delete the bucket and key with the stack (a non-empty bucket still stays)
     */
    public record Storage(
            String bucketName,
            int expiryMarginDays,
            Integer infrequentAccessAfterDays,
            List<String> corsAllowedOrigins,
            boolean removeWithStack,
            Queue notificationQueue) {

        public Storage {
            corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        }

        /** Days after which the lifecycle rule expires an object under {@code videos/}. */
        public int expiryDays(int retentionDays) {
            return retentionDays + expiryMarginDays;
        }
    }

    /**
     * @param visibilityTimeoutSeconds how long a received notification stays invisible before SQS redelivers it
     * @param maxReceiveCount          receives before a notification moves to the dead-letter queue
     */
    public record Queue(
            int visibilityTimeoutSeconds,
            int retentionDays,
            int maxReceiveCount,
            int deadLetterRetentionDays) {
    }

    /**
     * SES: the sending domain with DKIM, and a configuration set that publishes delivery events to SNS.
     *
     * @param fromAddress           notification-service's MAIL_FROM_ADDRESS; its role may send from this address only
     * @param hostedZone            a Route 53 public zone of the domain: the DKIM records are created there; null:
     *                              the stack outputs them for the DNS operator
     * @param eventEmailSubscribers addresses subscribed to the bounce/complaint topic (they confirm by email)
     */
    public record Email(
            String domain,
            String fromAddress,
            String configurationSetName,
            HostedZone hostedZone,
            List<String> eventEmailSubscribers) {

        public Email {
            eventEmailSubscribers = eventEmailSubscribers == null ? List.of() : List.copyOf(eventEmailSubscribers);
        }
    }

    public record HostedZone(String id, String name) {
    }

    /**
     * The EKS cluster the services run in.
     *
     * @param oidcIssuer      the cluster's OIDC issuer without {@code https://}, e.g.
     *                        {@code oidc.eks.eu-west-1.amazonaws.com/id/ABC...}; its IAM OIDC provider must exist
     * @param namespace       the namespace the chart is installed into
     * @param serviceAccounts the service account name per chart service key (upload, catalog, notification, download)
     */
    public record Cluster(String oidcIssuer, String namespace, Map<String, String> serviceAccounts) {

        public Cluster {
            serviceAccounts = serviceAccounts == null ? Map.of() : Map.copyOf(serviceAccounts);
        }

        public String serviceAccount(Service service) {
            return serviceAccounts.get(service.chartKey());
        }
    }

    /**
     * CloudFront in front of the bucket for downloads.
     *
     * @param publicKeyFile  PEM public key of the key pair download-service signs URLs with, relative to deploy/aws
     * @param distributionId once the distribution exists: pins the bucket's and key's CloudFront grants to it (on the
     *                       first deployment they name any distribution of the account, which avoids a cycle)
     */
    public record Cdn(boolean enabled, String publicKeyFile, String priceClass, String distributionId, Waf waf) {
    }

    /** @param requestsPer5MinutesPerIp the rate-based rule's limit (AWS counts per client IP over 5 minutes) */
    public record Waf(boolean enabled, int requestsPer5MinutesPerIp) {
    }

    /** CloudTrail data events (object reads and writes) of the video bucket. */
    public record Audit(boolean enabled, int logRetentionDays) {
    }

    /** The same stage with another account: tests use a fixed one, the CLI leaves it to the credentials. */
    public StageConfig withAccount(String otherAccount) {
        return new StageConfig(stage, otherAccount, region, namePrefix, retentionDays, tags, storage, email, cluster,
                cdn, audit);
    }

    public String stackName(String concern) {
        return namePrefix + "-" + concern;
    }

    /** The IAM role of a service; fixed so that the key policy can name it and the chart can be told its ARN. */
    public String roleName(Service service) {
        return namePrefix + "-" + service.serviceName();
    }

    public String notificationQueueName() {
        return namePrefix + "-s3-notifications";
    }

    public String deadLetterQueueName() {
        return namePrefix + "-s3-notifications-dlq";
    }

    /** The retention as the chart's ISO-8601 duration, e.g. {@code P90D}. */
    public String retentionPeriod() {
        return "P" + retentionDays + "D";
    }
}
