package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.notification.email.KnownUpload;
import com.apexshare.notification.email.UploadDeletion;
import com.apexshare.notification.email.UploadFacts;
import com.apexshare.notification.email.Uploads;

/** The upload facts in PostgreSQL. */
@Component
class JpaUploads implements Uploads {

    private final UploadRows rows;

    JpaUploads(UploadRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean recordInitiated(UploadFacts f, Instant now) {
        UploadRows.InitiatedRow row = new UploadRows.InitiatedRow(f.fileId(), storable(f.trainerId()),
                storable(f.trainerName()), storable(f.trainerEmail()), storable(f.studentEmail()),
                storable(f.studentName()), f.sessionDate(), storable(f.notes()), storable(f.fileName()), f.fileSize(),
                f.retentionUntil(), f.initiatedAt(), now);
        rows.upsertInitiated(row);
        return rows.countConflictingInitiations(row) == 0;
    }

    @Override
    public void recordCompleted(UUID fileId, Instant completedAt, Instant now) {
        rows.upsertCompleted(fileId, completedAt, now);
    }

    @Override
    public void recordDeleted(UploadDeletion deletion, Instant now) {
        rows.upsertDeleted(deletion.fileId(), deletion.reason(), deletion.deletedAt(), now);
    }

    @Override
    public void recordDownloaded(UUID fileId, Instant downloadedAt, Instant now) {
        rows.upsertDownloaded(fileId, downloadedAt, now);
    }

    @Override
    public boolean recordAddressChanged(UUID fileId, String studentEmail, String studentName, int linkGeneration,
            Instant now) {
        return rows.upsertAddressChanged(fileId, storable(studentEmail), storable(studentName), linkGeneration,
                now) > 0;
    }

    @Override
    public void recordExpiryChanged(UUID fileId, Instant expiresAt, long revision, Instant now) {
        rows.upsertExpiryChanged(fileId, expiresAt, revision, now);
    }

    @Override
    public void recordLinksRevoked(UUID fileId, Instant revokedAt, Instant now) {
        rows.upsertLinksRevoked(fileId, revokedAt, now);
    }

    @Override
    public void recordRemindersChanged(UUID fileId, boolean enabled, long revision, Instant now) {
        rows.upsertRemindersChanged(fileId, enabled, revision, now);
    }

    @Override
    public Optional<KnownUpload> find(UUID fileId) {
        return rows.findById(fileId).map(UploadRow::known);
    }

    @Override
    public boolean isOwnedBy(UUID fileId, String trainerId) {
        return trainerId != null && rows.existsByFileIdAndTrainerId(fileId, trainerId);
    }

    @Override
    public int purge(Instant retentionCutoff, Instant orphanCutoff) {
        return rows.deleteEnded(retentionCutoff, orphanCutoff);
    }

    /** PostgreSQL text cannot hold U+0000; nothing legitimate in a name or a note needs it. */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }
}
