package com.apexshare.upload.s3notification.messaging;

import com.apexshare.platform.kafka.UnprocessableEvent;

/** A record on the raw notification topic that is not an S3 event message: dead-lettered at once. */
class MalformedS3Notification extends UnprocessableEvent {

    MalformedS3Notification(String message, Throwable cause) {
        super(message, cause);
    }
}
