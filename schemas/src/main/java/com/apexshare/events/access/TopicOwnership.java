package com.apexshare.events.access;

import static com.apexshare.events.Topics.DOWNLOADED;
import static com.apexshare.events.Topics.EMAIL_DELIVERY_REPORTED;
import static com.apexshare.events.Topics.EMAIL_FAILED;
import static com.apexshare.events.Topics.EMAIL_SENT;
import static com.apexshare.events.Topics.LINK_ACTIVATED;
import static com.apexshare.events.Topics.LINK_ISSUED;
import static com.apexshare.events.Topics.LINK_REVOKED;
import static com.apexshare.events.Topics.REMINDER_SETTING_CHANGED;
import static com.apexshare.events.Topics.S3_NOTIFICATIONS_RAW;
import static com.apexshare.events.Topics.STUDENT_ADDRESS_CHANGED;
import static com.apexshare.events.Topics.STUDENT_EMAIL_RESENT;
import static com.apexshare.events.Topics.UPLOAD_COMPLETED;
import static com.apexshare.events.Topics.UPLOAD_DELETED;
import static com.apexshare.events.Topics.UPLOAD_EXPIRY_CHANGED;
import static com.apexshare.events.Topics.UPLOAD_INITIATED;

import java.util.List;
import java.util.Optional;

import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.access.KafkaClient.ConsumerGroup;
import com.apexshare.events.access.KafkaClient.GroupMatch;

/**
 * Who writes and who reads each topic of the catalog. It mirrors the code: the services' event publishers and outboxes
 * (produces), their {@code @KafkaListener}s with the consumer group {@code apexshare.<service>.consumer-group}
 * (consumes), and the platform's error policy, which dead-letters into {@code <topic>.<group>.dlt}. A new publisher or
 * listener goes here too, or its service is refused by the broker ({@code KafkaAclsIntegrationTest} shows how).
 */
public final class TopicOwnership {

    /**
     * upload-service: announces uploads and the trainer's actions on them (its outbox); turns raw S3 notifications into
     * {@code UploadCompleted}.
     */
    public static final KafkaClient UPLOAD_SERVICE = service("upload-service",
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, STUDENT_EMAIL_RESENT, STUDENT_ADDRESS_CHANGED,
                    UPLOAD_EXPIRY_CHANGED, LINK_REVOKED, REMINDER_SETTING_CHANGED),
            List.of(S3_NOTIFICATIONS_RAW));

    /** catalog-service: the dashboard from every event; its retention job announces deletions. */
    public static final KafkaClient CATALOG_SERVICE = service("catalog-service", List.of(UPLOAD_DELETED),
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, EMAIL_SENT, EMAIL_FAILED,
                    EMAIL_DELIVERY_REPORTED, DOWNLOADED, STUDENT_EMAIL_RESENT, STUDENT_ADDRESS_CHANGED,
                    UPLOAD_EXPIRY_CHANGED, LINK_REVOKED, REMINDER_SETTING_CHANGED));

    /**
     * notification-service: emails students and trainers, announces the outcome and what became of it (delivered,
     * bounced, …, suppressed) through its outbox; announces each student's link before its email ({@code LinkIssued})
     * and sends the email once download-service confirmed it ({@code LinkActivated}).
     */
    public static final KafkaClient NOTIFICATION_SERVICE = service("notification-service",
            List.of(EMAIL_SENT, EMAIL_FAILED, EMAIL_DELIVERY_REPORTED, LINK_ISSUED),
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, DOWNLOADED, LINK_ACTIVATED,
                    STUDENT_EMAIL_RESENT, STUDENT_ADDRESS_CHANGED, UPLOAD_EXPIRY_CHANGED, LINK_REVOKED,
                    REMINDER_SETTING_CHANGED));

    /**
     * download-service: serves the links, confirms issued ones ({@code LinkActivated}), announces openings; answers
     * 410 for revoked links and links of an older generation.
     */
    public static final KafkaClient DOWNLOAD_SERVICE = service("download-service", List.of(DOWNLOADED, LINK_ACTIVATED),
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, EMAIL_SENT, LINK_ISSUED,
                    STUDENT_ADDRESS_CHANGED, UPLOAD_EXPIRY_CHANGED, LINK_REVOKED));

    /**
     * What writes S3's event notifications onto the raw topic: MinIO's Kafka target, or a bridge from the bucket's
     * SQS/EventBridge notifications. Only ObjectCreated JSON, no idempotent producer (MinIO's client is not one).
     */
    public static final KafkaClient S3_BRIDGE = new KafkaClient("s3-bridge", "apexshare-s3-bridge", Optional.empty(),
            List.of(S3_NOTIFICATIONS_RAW), List.of(), false, false, false);

    /**
     * The topics job (Helm hook, compose's kafka-init): creates the catalog and the dead-letter topics, grows
     * partitions, sets retention. Reads and writes no record.
     */
    public static final KafkaClient TOPICS_JOB = new KafkaClient("topics-job", "apexshare-topics", Optional.empty(),
            List.of(), List.of(), false, false, true);

    /** Analytics consumers (schemas/README.md): read every event topic, each tool or job with a group of the prefix. */
    public static final KafkaClient ANALYTICS = new KafkaClient("analytics", "apexshare-analytics",
            Optional.of(new ConsumerGroup("apexshare-analytics-", GroupMatch.PREFIXED)), List.of(), Topics.events(),
            false, false, false);

    /** Every topic the topics job may administer starts with this prefix (the catalog and its dead letters). */
    public static final String TOPIC_PREFIX = "apexshare.";

    private static final List<KafkaClient> SERVICES =
            List.of(UPLOAD_SERVICE, CATALOG_SERVICE, NOTIFICATION_SERVICE, DOWNLOAD_SERVICE);

    private static final List<KafkaClient> ALL = List.of(UPLOAD_SERVICE, CATALOG_SERVICE, NOTIFICATION_SERVICE,
            DOWNLOAD_SERVICE, S3_BRIDGE, TOPICS_JOB, ANALYTICS);

    private TopicOwnership() {
    }

    /** A service: its user is {@code apexshare-<name>}, its group its name (the services' defaults). */
    private static KafkaClient service(String name, List<Topic<?>> produces, List<Topic<?>> consumes) {
        return new KafkaClient(name, "apexshare-" + name, Optional.of(new ConsumerGroup(name, GroupMatch.LITERAL)),
                produces, consumes, true, true, false);
    }

    /** The four services. */
    public static List<KafkaClient> services() {
        return SERVICES;
    }

    /** Every client with a principal of its own. */
    public static List<KafkaClient> all() {
        return ALL;
    }

    /** The client of a name. */
    public static Optional<KafkaClient> byName(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The clients that write a catalog topic. */
    public static List<KafkaClient> producersOf(Topic<?> topic) {
        return ALL.stream().filter(c -> c.produces().contains(topic)).toList();
    }

    /** The clients that read a catalog topic. */
    public static List<KafkaClient> consumersOf(Topic<?> topic) {
        return ALL.stream().filter(c -> c.consumes().contains(topic)).toList();
    }
}
