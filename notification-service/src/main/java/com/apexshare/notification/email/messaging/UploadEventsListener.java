package com.apexshare.notification.email.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.events.Downloaded;
import com.apexshare.events.LinkActivated;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;
import com.apexshare.notification.email.StudentLinks;
import com.apexshare.notification.email.UploadLedger;

/**
 * Decodes the upload events and records them: decode, delegate, done. Sending happens elsewhere (the dispatcher), so
 * a slow provider never holds a partition. Every listener joins the service's consumer group
 * ({@code apexshare.notification.consumer-group}), which names its dead-letter topics; each has an id so that it can
 * be stopped and started (operators, tests).
 */
@Component
class UploadEventsListener {

    private final UploadLedger ledger;
    private final StudentLinks links;

    UploadEventsListener(UploadLedger ledger, StudentLinks links) {
        this.ledger = ledger;
        this.links = links;
    }

    @KafkaListener(id = "notification-upload-initiated", idIsGroup = false, topics = Topics.Names.UPLOAD_INITIATED)
    void onInitiated(UploadInitiated event) {
        ledger.recordInitiated(UploadEventMapper.initiated(event));
    }

    @KafkaListener(id = "notification-upload-completed", idIsGroup = false, topics = Topics.Names.UPLOAD_COMPLETED)
    void onCompleted(UploadCompleted event) {
        ledger.recordCompleted(UploadEventMapper.fileId(event.getFileId()), event.getOccurredAt());
    }

    @KafkaListener(id = "notification-upload-deleted", idIsGroup = false, topics = Topics.Names.UPLOAD_DELETED)
    void onDeleted(UploadDeleted event) {
        ledger.recordDeleted(UploadEventMapper.deleted(event));
    }

    @KafkaListener(id = "notification-link-activated", idIsGroup = false, topics = Topics.Names.LINK_ACTIVATED)
    void onLinkActivated(LinkActivated event) {
        links.confirmed(UploadEventMapper.fileId(event.getFileId()), UploadEventMapper.tokenSha256(event));
    }

    @KafkaListener(id = "notification-downloaded", idIsGroup = false, topics = Topics.Names.DOWNLOADED)
    void onDownloaded(Downloaded event) {
        ledger.recordDownloaded(UploadEventMapper.fileId(event.getFileId()), event.getOccurredAt());
    }

    @KafkaListener(id = "notification-student-email-resent", idIsGroup = false,
            topics = Topics.Names.STUDENT_EMAIL_RESENT)
    void onResent(StudentEmailResent event) {
        ledger.recordResent(UploadEventMapper.fileId(event.getFileId()), UploadEventMapper.requestId(event));
    }

    @KafkaListener(id = "notification-student-address-changed", idIsGroup = false,
            topics = Topics.Names.STUDENT_ADDRESS_CHANGED)
    void onAddressChanged(StudentAddressChanged event) {
        ledger.recordAddressChanged(UploadEventMapper.fileId(event.getFileId()), event.getStudentEmail(),
                event.getStudentName(), UploadEventMapper.generation(event));
    }

    @KafkaListener(id = "notification-upload-expiry-changed", idIsGroup = false,
            topics = Topics.Names.UPLOAD_EXPIRY_CHANGED)
    void onExpiryChanged(UploadExpiryChanged event) {
        ledger.recordExpiryChanged(UploadEventMapper.fileId(event.getFileId()), event.getExpiresAt(),
                event.getRevision());
    }

    @KafkaListener(id = "notification-link-revoked", idIsGroup = false, topics = Topics.Names.LINK_REVOKED)
    void onLinkRevoked(LinkRevoked event) {
        ledger.recordLinksRevoked(UploadEventMapper.fileId(event.getFileId()), event.getOccurredAt());
    }

    @KafkaListener(id = "notification-reminder-setting-changed", idIsGroup = false,
            topics = Topics.Names.REMINDER_SETTING_CHANGED)
    void onReminderSettingChanged(ReminderSettingChanged event) {
        ledger.recordRemindersChanged(UploadEventMapper.fileId(event.getFileId()), event.getRemindersEnabled(),
                event.getRevision());
    }
}
