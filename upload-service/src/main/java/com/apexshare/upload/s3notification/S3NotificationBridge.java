package com.apexshare.upload.s3notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.apexshare.events.storage.ObjectKeys;
import com.apexshare.upload.upload.NotificationOutcome;
import com.apexshare.upload.upload.ObjectStore;
import com.apexshare.upload.upload.StoredObject;
import com.apexshare.upload.upload.UploadCompleter;

/**
 * Handles the ObjectCreated records of one S3 event message from any source. Only {@code videos/} keys of the
 * configured bucket count; the object is checked with HeadObject (the message could be old, forged or about a
 * deleted object) before the upload is completed and {@code UploadCompleted} published. S3, database or Kafka
 * failures are thrown, so that the message is delivered again.
 */
@Component
public class S3NotificationBridge {

    private static final Logger LOG = LoggerFactory.getLogger(S3NotificationBridge.class);

    private final ObjectStore store;
    private final UploadCompleter uploads;
    private final S3NotificationMetrics metrics;

    S3NotificationBridge(ObjectStore store, UploadCompleter uploads, S3NotificationMetrics metrics) {
        this.store = store;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    public void objectsCreated(List<ObjectCreated> records) {
        for (ObjectCreated created : records) {
            if (!created.bucket().equals(store.bucket()) || !created.key().startsWith(ObjectKeys.PREFIX)) {
                LOG.debug("S3 notification for bucket {} outside videos/: ignored", created.bucket());
                metrics.screened(S3NotificationMetrics.Screening.IGNORED);
                continue;
            }
            Optional<UUID> fileId = ObjectKeys.fileIdOf(created.key());
            if (fileId.isEmpty()) {
                LOG.warn("S3 notification for a videos/ key without a file id: ignored");
                metrics.screened(S3NotificationMetrics.Screening.NO_FILE_ID);
                continue;
            }
            Optional<StoredObject> object = store.head(created.key());
            if (object.isEmpty()) {
                LOG.info("S3 notification for upload {}: the object is gone; ignored", fileId.get());
                metrics.screened(S3NotificationMetrics.Screening.OBJECT_GONE);
                continue;
            }
            NotificationOutcome outcome = uploads.objectCreated(fileId.get(), object.get());
            metrics.handled(outcome);
            LOG.info("S3 notification {} for upload {}: {}", created.eventName(), fileId.get(), outcome);
        }
    }
}
