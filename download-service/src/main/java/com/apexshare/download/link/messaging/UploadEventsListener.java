package com.apexshare.download.link.messaging;

import java.util.Locale;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.download.link.UploadView;
import com.apexshare.events.EmailSent;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;

/**
 * Feeds the link view from the four events it needs. One listener for all four topics keeps a single consumer per
 * replica; the view tolerates any order across them. A record that cannot be applied goes, after retries, to this
 * service's dead-letter topic ({@code platform.KafkaConfiguration}).
 */
@Component
class UploadEventsListener {

    private static final Logger LOG = LoggerFactory.getLogger(UploadEventsListener.class);

    private final UploadView view;

    UploadEventsListener(UploadView view) {
        this.view = view;
    }

    @KafkaListener(id = "download-link-view", topics = {
            "#{T(com.apexshare.events.Topics).UPLOAD_INITIATED.name()}",
            "#{T(com.apexshare.events.Topics).UPLOAD_COMPLETED.name()}",
            "#{T(com.apexshare.events.Topics).UPLOAD_DELETED.name()}",
            "#{T(com.apexshare.events.Topics).EMAIL_SENT.name()}"})
    void on(SpecificRecord event) {
        if (event instanceof UploadInitiated e) {
            view.initiated(new UploadView.InitiatedUpload(fileId(e.getFileId()), e.getOccurredAt(), e.getTrainerName(),
                    e.getSessionDate(), e.getNotes(), e.getFileName(), e.getContentType(), e.getFileSize(),
                    e.getBucket(), e.getObjectKey(), e.getRetentionUntil()));
        } else if (event instanceof UploadCompleted e) {
            view.completed(new UploadView.CompletedUpload(fileId(e.getFileId()), e.getOccurredAt(), e.getBucket(),
                    e.getObjectKey(), e.getSize(), e.getETag()));
        } else if (event instanceof UploadDeleted e) {
            view.deleted(new UploadView.DeletedUpload(fileId(e.getFileId()), e.getOccurredAt(), e.getReason().name()));
        } else if (event instanceof EmailSent e) {
            view.linkSent(new UploadView.SentLink(fileId(e.getFileId()), e.getLinkTokenSha256().toLowerCase(Locale.ROOT), e.getSentAt(),
                    e.getLinkExpiresAt()));
        } else {
            throw new IllegalArgumentException("Unexpected event " + event.getSchema().getFullName());
        }
        LOG.debug("Applied {}", event.getSchema().getName());
    }

    private static UUID fileId(String text) {
        return UUID.fromString(text);
    }
}
