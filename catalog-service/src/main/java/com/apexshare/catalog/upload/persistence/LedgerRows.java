package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

import com.apexshare.catalog.upload.UploadEvent.AddressChanged;
import com.apexshare.catalog.upload.UploadEvent.Completed;
import com.apexshare.catalog.upload.UploadEvent.Deleted;
import com.apexshare.catalog.upload.UploadEvent.DeliveryReported;
import com.apexshare.catalog.upload.UploadEvent.Downloaded;
import com.apexshare.catalog.upload.UploadEvent.EmailFailed;
import com.apexshare.catalog.upload.UploadEvent.EmailSent;
import com.apexshare.catalog.upload.UploadEvent.ExpiryChanged;
import com.apexshare.catalog.upload.UploadEvent.Initiated;
import com.apexshare.catalog.upload.UploadEvent.LinksRevoked;
import com.apexshare.catalog.upload.UploadEvent.RemindersChanged;
import com.apexshare.catalog.upload.UploadEvent.Resent;

/**
 * One set-based statement's rows, column by column: PostgreSQL arrays (bound as Java arrays) that the statements
 * {@code unnest} back into rows. Times travel as epoch milliseconds and dates as epoch days, so that nothing is lost
 * or shifted on the way.
 */
final class LedgerRows {

    private LedgerRows() {
    }

    record InitiatedRows(UUID[] fileIds, String[] trainerIds, String[] trainerNames, String[] studentEmails,
            String[] studentNames, Long[] sessionDays, String[] notes, String[] fileNames,
            String[] originalFileNames, Long[] fileSizes, String[] contentTypes, String[] buckets,
            String[] objectKeys, String[] uploadModes, Long[] initiatedMillis, Long[] retentionMillis) {

        /** A row without its initiation (the fact arrived first) is a placeholder: everything but the key is null. */
        static InitiatedRows of(Collection<Initiated> rows) {
            return new InitiatedRows(uuids(rows, Initiated::fileId), texts(rows, Initiated::trainerId),
                    texts(rows, Initiated::trainerName), texts(rows, Initiated::studentEmail),
                    texts(rows, Initiated::studentName),
                    longs(rows, e -> e.sessionDate() == null ? null : e.sessionDate().toEpochDay()),
                    texts(rows, Initiated::notes), texts(rows, Initiated::fileName),
                    texts(rows, Initiated::originalFileName),
                    longs(rows, e -> e.initiatedAt() == null ? null : e.fileSize()),
                    texts(rows, Initiated::contentType), texts(rows, Initiated::bucket),
                    texts(rows, Initiated::objectKey), texts(rows, Initiated::uploadMode),
                    longs(rows, e -> epochMillis(e.initiatedAt())), longs(rows, e -> epochMillis(e.retentionUntil())));
        }
    }

    record CompletedRows(UUID[] fileIds, Long[] millis, Long[] sizes, String[] etags) {

        static CompletedRows of(Collection<Completed> rows) {
            return new CompletedRows(uuids(rows, Completed::fileId), longs(rows, e -> epochMillis(e.completedAt())),
                    longs(rows, Completed::size), texts(rows, Completed::eTag));
        }
    }

    /** Deletions and expiries; {@code reasons} is unused by the expiry statement. */
    record DeletedRows(UUID[] fileIds, Long[] millis, String[] reasons) {

        static DeletedRows of(Collection<Deleted> rows) {
            return new DeletedRows(uuids(rows, Deleted::fileId), longs(rows, e -> epochMillis(e.deletedAt())),
                    texts(rows, Deleted::reason));
        }
    }

    /** Emails sent and failed; {@code reasons} is unused by the sent statement. */
    record EmailRows(UUID[] fileIds, Long[] millis, String[] reasons) {

        static EmailRows sent(Collection<EmailSent> rows) {
            return new EmailRows(uuids(rows, EmailSent::fileId), longs(rows, e -> epochMillis(e.sentAt())),
                    new String[rows.size()]);
        }

        static EmailRows failed(Collection<EmailFailed> rows) {
            return new EmailRows(uuids(rows, EmailFailed::fileId), longs(rows, e -> epochMillis(e.failedAt())),
                    texts(rows, EmailFailed::reason));
        }
    }

    /**
     * The trainer actions' facts, one statement per kind; each statement reads the columns it needs ({@code emails}
     * and {@code names} the address change, {@code numbers} the generation or revision, {@code flags} the reminder
     * switch, {@code millis} the time of the change or, for an expiry change, the new end in {@code ends}).
     */
    record ChangeRows(UUID[] fileIds, Long[] millis, String[] emails, String[] names, Long[] numbers,
            Boolean[] flags, Long[] ends) {

        static ChangeRows resent(Collection<Resent> rows) {
            return new ChangeRows(uuids(rows, Resent::fileId), longs(rows, e -> epochMillis(e.resentAt())),
                    new String[rows.size()], new String[rows.size()], new Long[rows.size()],
                    new Boolean[rows.size()], new Long[rows.size()]);
        }

        static ChangeRows addressChanged(Collection<AddressChanged> rows) {
            return new ChangeRows(uuids(rows, AddressChanged::fileId),
                    longs(rows, e -> epochMillis(e.changedAt())), texts(rows, AddressChanged::studentEmail),
                    texts(rows, AddressChanged::studentName), longs(rows, e -> (long) e.linkGeneration()),
                    new Boolean[rows.size()], new Long[rows.size()]);
        }

        static ChangeRows expiryChanged(Collection<ExpiryChanged> rows) {
            return new ChangeRows(uuids(rows, ExpiryChanged::fileId), longs(rows, e -> epochMillis(e.changedAt())),
                    new String[rows.size()], new String[rows.size()], longs(rows, ExpiryChanged::revision),
                    new Boolean[rows.size()], longs(rows, e -> epochMillis(e.expiresAt())));
        }

        static ChangeRows linksRevoked(Collection<LinksRevoked> rows) {
            return new ChangeRows(uuids(rows, LinksRevoked::fileId), longs(rows, e -> epochMillis(e.revokedAt())),
                    new String[rows.size()], new String[rows.size()], new Long[rows.size()],
                    new Boolean[rows.size()], new Long[rows.size()]);
        }

        static ChangeRows remindersChanged(Collection<RemindersChanged> rows) {
            return new ChangeRows(uuids(rows, RemindersChanged::fileId),
                    longs(rows, e -> epochMillis(e.changedAt())), new String[rows.size()], new String[rows.size()],
                    longs(rows, RemindersChanged::revision),
                    rows.stream().map(RemindersChanged::enabled).toArray(Boolean[]::new), new Long[rows.size()]);
        }

        static ChangeRows reminderSent(Collection<EmailSent> rows) {
            return new ChangeRows(uuids(rows, EmailSent::fileId), longs(rows, e -> epochMillis(e.sentAt())),
                    new String[rows.size()], new String[rows.size()], new Long[rows.size()],
                    new Boolean[rows.size()], new Long[rows.size()]);
        }
    }

    record DeliveryRows(UUID[] fileIds, String[] states, Integer[] sequences, Long[] millis, String[] bounceTypes,
            String[] sources) {

        static DeliveryRows of(Collection<DeliveryReported> rows) {
            return new DeliveryRows(uuids(rows, DeliveryReported::fileId), texts(rows, DeliveryReported::state),
                    rows.stream().map(DeliveryReported::sequence).toArray(Integer[]::new),
                    longs(rows, e -> epochMillis(e.reportedAt())), texts(rows, DeliveryReported::bounceType),
                    texts(rows, DeliveryReported::source));
        }
    }

    record DownloadedRows(UUID[] downloadIds, UUID[] fileIds, Long[] millis, String[] userAgentFamilies,
            String[] channels) {

        static DownloadedRows of(Collection<Downloaded> rows) {
            return new DownloadedRows(uuids(rows, Downloaded::downloadId), uuids(rows, Downloaded::fileId),
                    longs(rows, e -> epochMillis(e.downloadedAt())), texts(rows, Downloaded::userAgentFamily),
                    texts(rows, Downloaded::channel));
        }
    }

    private static <E> UUID[] uuids(Collection<E> rows, Function<E, UUID> column) {
        return rows.stream().map(column).toArray(UUID[]::new);
    }

    private static <E> String[] texts(Collection<E> rows, Function<E, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    private static <E> Long[] longs(Collection<E> rows, Function<E, Long> column) {
        return rows.stream().map(column).toArray(Long[]::new);
    }

    private static Long epochMillis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
