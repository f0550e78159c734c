package com.apexshare.catalog.upload.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.apexshare.catalog.upload.DeliveryView;
import com.apexshare.catalog.upload.DownloadView;
import com.apexshare.catalog.upload.StudentSummary;
import com.apexshare.catalog.upload.UploadView;

/** JSON bodies of the dashboard API. */
final class UploadResponses {

    private UploadResponses() {
    }

    /**
     * One dashboard row: the brief's fields ({@code fileId} … {@code downloadCount}) and a few more.
     *
     * @param emailSent whether the student's email was accepted by the mail provider
     * @param expiresAt end of retention (or the end the trainer set): the video and the student's link go then
     * @param delivery  did the student's email arrive; null until it was sent (or suppressed)
     * @param linksRevoked whether the trainer revoked the links
     */
    record UploadItem(UUID fileId, String fileName, String studentEmail, String studentName, LocalDate sessionDate,
            Instant uploadDate, Long fileSize, boolean emailSent, long downloadCount, String status,
            String emailStatus, Instant lastDownloadAt, Instant expiresAt, Delivery delivery, boolean linksRevoked) {

        static UploadItem of(UploadView v) {
            return new UploadItem(v.fileId(), v.fileName(), v.studentEmail(), v.studentName(), v.sessionDate(),
                    v.uploadDate(), v.fileSize(), "SENT".equals(v.emailStatus()), v.downloadCount(), v.status(),
                    v.emailStatus(), v.lastDownloadAt(), v.retentionUntil(), Delivery.of(v.deliveryOrSent()),
                    v.linksRevokedAt() != null);
        }
    }

    /**
     * Whether the student's email arrived.
     *
     * @param state      SENT (accepted by the provider, nothing reported since), DELAYED, DELIVERED, BOUNCED,
     *                   COMPLAINED, REJECTED or SUPPRESSED (not sent: the address bounced hard or complained before;
     *                   correct it)
     * @param at         when that happened
     * @param bounceType HARD, SOFT or UNDETERMINED for BOUNCED (HARD for SUPPRESSED after a hard bounce); else null
     */
    record Delivery(
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"SENT", "DELAYED", "DELIVERED", "BOUNCED",
                "COMPLAINED", "REJECTED", "SUPPRESSED"}) String state,
            Instant at,
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"HARD", "SOFT", "UNDETERMINED"},
                    nullable = true) String bounceType) {

        static Delivery of(DeliveryView view) {
            return view == null ? null : new Delivery(view.state(), view.at(), view.bounceType());
        }
    }

    /**
     * Everything the dashboard shows about one upload.
     *
     * @param deletionReason ABORTED, TRAINER_DELETED, RETENTION_EXPIRED or OTHER once deleted; null before
     * @param linkGeneration 1 until the trainer first corrects the student's address
     */
    record UploadDetail(UUID fileId, String fileName, String originalFileName, String contentType, Long fileSize,
            String studentEmail, String studentName, String trainerName, LocalDate sessionDate, String notes,
            Instant uploadDate, String status, Instant completedAt, boolean emailSent, String emailStatus,
            Instant emailSentAt, Instant emailFailedAt, String emailFailureReason, long downloadCount,
            Instant lastDownloadAt, Instant expiresAt, Instant deletedAt, Delivery delivery, String deletionReason,
            int linkGeneration, boolean linksRevoked, Instant linksRevokedAt, boolean remindersEnabled,
            Instant reminderSentAt, Instant lastResentAt) {

        static UploadDetail of(UploadView v) {
            return new UploadDetail(v.fileId(), v.fileName(), v.originalFileName(), v.contentType(), v.fileSize(),
                    v.studentEmail(), v.studentName(), v.trainerName(), v.sessionDate(), v.notes(), v.uploadDate(),
                    v.status(), v.completedAt(), "SENT".equals(v.emailStatus()), v.emailStatus(), v.emailSentAt(),
                    v.emailFailedAt(), v.emailFailureReason(), v.downloadCount(), v.lastDownloadAt(),
                    v.retentionUntil(), v.deletedAt(), Delivery.of(v.deliveryOrSent()), v.deletionReason(),
                    v.linkGeneration(), v.linksRevokedAt() != null, v.linksRevokedAt(), v.remindersEnabled(),
                    v.reminderSentAt(), v.lastResentAt());
        }
    }

    /** {@code GET /api/v1/students/{email}/uploads}: the student's totals and a keyset page of their uploads. */
    record StudentUploads(StudentSummary student, List<UploadItem> uploads, Page page) {
    }

    /**
     * One download of an upload.
     *
     * @param userAgentFamily coarse client family (Chrome, Safari, curl, …); null for downloads recorded before the
     *                        catalog kept it, and after the upload expired
     * @param channel         REDIRECT (the e-mailed link), API (the JSON API or the student page) or OTHER; null
     *                        likewise
     */
    record DownloadItem(UUID downloadId, Instant downloadedAt, String userAgentFamily, String channel) {

        static DownloadItem of(DownloadView v) {
            return new DownloadItem(v.downloadId(), v.downloadedAt(), v.userAgentFamily(), v.channel());
        }
    }

    /** {@code GET /api/v1/uploads/{fileId}/downloads}: a keyset page, newest first. */
    record DownloadList(List<DownloadItem> downloads, Page page) {
    }

    /** {@code GET /api/v1/uploads/recent}: exactly the brief's shape. */
    record RecentUploads(List<UploadItem> uploads, Pagination pagination) {
    }

    record Pagination(long total, int limit, int offset, boolean hasMore) {
    }

    /** {@code GET /api/v1/uploads}: a keyset page. */
    record UploadPage(List<UploadItem> uploads, Page page) {
    }

    /**
     * @param nextCursor pass as {@code cursor} for the next page; null on the last page
     */
    record Page(int limit, boolean hasMore, String nextCursor) {
    }
}
