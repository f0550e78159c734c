package com.apexshare.upload.s3notification.messaging;

import java.util.List;

import com.apexshare.upload.s3notification.MalformedS3EventMessage;
import com.apexshare.upload.s3notification.ObjectCreated;
import com.apexshare.upload.s3notification.S3EventMessages;

/** The raw topic's S3 event message text to the bridge's records. */
final class S3NotificationEventMapper {

    private S3NotificationEventMapper() {
    }

    /** @throws MalformedS3Notification when the text is not an S3 event message (nothing else is poison) */
    static List<ObjectCreated> objectsCreated(String message) {
        try {
            return S3EventMessages.parse(message);
        } catch (MalformedS3EventMessage e) {
            throw new MalformedS3Notification(e.getMessage(), e);
        }
    }
}
