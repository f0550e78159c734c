package com.apexshare.download.link.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.download.link.UploadView;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;

/**
 * Feeds the link view from the upload and notification events it consumes: decode, delegate, done. Every listener
 * joins the service's consumer group ({@code apexshare.download.consumer-group}), which names its dead-letter topics.
 */
@Component
class UploadEventsListener {

    private final UploadView view;

    UploadEventsListener(UploadView view) {
        this.view = view;
    }

    @KafkaListener(id = "download-upload-initiated", idIsGroup = false, topics = Topics.Names.UPLOAD_INITIATED)
    void onUploadInitiated(UploadInitiated event) {
        view.initiated(UploadEventMapper.initiated(event));
    }

    @KafkaListener(id = "download-upload-completed", idIsGroup = false, topics = Topics.Names.UPLOAD_COMPLETED)
    void onUploadCompleted(UploadCompleted event) {
        view.completed(UploadEventMapper.completed(event));
    }

    @KafkaListener(id = "download-upload-deleted", idIsGroup = false, topics = Topics.Names.UPLOAD_DELETED)
    void onUploadDeleted(UploadDeleted event) {
        view.deleted(UploadEventMapper.deleted(event));
    }

    @KafkaListener(id = "download-email-sent", idIsGroup = false, topics = Topics.Names.EMAIL_SENT)
    void onEmailSent(EmailSent event) {
        view.linkSent(UploadEventMapper.linkSent(event));
    }

    @KafkaListener(id = "download-link-issued", idIsGroup = false, topics = Topics.Names.LINK_ISSUED)
    void onLinkIssued(LinkIssued event) {
        view.linkSent(UploadEventMapper.linkIssued(event));
    }

    @KafkaListener(id = "download-upload-expiry-changed", idIsGroup = false,
            topics = Topics.Names.UPLOAD_EXPIRY_CHANGED)
    void onUploadExpiryChanged(UploadExpiryChanged event) {
        view.expiryChanged(UploadEventMapper.expiryChanged(event));
    }

    @KafkaListener(id = "download-link-revoked", idIsGroup = false, topics = Topics.Names.LINK_REVOKED)
    void onLinkRevoked(LinkRevoked event) {
        view.linksRevoked(UploadEventMapper.linksRevoked(event));
    }

    @KafkaListener(id = "download-student-address-changed", idIsGroup = false,
            topics = Topics.Names.STUDENT_ADDRESS_CHANGED)
    void onStudentAddressChanged(StudentAddressChanged event) {
        view.addressChanged(UploadEventMapper.addressChanged(event));
    }
}
