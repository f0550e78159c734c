package com.apexshare.upload.s3notification;

/**
 * One ObjectCreated record of an S3 event message: the bucket and the decoded key. Size and ETag as announced are not
 * kept: HeadObject has the last word.
 *
 * @param eventName the record's event type without MinIO's {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
 */
public record ObjectCreated(String bucket, String key, String eventName) {
}
