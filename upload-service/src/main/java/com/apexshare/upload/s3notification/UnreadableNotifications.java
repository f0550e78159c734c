package com.apexshare.upload.s3notification;

/**
 * Where a notification that is not an S3 event message is kept for inspection, for sources that have no dead-letter
 * handling of their own (SQS): the same dead-letter topic as the Kafka source's.
 */
public interface UnreadableNotifications {

    /**
     * Keeps the message unchanged; returns once it is stored.
     *
     * @param id      the source's id of the message (the record's key)
     * @param message the message as it arrived
     * @throws RuntimeException when it could not be stored (the caller keeps the message at its source)
     */
    void keep(String id, String message);
}
