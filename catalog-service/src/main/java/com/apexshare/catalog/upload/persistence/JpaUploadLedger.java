package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.apexshare.catalog.upload.UploadEvent;
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
import com.apexshare.catalog.upload.UploadLedger;
import com.apexshare.catalog.upload.persistence.LedgerRows.ChangeRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.CompletedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.DeletedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.DeliveryRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.DownloadedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.EmailRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.InitiatedRows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies a batch of events with one set-based statement per kind of fact, whatever the batch size (see
 * {@link UploadRecords} for the statements and why they never deadlock). A batch of one kind (what each listener
 * hands over) is a single statement. A batch of several kinds first claims all its rows in file-id order with the
 * initiation statement, so that its later statements, which lock in file-id order only among themselves, meet no row
 * another transaction could hold.
 */
@Repository
class JpaUploadLedger implements UploadLedger {

    /** Kinds of facts, for the applied-events counter's {@code type} tag (the event names). */
    enum Kind {
        UploadInitiated, UploadCompleted, UploadDeleted, EmailSent, EmailFailed, EmailDeliveryReported, Downloaded,
        StudentEmailResent, StudentAddressChanged, UploadExpiryChanged, LinkRevoked, ReminderSettingChanged
    }

    private final UploadRecords records;
    private final DeliveryRecords deliveries;
    private final Map<Kind, Counter> applied = new EnumMap<>(Kind.class);

    JpaUploadLedger(UploadRecords records, DeliveryRecords deliveries, MeterRegistry meters) {
        this.records = records;
        this.deliveries = deliveries;
        for (Kind kind : Kind.values()) {
            applied.put(kind, Counter.builder("catalog.events.applied").tag("type", kind.name())
                    .description("Events applied to the catalog, counted at commit (redeliveries included)")
                    .register(meters));
        }
    }

    @Override
    @Transactional
    public List<Initiated> apply(List<? extends UploadEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Batch batch = new Batch();
        events.forEach(batch::add);
        if (batch.kinds() > 1) {
            records.initiate(InitiatedRows.of(batch.claimAll()));
        } else if (!batch.initiated.isEmpty()) {
            records.initiate(InitiatedRows.of(batch.initiated.values()));
        }
        List<Initiated> refused = refused(batch);
        if (!batch.completed.isEmpty()) {
            records.complete(CompletedRows.of(batch.completed.values()));
        }
        if (!batch.deleted.isEmpty()) {
            records.delete(DeletedRows.of(batch.deleted.values()));
        }
        if (!batch.expired.isEmpty()) {
            DeletedRows expired = DeletedRows.of(batch.expired.values());
            records.expire(expired);
            records.eraseDownloadDetails(expired);
        }
        if (!batch.emailSent.isEmpty()) {
            records.emailSent(EmailRows.sent(batch.emailSent.values()));
        }
        if (!batch.emailFailed.isEmpty()) {
            records.emailFailed(EmailRows.failed(batch.emailFailed.values()));
        }
        if (!batch.reminderSent.isEmpty()) {
            records.reminderSent(ChangeRows.reminderSent(batch.reminderSent.values()));
        }
        if (!batch.resent.isEmpty()) {
            records.resent(ChangeRows.resent(batch.resent.values()));
        }
        if (!batch.addressChanged.isEmpty()) {
            records.addressChanged(ChangeRows.addressChanged(batch.addressChanged.values()));
        }
        if (!batch.expiryChanged.isEmpty()) {
            records.expiryChanged(ChangeRows.expiryChanged(batch.expiryChanged.values()));
        }
        if (!batch.linksRevoked.isEmpty()) {
            records.linksRevoked(ChangeRows.linksRevoked(batch.linksRevoked.values()));
        }
        if (!batch.remindersChanged.isEmpty()) {
            records.remindersChanged(ChangeRows.remindersChanged(batch.remindersChanged.values()));
        }
        if (!batch.downloaded.isEmpty()) {
            DownloadedRows downloads = DownloadedRows.of(batch.downloaded.values());
            records.download(downloads);
            records.eraseDownloadDetailsOfExpired(downloads);
        }
        if (!batch.delivery.isEmpty()) {
            // Its own table, no upload row needed; last, so that every transaction takes all its upload-row locks
            // before any email_delivery lock (both in file-id order): no lock cycle across the two tables.
            deliveries.report(DeliveryRows.of(batch.delivery.values()));
        }
        countOnCommit(events);
        return refused;
    }

    /**
     * The batch's initiations that contradict what the row holds now. The upsert only fills rows no initiation has
     * filled yet and holds every row's lock, so the row holds either this batch's first initiation (no conflict) or an
     * earlier one. Later initiations within the batch were compared with the first in {@link Batch#add}.
     */
    private List<Initiated> refused(Batch batch) {
        if (batch.initiated.isEmpty() && batch.contradicting.isEmpty()) {
            return List.of();
        }
        Set<UUID> conflicting = batch.initiated.isEmpty() ? Set.of()
                : new HashSet<>(records.conflictingInitiations(InitiatedRows.of(batch.initiated.values())));
        List<Initiated> refused = new ArrayList<>();
        for (Initiated initiation : batch.order) {
            if (batch.contradicting.contains(initiation)
                    || conflicting.contains(initiation.fileId()) && batch.initiated.get(initiation.fileId())
                            .equals(initiation)) {
                refused.add(initiation);
            }
        }
        return refused;
    }

    /** Counted once the transaction (the caller's, if it has one) commits: a rolled-back poll applied nothing. */
    private void countOnCommit(List<? extends UploadEvent> events) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        events.forEach(e -> counts.merge(kindOf(e), 1, Integer::sum));
        Runnable count = () -> counts.forEach((kind, n) -> applied.get(kind).increment(n));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private static Kind kindOf(UploadEvent event) {
        if (event instanceof Initiated) {
            return Kind.UploadInitiated;
        } else if (event instanceof Completed) {
            return Kind.UploadCompleted;
        } else if (event instanceof Deleted) {
            return Kind.UploadDeleted;
        } else if (event instanceof EmailSent) {
            return Kind.EmailSent;
        } else if (event instanceof EmailFailed) {
            return Kind.EmailFailed;
        } else if (event instanceof DeliveryReported) {
            return Kind.EmailDeliveryReported;
        } else if (event instanceof Resent) {
            return Kind.StudentEmailResent;
        } else if (event instanceof AddressChanged) {
            return Kind.StudentAddressChanged;
        } else if (event instanceof ExpiryChanged) {
            return Kind.UploadExpiryChanged;
        } else if (event instanceof LinksRevoked) {
            return Kind.LinkRevoked;
        } else if (event instanceof RemindersChanged) {
            return Kind.ReminderSettingChanged;
        }
        return Kind.Downloaded;
    }

    /**
     * The batch folded per file id (per download id for downloads) with the same rules as the SQL (earliest wins), so
     * that no statement meets the same row twice.
     */
    private static final class Batch {

        final TreeSet<UUID> fileIds = new TreeSet<>();
        /** The first initiation of each upload in the batch: the first writer wins, whatever its time. */
        final Map<UUID, Initiated> initiated = new LinkedHashMap<>();
        /** Later initiations of the batch that differ from its first one of the same upload. */
        final Set<Initiated> contradicting = new HashSet<>();
        /** Every initiation of the batch, in the order given. */
        final List<Initiated> order = new ArrayList<>();
        final Map<UUID, Completed> completed = new LinkedHashMap<>();
        final Map<UUID, Deleted> deleted = new LinkedHashMap<>();
        final Map<UUID, Deleted> expired = new LinkedHashMap<>();
        final Map<UUID, EmailSent> emailSent = new LinkedHashMap<>();
        final Map<UUID, EmailFailed> emailFailed = new LinkedHashMap<>();
        final Map<UUID, Downloaded> downloaded = new LinkedHashMap<>();
        final Map<UUID, EmailSent> reminderSent = new LinkedHashMap<>();
        final Map<UUID, Resent> resent = new LinkedHashMap<>();
        final Map<UUID, AddressChanged> addressChanged = new LinkedHashMap<>();
        final Map<UUID, ExpiryChanged> expiryChanged = new LinkedHashMap<>();
        final Map<UUID, LinksRevoked> linksRevoked = new LinkedHashMap<>();
        final Map<UUID, RemindersChanged> remindersChanged = new LinkedHashMap<>();
        final Map<UUID, DeliveryReported> delivery = new java.util.TreeMap<>();

        void add(UploadEvent event) {
            if (event instanceof DeliveryReported e) {
                // The highest sequence of the batch; not among the file ids to claim (no upload row needed).
                delivery.merge(e.fileId(), e, (a, b) -> b.sequence() > a.sequence() ? b : a);
                return;
            }
            fileIds.add(event.fileId());
            if (event instanceof Initiated e) {
                order.add(e);
                Initiated first = initiated.putIfAbsent(e.fileId(), e);
                if (first != null && !first.equals(e)) {
                    contradicting.add(e);
                }
            } else if (event instanceof Completed e) {
                earliest(completed, e.fileId(), e, Completed::completedAt);
            } else if (event instanceof Deleted e) {
                earliest(e.expired() ? expired : deleted, e.fileId(), e, Deleted::deletedAt);
            } else if (event instanceof EmailSent e) {
                earliest(e.reminder() ? reminderSent : emailSent, e.fileId(), e, EmailSent::sentAt);
            } else if (event instanceof EmailFailed e) {
                earliest(emailFailed, e.fileId(), e, EmailFailed::failedAt);
            } else if (event instanceof Downloaded e) {
                earliest(downloaded, e.downloadId(), e, Downloaded::downloadedAt);
            } else if (event instanceof Resent e) {
                latest(resent, e.fileId(), e, r -> r.resentAt().toEpochMilli());
            } else if (event instanceof AddressChanged e) {
                latest(addressChanged, e.fileId(), e, AddressChanged::linkGeneration);
            } else if (event instanceof ExpiryChanged e) {
                latest(expiryChanged, e.fileId(), e, ExpiryChanged::revision);
            } else if (event instanceof LinksRevoked e) {
                earliest(linksRevoked, e.fileId(), e, LinksRevoked::revokedAt);
            } else if (event instanceof RemindersChanged e) {
                latest(remindersChanged, e.fileId(), e, RemindersChanged::revision);
            }
        }

        /** How many statements the batch needs besides a claim. */
        int kinds() {
            int kinds = 0;
            for (Map<?, ?> facts : List.of(initiated, completed, deleted, expired, emailSent, emailFailed,
                    downloaded, reminderSent, resent, addressChanged, expiryChanged, linksRevoked,
                    remindersChanged)) {
                kinds += facts.isEmpty() ? 0 : 1;
            }
            return kinds;
        }

        /** Every file id of the batch, as its initiation or as a placeholder. */
        List<Initiated> claimAll() {
            List<Initiated> rows = new ArrayList<>(fileIds.size());
            for (UUID fileId : fileIds) {
                Initiated initiation = initiated.get(fileId);
                rows.add(initiation != null ? initiation
                        : new Initiated(fileId, null, null, null, null, null, null, null, null, null, 0, null, null,
                                null, null, null));
            }
            return rows;
        }

        /** The fact with the highest counter (generation, revision, time) wins, as in the SQL. */
        private static <E> void latest(Map<UUID, E> map, UUID key, E event, Function<E, ? extends Number> order) {
            map.merge(key, event, (a, b) -> order.apply(b).longValue() > order.apply(a).longValue() ? b : a);
        }

        private static <E> void earliest(Map<UUID, E> map, UUID key, E event, Function<E, Instant> time) {
            map.merge(key, event, (a, b) -> Comparator.comparing(time).compare(b, a) < 0 ? b : a);
        }
    }
}
