package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.Email;
import com.apexshare.notification.email.EmailId;
import com.apexshare.notification.email.EmailKind;
import com.apexshare.notification.email.EmailLease;
import com.apexshare.notification.email.EmailStatus;
import com.apexshare.notification.email.Emails;

/** The owed emails in PostgreSQL. */
@Component
class JpaEmails implements Emails {

    /** Our Message-IDs' local parts are UUIDs; anything else (a LIKE wildcard above all) matches none of ours. */
    private static final Pattern SAFE_LOCAL_PART = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final EmailRows rows;

    JpaEmails(EmailRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean oweStudentLink(UUID fileId, Instant now) {
        return rows.insertStudentLinkIfDue(fileId, now) > 0;
    }

    @Override
    public boolean oweTrainerFirstDownload(UUID fileId, Instant now) {
        return rows.insertTrainerFirstDownloadIfDue(fileId, now) > 0;
    }

    @Override
    public boolean oweStudentEmail(UUID fileId, EmailKind kind, String ref, Instant now) {
        return rows.insertStudentEmailIfDue(fileId, kind.name(), ref, now) > 0;
    }

    @Override
    public List<UUID> oweDueReminders(Instant sentFrom, Instant sentUntil, Instant now, int max) {
        return rows.insertDueReminders(sentFrom, sentUntil, now, max);
    }

    @Override
    public int cancelPendingStudentEmails(UUID fileId, EmailId keep, String reason, Instant now) {
        // No email to keep: a kind no email has, so that every unsent student email goes.
        return rows.cancelPendingStudentEmails(fileId, keep == null ? "" : keep.kind().name(),
                keep == null ? "" : keep.ref(), reason, now);
    }

    @Override
    public boolean oweTrainerDeliveryProblem(UUID fileId, Instant now) {
        return rows.insertTrainerDeliveryProblemIfDue(fileId, now) > 0;
    }

    @Override
    public Optional<Email> findLockedByProviderMessage(DeliveryReport.MessageReference reference) {
        if (reference.providerMessageId() != null) {
            return rows.findLockedByProviderMessageId(reference.providerMessageId()).stream().findFirst();
        }
        if (!SAFE_LOCAL_PART.matcher(reference.localPart()).matches()) {
            return Optional.empty();
        }
        return rows.findLockedByProviderMessageLocalPart(reference.localPart()).stream().findFirst();
    }

    @Override
    public Optional<Email> find(EmailId id) {
        return rows.findById(id);
    }

    @Override
    public List<EmailLease> lease(LeaseRequest request) {
        return rows.lease(request.max(), request.leaseId(), request.now(), request.until()).stream()
                .map(row -> new EmailLease((UUID) row[0], EmailKind.valueOf((String) row[1]), (String) row[2],
                        request.leaseId()))
                .toList();
    }

    @Override
    public Optional<Email> findLocked(EmailId id) {
        return rows.findLocked(id.fileId(), id.kind(), id.ref());
    }

    @Override
    public List<Email> pendingOfLocked(UUID fileId) {
        return rows.findLockedByStatus(fileId, EmailStatus.PENDING);
    }

    @Override
    public List<Email> of(UUID fileId) {
        return rows.findOf(fileId);
    }

    @Override
    public long countPending() {
        return rows.countByStatus(EmailStatus.PENDING);
    }

    @Override
    public long countAwaitingLinkSince(Instant cutoff) {
        return rows.countAwaitingLinkSince(cutoff);
    }

    @Override
    public long countStuckSince(Instant cutoff) {
        return rows.countSendingSince(cutoff);
    }

    @Override
    public List<UUID> stuckSince(Instant cutoff, int limit) {
        return rows.sendingSince(cutoff, Limit.of(limit));
    }
}
