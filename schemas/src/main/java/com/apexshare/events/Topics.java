package com.apexshare.events;

import java.util.List;
import java.util.Optional;

/**
 * The typed topic catalog: the only place that names ApexShare's topics. Services use these constants instead of
 * string literals; analytics consumers find the same list in {@code schemas/README.md}.
 */
public final class Topics {

    public static final Topic<UploadInitiated> UPLOAD_INITIATED =
            new Topic<>("apexshare.upload-initiated.v1", UploadInitiated.class, 6);
    public static final Topic<UploadCompleted> UPLOAD_COMPLETED =
            new Topic<>("apexshare.upload-completed.v1", UploadCompleted.class, 6);
    public static final Topic<UploadDeleted> UPLOAD_DELETED =
            new Topic<>("apexshare.upload-deleted.v1", UploadDeleted.class, 6);
    public static final Topic<EmailSent> EMAIL_SENT =
            new Topic<>("apexshare.email-sent.v1", EmailSent.class, 6);
    public static final Topic<EmailFailed> EMAIL_FAILED =
            new Topic<>("apexshare.email-failed.v1", EmailFailed.class, 6);
    public static final Topic<Downloaded> DOWNLOADED =
            new Topic<>("apexshare.downloaded.v1", Downloaded.class, 6);

    /**
     * Raw S3 event notifications (S3's JSON event message format, as MinIO's Kafka target or a bridge from SQS
     * writes them). Not Avro: the upload service turns the ones for videos into {@link UploadCompleted}.
     */
    public static final String S3_NOTIFICATIONS_RAW = "apexshare.s3-notifications.raw";

    /** Partition count of {@link #S3_NOTIFICATIONS_RAW}. */
    public static final int S3_NOTIFICATIONS_RAW_PARTITIONS = 6;

    private static final List<Topic<?>> ALL =
            List.of(UPLOAD_INITIATED, UPLOAD_COMPLETED, UPLOAD_DELETED, EMAIL_SENT, EMAIL_FAILED, DOWNLOADED);

    private Topics() {
    }

    /** Every Avro event topic of the catalog. */
    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The catalog entry of a topic name, if it is one of the event topics. */
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
