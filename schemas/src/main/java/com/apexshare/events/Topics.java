package com.apexshare.events;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The typed topic catalog: the only place that names ApexShare's topics. Services use these entries (or, inside
 * annotations, the compile-time {@link Names}) instead of string literals; analytics consumers find the same list in
 * {@code schemas/README.md}.
 */
public final class Topics {

    /**
     * The topic names as compile-time constants, for annotation attributes such as
     * {@code @KafkaListener(topics = Topics.Names.UPLOAD_INITIATED)}. Everywhere else use the typed entries.
     */
    public static final class Names {
        public static final String UPLOAD_INITIATED = "apexshare.upload-initiated.v1";
        public static final String UPLOAD_COMPLETED = "apexshare.upload-completed.v1";
        public static final String UPLOAD_DELETED = "apexshare.upload-deleted.v1";
        public static final String EMAIL_SENT = "apexshare.email-sent.v1";
        public static final String EMAIL_FAILED = "apexshare.email-failed.v1";
        public static final String EMAIL_DELIVERY_REPORTED = "apexshare.email-delivery-reported.v1";
        public static final String DOWNLOADED = "apexshare.downloaded.v1";
        public static final String LINK_ISSUED = "apexshare.link-issued.v1";
        public static final String LINK_ACTIVATED = "apexshare.link-activated.v1";
        public static final String STUDENT_EMAIL_RESENT = "apexshare.student-email-resent.v1";
        public static final String STUDENT_ADDRESS_CHANGED = "apexshare.student-address-changed.v1";
        public static final String UPLOAD_EXPIRY_CHANGED = "apexshare.upload-expiry-changed.v1";
        public static final String LINK_REVOKED = "apexshare.link-revoked.v1";
        public static final String REMINDER_SETTING_CHANGED = "apexshare.reminder-setting-changed.v1";
        public static final String S3_NOTIFICATIONS_RAW = "apexshare.s3-notifications.raw";

        private Names() {
        }
    }

    /** Partition count of every topic: enough for a handful of replicas per consumer group. */
    private static final int PARTITIONS = 6;

    public static final Topic<UploadInitiated> UPLOAD_INITIATED =
            Topic.avro(Names.UPLOAD_INITIATED, UploadInitiated.class, PARTITIONS);
    public static final Topic<UploadCompleted> UPLOAD_COMPLETED =
            Topic.avro(Names.UPLOAD_COMPLETED, UploadCompleted.class, PARTITIONS);
    public static final Topic<UploadDeleted> UPLOAD_DELETED =
            Topic.avro(Names.UPLOAD_DELETED, UploadDeleted.class, PARTITIONS);
    public static final Topic<EmailSent> EMAIL_SENT = Topic.avro(Names.EMAIL_SENT, EmailSent.class, PARTITIONS);
    public static final Topic<EmailFailed> EMAIL_FAILED =
            Topic.avro(Names.EMAIL_FAILED, EmailFailed.class, PARTITIONS);
    /** What became of the student's email after it was sent (delivered, bounced, …), or that it was suppressed. */
    public static final Topic<EmailDeliveryReported> EMAIL_DELIVERY_REPORTED =
            Topic.avro(Names.EMAIL_DELIVERY_REPORTED, EmailDeliveryReported.class, PARTITIONS);
    public static final Topic<Downloaded> DOWNLOADED = Topic.avro(Names.DOWNLOADED, Downloaded.class, PARTITIONS);
    /** notification-service's minted link, before its email leaves; consumed by download-service. */
    public static final Topic<LinkIssued> LINK_ISSUED =
            Topic.avro(Names.LINK_ISSUED, LinkIssued.class, PARTITIONS);
    /** download-service's confirmation that it serves a link; the email leaves only after it. */
    public static final Topic<LinkActivated> LINK_ACTIVATED =
            Topic.avro(Names.LINK_ACTIVATED, LinkActivated.class, PARTITIONS);

    // The trainer's actions on an upload (upload-service): each one a fact that catalog, notification, download and
    // analytics consumers apply alike.
    public static final Topic<StudentEmailResent> STUDENT_EMAIL_RESENT =
            Topic.avro(Names.STUDENT_EMAIL_RESENT, StudentEmailResent.class, PARTITIONS);
    public static final Topic<StudentAddressChanged> STUDENT_ADDRESS_CHANGED =
            Topic.avro(Names.STUDENT_ADDRESS_CHANGED, StudentAddressChanged.class, PARTITIONS);
    public static final Topic<UploadExpiryChanged> UPLOAD_EXPIRY_CHANGED =
            Topic.avro(Names.UPLOAD_EXPIRY_CHANGED, UploadExpiryChanged.class, PARTITIONS);
    public static final Topic<LinkRevoked> LINK_REVOKED =
            Topic.avro(Names.LINK_REVOKED, LinkRevoked.class, PARTITIONS);
    public static final Topic<ReminderSettingChanged> REMINDER_SETTING_CHANGED =
            Topic.avro(Names.REMINDER_SETTING_CHANGED, ReminderSettingChanged.class, PARTITIONS);

    /**
     * Raw S3 event notifications (S3's JSON event message format, as MinIO's Kafka target or a bridge from SQS
     * writes them). Not Avro: the upload service turns the ones for videos into {@link UploadCompleted}.
     */
    public static final Topic<String> S3_NOTIFICATIONS_RAW = Topic.json(Names.S3_NOTIFICATIONS_RAW, PARTITIONS);

    private static final List<Topic<?>> EVENTS =
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, EMAIL_SENT, EMAIL_FAILED,
                    EMAIL_DELIVERY_REPORTED, DOWNLOADED, LINK_ISSUED, LINK_ACTIVATED, STUDENT_EMAIL_RESENT, STUDENT_ADDRESS_CHANGED,
                    UPLOAD_EXPIRY_CHANGED, LINK_REVOKED, REMINDER_SETTING_CHANGED);

    private static final List<Topic<?>> ALL =
            Stream.concat(EVENTS.stream(), Stream.of(S3_NOTIFICATIONS_RAW)).toList();

    private Topics() {
    }

    /** Every Avro event topic of the catalog (the raw S3 notification topic is not one). */
    public static List<Topic<?>> events() {
        return EVENTS;
    }

    /** Every topic of the catalog: the event topics and the raw S3 notification topic. */
    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The catalog entry of a topic name. */
    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Dead-letter topic of one consumer group on a topic: {@code <topic>.<group>.dlt}. */
    public static String deadLetter(String topic, String consumerGroup) {
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumer group must not be blank");
        }
        return topic + "." + consumerGroup + ".dlt";
    }
}
