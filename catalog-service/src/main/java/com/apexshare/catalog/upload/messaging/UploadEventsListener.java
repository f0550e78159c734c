package com.apexshare.catalog.upload.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.events.storage.ObjectLocations;
import com.apexshare.catalog.upload.UploadLedger;
import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;

/**
 * Feeds the catalog from the event topics (the upload's life, its emails, their delivery and the downloads, the
 * trainer's actions): decode, delegate, done. Batch listeners, one per topic: each poll is
 * applied by the ledger in one transaction with one set-based statement, which is what keeps ingest fast. A record
 * that breaks the contract, or that the catalog refuses to believe (an initiation naming another bucket or a foreign
 * key, or contradicting the upload's first initiation), is named by its index (the records before it are applied
 * first) and goes to the dead-letter topic; every other failure is retried by the platform's error policy until it
 * applies.
 */
@Component
class UploadEventsListener {

    /** Consumer threads per topic and replica. */
    private static final String CONCURRENCY = "${apexshare.catalog.ingest.concurrency}";

    private final UploadLedger ledger;
    private final ObjectLocations locations;
    private final RejectedEvents rejected;

    UploadEventsListener(UploadLedger ledger, ObjectLocations locations, RejectedEvents rejected) {
        this.ledger = ledger;
        this.locations = locations;
        this.rejected = rejected;
    }

    @KafkaListener(id = "catalog-upload-initiated", idIsGroup = false, topics = Topics.Names.UPLOAD_INITIATED,
            batch = "true", concurrency = CONCURRENCY)
    void onUploadInitiated(List<ConsumerRecord<String, UploadInitiated>> records) {
        UploadEventMapper.decode(records, UploadInitiated.class, e -> UploadEventMapper.initiatedAt(e, locations))
                .applyTo(ledger::apply, rejected::rejected);
    }

    @KafkaListener(id = "catalog-upload-completed", idIsGroup = false, topics = Topics.Names.UPLOAD_COMPLETED,
            batch = "true", concurrency = CONCURRENCY)
    void onUploadCompleted(List<ConsumerRecord<String, UploadCompleted>> records) {
        UploadEventMapper.decode(records, UploadCompleted.class, UploadEventMapper::completed).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-upload-deleted", idIsGroup = false, topics = Topics.Names.UPLOAD_DELETED,
            batch = "true", concurrency = CONCURRENCY)
    void onUploadDeleted(List<ConsumerRecord<String, UploadDeleted>> records) {
        UploadEventMapper.decode(records, UploadDeleted.class, UploadEventMapper::deleted).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-email-sent", idIsGroup = false, topics = Topics.Names.EMAIL_SENT,
            batch = "true", concurrency = CONCURRENCY)
    void onEmailSent(List<ConsumerRecord<String, EmailSent>> records) {
        UploadEventMapper.decode(records, EmailSent.class, UploadEventMapper::emailSent).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-email-failed", idIsGroup = false, topics = Topics.Names.EMAIL_FAILED,
            batch = "true", concurrency = CONCURRENCY)
    void onEmailFailed(List<ConsumerRecord<String, EmailFailed>> records) {
        UploadEventMapper.decode(records, EmailFailed.class, UploadEventMapper::emailFailed).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-email-delivery-reported", idIsGroup = false,
            topics = Topics.Names.EMAIL_DELIVERY_REPORTED, batch = "true", concurrency = CONCURRENCY)
    void onEmailDeliveryReported(List<ConsumerRecord<String, EmailDeliveryReported>> records) {
        UploadEventMapper.decode(records, EmailDeliveryReported.class, UploadEventMapper::deliveryReported)
                .applyTo(ledger::apply, rejected::rejected);
    }

    @KafkaListener(id = "catalog-downloaded", idIsGroup = false, topics = Topics.Names.DOWNLOADED,
            batch = "true", concurrency = CONCURRENCY)
    void onDownloaded(List<ConsumerRecord<String, Downloaded>> records) {
        UploadEventMapper.decode(records, Downloaded.class, UploadEventMapper::downloaded).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-student-email-resent", idIsGroup = false, topics = Topics.Names.STUDENT_EMAIL_RESENT,
            batch = "true", concurrency = CONCURRENCY)
    void onStudentEmailResent(List<ConsumerRecord<String, StudentEmailResent>> records) {
        UploadEventMapper.decode(records, StudentEmailResent.class, UploadEventMapper::resent).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-student-address-changed", idIsGroup = false,
            topics = Topics.Names.STUDENT_ADDRESS_CHANGED, batch = "true", concurrency = CONCURRENCY)
    void onStudentAddressChanged(List<ConsumerRecord<String, StudentAddressChanged>> records) {
        UploadEventMapper.decode(records, StudentAddressChanged.class, UploadEventMapper::addressChanged)
                .applyTo(ledger::apply, rejected::rejected);
    }

    @KafkaListener(id = "catalog-upload-expiry-changed", idIsGroup = false, topics = Topics.Names.UPLOAD_EXPIRY_CHANGED,
            batch = "true", concurrency = CONCURRENCY)
    void onUploadExpiryChanged(List<ConsumerRecord<String, UploadExpiryChanged>> records) {
        UploadEventMapper.decode(records, UploadExpiryChanged.class, UploadEventMapper::expiryChanged)
                .applyTo(ledger::apply, rejected::rejected);
    }

    @KafkaListener(id = "catalog-link-revoked", idIsGroup = false, topics = Topics.Names.LINK_REVOKED,
            batch = "true", concurrency = CONCURRENCY)
    void onLinkRevoked(List<ConsumerRecord<String, LinkRevoked>> records) {
        UploadEventMapper.decode(records, LinkRevoked.class, UploadEventMapper::linksRevoked).applyTo(ledger::apply,
                rejected::rejected);
    }

    @KafkaListener(id = "catalog-reminder-setting-changed", idIsGroup = false,
            topics = Topics.Names.REMINDER_SETTING_CHANGED, batch = "true", concurrency = CONCURRENCY)
    void onReminderSettingChanged(List<ConsumerRecord<String, ReminderSettingChanged>> records) {
        UploadEventMapper.decode(records, ReminderSettingChanged.class, UploadEventMapper::remindersChanged)
                .applyTo(ledger::apply, rejected::rejected);
    }
}
