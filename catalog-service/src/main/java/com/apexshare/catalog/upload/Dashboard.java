package com.apexshare.catalog.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.catalog.CatalogProperties;

/**
 * The trainer dashboard: the calling trainer's uploads only, by offset ({@code /recent}, capped in depth) or by keyset
 * cursor (any depth, with filters).
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    private static final Set<String> STATUSES = Set.of("INITIATED", "AVAILABLE", "DELETED", "EXPIRED");

    /** A page of {@code /recent}. */
    public record RecentPage(List<UploadView> uploads, long total, int limit, int offset, boolean hasMore) {
    }

    /** A keyset page; {@code nextCursor} is null on the last page. */
    public record SearchPage(List<UploadView> uploads, int limit, String nextCursor, boolean hasMore) {
    }

    private final UploadQueries queries;
    private final CatalogProperties.Dashboard limits;

    Dashboard(UploadQueries queries, CatalogProperties properties) {
        this.queries = queries;
        this.limits = properties.dashboard();
    }

    public RecentPage recent(String trainerId, int limit, int offset) {
        List<InvalidQuery.Violation> violations = new ArrayList<>();
        checkLimit(limit, violations);
        if (offset < 0 || offset > limits.maxOffset()) {
            violations.add(new InvalidQuery.Violation("offset", "must be between 0 and " + limits.maxOffset()
                    + "; use GET /api/v1/uploads with its cursor for deeper pages"));
        }
        failOn(violations);
        List<UploadView> uploads = queries.page(trainerId, offset, limit);
        long total = queries.count(trainerId);
        return new RecentPage(uploads, total, limit, offset, offset + uploads.size() < total);
    }

    public SearchPage search(String trainerId, UploadFilter filter, String cursor, int limit) {
        List<InvalidQuery.Violation> violations = new ArrayList<>();
        checkLimit(limit, violations);
        PageCursor after = cursor(cursor, violations, "omit it to start from the newest upload");
        String email = filter.studentEmail();
        if (email != null && (email.isBlank() || email.length() > 320)) {
            violations.add(new InvalidQuery.Violation("studentEmail", "must be an email address (at most 320 characters)"));
        }
        if (filter.sessionDateFrom() != null && filter.sessionDateTo() != null
                && filter.sessionDateFrom().isAfter(filter.sessionDateTo())) {
            violations.add(new InvalidQuery.Violation("sessionDateFrom", "must not be after sessionDateTo"));
        }
        String status = filter.status() == null ? null : filter.status().toUpperCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            violations.add(new InvalidQuery.Violation("status", "must be one of " + String.join(", ",
                    List.of("INITIATED", "AVAILABLE", "DELETED", "EXPIRED"))));
        }
        failOn(violations);
        UploadFilter normalised = new UploadFilter(email == null ? null : email.trim().toLowerCase(Locale.ROOT),
                filter.sessionDateFrom(), filter.sessionDateTo(), status);
        // One row more than asked tells whether there is a next page without counting.
        List<UploadView> rows = queries.search(trainerId, normalised, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<UploadView> uploads = hasMore ? rows.subList(0, limit) : rows;
        String next = null;
        if (hasMore) {
            UploadView last = uploads.get(uploads.size() - 1);
            next = new PageCursor(last.uploadDate(), last.fileId()).encode();
        }
        return new SearchPage(List.copyOf(uploads), limit, next, hasMore);
    }

    /** The per-student view: the student and a keyset page of their uploads, newest first. */
    public record StudentPage(StudentSummary student, SearchPage uploads) {
    }

    /**
     * Every upload of the trainer for one student, across sessions, newest first, with the student's totals.
     *
     * @throws StudentNotFound when the trainer has none for this address
     */
    public StudentPage student(String trainerId, String studentEmail, String cursor, int limit) {
        String email = studentEmail == null ? "" : studentEmail.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > 320 || email.indexOf('@') < 1) {
            failOn(List.of(new InvalidQuery.Violation("email", "must be an email address (at most 320 characters)")));
        }
        SearchPage uploads = search(trainerId, new UploadFilter(email, null, null, null), cursor, limit);
        StudentSummary summary = queries.student(trainerId, email).orElseThrow(StudentNotFound::new);
        return new StudentPage(summary, uploads);
    }

    /** A keyset page of an upload's downloads; {@code nextCursor} is null on the last page. */
    public record DownloadPage(List<DownloadView> downloads, int limit, String nextCursor, boolean hasMore) {
    }

    public UploadView find(String trainerId, String fileId) {
        return queries.find(trainerId, fileIdOf(fileId)).orElseThrow(() -> new UploadNotFound(fileId));
    }

    /**
     * The downloads of one of the trainer's uploads, newest first. The upload is looked up first, so another
     * trainer's upload answers exactly like an unknown one.
     */
    public DownloadPage downloads(String trainerId, String fileId, String cursor, int limit) {
        List<InvalidQuery.Violation> violations = new ArrayList<>();
        checkLimit(limit, violations);
        PageCursor after = cursor(cursor, violations, "omit it to start from the newest download");
        failOn(violations);
        UUID id = find(trainerId, fileId).fileId();
        List<DownloadView> rows = queries.downloads(id, after, limit + 1);
        boolean hasMore = rows.size() > limit;
        List<DownloadView> downloads = hasMore ? rows.subList(0, limit) : rows;
        String next = null;
        if (hasMore) {
            DownloadView last = downloads.get(downloads.size() - 1);
            next = new PageCursor(last.downloadedAt(), last.downloadId()).encode();
        }
        return new DownloadPage(List.copyOf(downloads), limit, next, hasMore);
    }

    private static UUID fileIdOf(String fileId) {
        try {
            return UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            throw new UploadNotFound(fileId);
        }
    }

    private static PageCursor cursor(String cursor, List<InvalidQuery.Violation> violations, String hint) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        PageCursor after = PageCursor.decode(cursor).orElse(null);
        if (after == null) {
            violations.add(new InvalidQuery.Violation("cursor", "is not a cursor from a previous page; " + hint));
        }
        return after;
    }

    private void checkLimit(int limit, List<InvalidQuery.Violation> violations) {
        if (limit < 1 || limit > limits.maxLimit()) {
            violations.add(new InvalidQuery.Violation("limit", "must be between 1 and " + limits.maxLimit()));
        }
    }

    private static void failOn(List<InvalidQuery.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidQuery(violations);
        }
    }
}
