package com.apexshare.catalog.upload.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Repository;

import com.apexshare.catalog.upload.DeliveryView;
import com.apexshare.catalog.upload.DownloadView;
import com.apexshare.catalog.upload.PageCursor;
import com.apexshare.catalog.upload.StudentSummary;
import com.apexshare.catalog.upload.UploadFilter;
import com.apexshare.catalog.upload.UploadQueries;
import com.apexshare.catalog.upload.UploadView;

import jakarta.persistence.criteria.Predicate;

/**
 * Dashboard reads through Spring Data JPA. A filtered list is built as a specification of only the filters given, so
 * each combination yields its own plain SQL (no "parameter is null" tricks) and PostgreSQL picks the matching index:
 * {@code (trainer_id, upload_date DESC, file_id DESC)} for the lists and the keyset, {@code (trainer_id,
 * lower(student_email))} and {@code (trainer_id, session_date)} for the filters.
 */
@Repository
class JpaUploadQueries implements UploadQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("uploadDate"), Sort.Order.desc("fileId"));

    private final UploadRecords records;
    private final DownloadRecords downloads;
    private final DeliveryRecords deliveries;

    JpaUploadQueries(UploadRecords records, DownloadRecords downloads, DeliveryRecords deliveries) {
        this.records = records;
        this.downloads = downloads;
        this.deliveries = deliveries;
    }

    @Override
    public Optional<UploadView> find(String trainerId, UUID fileId) {
        return records.findByFileIdAndTrainerId(fileId, trainerId).map(UploadRecord::toView)
                .map(view -> view.withDelivery(deliveries.findById(fileId).map(DeliveryRecord::toView).orElse(null)));
    }

    @Override
    public long count(String trainerId) {
        return records.countByTrainerId(trainerId);
    }

    @Override
    public List<UploadView> page(String trainerId, int offset, int limit) {
        return withDeliveries(records.newestFirst(trainerId, offset, limit));
    }

    @Override
    public List<UploadView> search(String trainerId, UploadFilter filter, PageCursor after, int limit) {
        return withDeliveries(records.findBy(matching(trainerId, filter, after),
                q -> q.sortBy(NEWEST_FIRST).limit(limit).all()));
    }

    /** The page's delivery reports in one primary-key lookup, rather than one query per row. */
    private List<UploadView> withDeliveries(List<UploadRecord> page) {
        List<UploadView> views = page.stream().map(UploadRecord::toView).toList();
        if (views.isEmpty()) {
            return views;
        }
        Map<UUID, DeliveryView> reports = new HashMap<>();
        deliveries.findAllById(views.stream().map(UploadView::fileId).toList())
                .forEach(d -> reports.put(d.fileId(), d.toView()));
        return views.stream().map(v -> v.withDelivery(reports.get(v.fileId()))).toList();
    }

    @Override
    public Optional<StudentSummary> student(String trainerId, String studentEmail) {
        List<Object[]> rows = records.studentTotals(trainerId, studentEmail);
        if (rows.isEmpty() || ((Number) rows.get(0)[0]).longValue() == 0) {
            return Optional.empty();
        }
        Object[] totals = rows.get(0);
        String name = records.findBy(matching(trainerId, new UploadFilter(studentEmail, null, null, null), null),
                        q -> q.sortBy(NEWEST_FIRST).limit(1).all())
                .stream().map(r -> r.toView().studentName()).findFirst().orElse(null);
        return Optional.of(new StudentSummary(studentEmail, name, ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(), ((Number) totals[2]).longValue(), (LocalDate) totals[3],
                (LocalDate) totals[4], (Instant) totals[5]));
    }

    @Override
    public List<DownloadView> downloads(UUID fileId, PageCursor after, int limit) {
        List<DownloadRecord> rows = after == null ? downloads.newestFirst(fileId, Limit.of(limit))
                : downloads.newestFirstAfter(fileId, after.uploadDate(), after.fileId(), Limit.of(limit));
        return rows.stream().map(DownloadRecord::toView).toList();
    }

    private static Specification<UploadRecord> matching(String trainerId, UploadFilter filter, PageCursor after) {
        return (u, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(u.get("trainerId"), trainerId));
            if (filter.studentEmail() != null) {
                where.add(cb.equal(cb.lower(u.<String>get("studentEmail")), filter.studentEmail()));
            }
            if (filter.sessionDateFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(u.<LocalDate>get("sessionDate"), filter.sessionDateFrom()));
            }
            if (filter.sessionDateTo() != null) {
                where.add(cb.lessThanOrEqualTo(u.<LocalDate>get("sessionDate"), filter.sessionDateTo()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(u.get("status"), filter.status()));
            }
            if (after != null) {
                // The separate "<=" bounds the index range scan at the cursor; the OR breaks ties on the file id.
                where.add(cb.lessThanOrEqualTo(u.<Instant>get("uploadDate"), after.uploadDate()));
                where.add(cb.or(cb.lessThan(u.<Instant>get("uploadDate"), after.uploadDate()),
                        cb.lessThan(u.<UUID>get("fileId"), after.fileId())));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
