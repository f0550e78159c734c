package com.apexshare.upload.notification;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.apexshare.upload.NotificationOutcome;
import com.apexshare.upload.ObjectKeys;
import com.apexshare.upload.UploadService;
import com.apexshare.upload.s3.ObjectStore;
import com.apexshare.upload.s3.StoredObject;

/**
 * Handles one raw S3 event message from any source. Only {@code videos/} keys of the configured bucket count; the
 * object is checked with HeadObject (the message could be old, forged or about a deleted object) before the upload
 * service publishes {@code UploadCompleted}. Malformed messages throw {@link MalformedS3Notification}; S3 or Kafka
 * failures throw too, so the message is retried.
 */
@Component
public class S3NotificationBridge {

    private static final Logger LOG = LoggerFactory.getLogger(S3NotificationBridge.class);

    private final ObjectStore store;
    private final UploadService uploads;

    S3NotificationBridge(ObjectStore store, UploadService uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    public void handle(String message) {
        for (S3EventMessages.ObjectCreated created : S3EventMessages.parse(message)) {
            if (!created.bucket().equals(store.bucket()) || !created.key().startsWith(ObjectKeys.PREFIX)) {
                LOG.debug("S3 notification for bucket {} outside videos/: ignored", created.bucket());
                continue;
            }
            Optional<UUID> fileId = ObjectKeys.fileIdOf(created.key());
            if (fileId.isEmpty()) {
                LOG.warn("S3 notification for a videos/ key without a file id: ignored");
                continue;
            }
            Optional<StoredObject> object = store.head(created.key());
            if (object.isEmpty()) {
                LOG.info("S3 notification for upload {}: the object is gone; ignored", fileId.get());
                continue;
            }
            NotificationOutcome outcome = uploads.objectCreated(fileId.get(), object.get());
            LOG.info("S3 notification {} for upload {}: {}", created.eventName(), fileId.get(), outcome);
        }
    }
}
