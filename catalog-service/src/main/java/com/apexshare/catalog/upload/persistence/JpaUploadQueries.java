package com.apexshare.catalog.upload.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Repository;

import com.apexshare.catalog.upload.PageCursor;
import com.apexshare.catalog.upload.UploadFilter;
import com.apexshare.catalog.upload.UploadQueries;
import com.apexshare.catalog.upload.UploadView;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Dashboard reads through JPA. Each filter combination yields its own plain SQL (no "parameter is null" tricks), so
 * PostgreSQL picks the matching index: {@code (trainer_id, upload_date DESC, file_id DESC)} for the lists and the
 * keyset, {@code (trainer_id, lower(student_email))} and {@code (trainer_id, session_date)} for the filters.
 */
@Repository
class JpaUploadQueries implements UploadQueries {

    private static final String ORDER = " ORDER BY u.uploadDate DESC, u.fileId DESC";

    private final EntityManager entityManager;

    JpaUploadQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<UploadView> find(String trainerId, UUID fileId) {
        return entityManager.createQuery(
                        "SELECT u FROM UploadRecord u WHERE u.fileId = :fileId AND u.trainerId = :trainerId",
                        UploadRecord.class)
                .setParameter("fileId", fileId).setParameter("trainerId", trainerId)
                .getResultStream().findFirst().map(UploadRecord::toView);
    }

    @Override
    public long count(String trainerId) {
        return entityManager.createQuery("SELECT count(u) FROM UploadRecord u WHERE u.trainerId = :trainerId",
                        Long.class)
                .setParameter("trainerId", trainerId).getSingleResult();
    }

    @Override
    public List<UploadView> page(String trainerId, int offset, int limit) {
        return entityManager.createQuery("SELECT u FROM UploadRecord u WHERE u.trainerId = :trainerId" + ORDER,
                        UploadRecord.class)
                .setParameter("trainerId", trainerId).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(UploadRecord::toView).toList();
    }

    @Override
    public List<UploadView> search(String trainerId, UploadFilter filter, PageCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT u FROM UploadRecord u WHERE u.trainerId = :trainerId");
        if (filter.studentEmail() != null) {
            jpql.append(" AND lower(u.studentEmail) = :studentEmail");
        }
        if (filter.sessionDateFrom() != null) {
            jpql.append(" AND u.sessionDate >= :sessionDateFrom");
        }
        if (filter.sessionDateTo() != null) {
            jpql.append(" AND u.sessionDate <= :sessionDateTo");
        }
        if (filter.status() != null) {
            jpql.append(" AND u.status = :status");
        }
        if (after != null) {
            // The separate "<=" bounds the index range scan at the cursor; the OR breaks ties on the file id.
            jpql.append(" AND u.uploadDate <= :afterDate"
                    + " AND (u.uploadDate < :afterDate OR u.fileId < :afterId)");
        }
        TypedQuery<UploadRecord> query = entityManager.createQuery(jpql + ORDER, UploadRecord.class)
                .setParameter("trainerId", trainerId);
        if (filter.studentEmail() != null) {
            query.setParameter("studentEmail", filter.studentEmail());
        }
        if (filter.sessionDateFrom() != null) {
            query.setParameter("sessionDateFrom", filter.sessionDateFrom());
        }
        if (filter.sessionDateTo() != null) {
            query.setParameter("sessionDateTo", filter.sessionDateTo());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (after != null) {
            query.setParameter("afterDate", after.uploadDate()).setParameter("afterId", after.fileId());
        }
        return query.setMaxResults(limit).getResultStream().map(UploadRecord::toView).toList();
    }
}
