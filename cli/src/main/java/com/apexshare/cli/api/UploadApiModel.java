package com.apexshare.cli.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the upload API (the {@code data} of its answers), as agreed in the upload API contract. */
public final class UploadApiModel {

    private UploadApiModel() {
    }

    /** Body of {@code POST /api/v1/uploads/initiate}. */
    public record InitiateRequest(String studentEmail, String studentName, String trainerName, String sessionDate,
            String notes, String fileName, long fileSize, String contentType) {
    }

    /** Answer of initiate: a single presigned PUT, or a multipart upload with the URLs of its first parts. */
    public record InitiatedUpload(String fileId, String uploadMode, String uploadUrl, Map<String, String> fields,
            Instant expiresAt, Multipart multipart) {

        public boolean isMultipart() {
            return "MULTIPART".equals(uploadMode);
        }
    }

    public record Multipart(String uploadId, long partSize, int partCount, List<PartUrl> parts) {
    }

    public record PartUrl(int partNumber, String url) {
    }

    /** Answer of {@code GET …/parts}: the upload's state and the parts S3 already holds. */
    public record PartsStatus(String fileId, String uploadMode, String status, long partSize, int partCount,
            long fileSize, List<UploadedPart> uploadedParts) {
    }

    public record UploadedPart(int partNumber, String eTag, Long size) {
    }

    /** Answer of {@code POST …/parts/urls} for a multipart upload. */
    public record PartUrls(List<PartUrl> parts, Instant expiresAt) {
    }

    /** Answer of {@code POST …/parts/urls} for a single-PUT upload: a fresh PUT URL. */
    public record SinglePutUrl(String uploadUrl, Map<String, String> fields, Instant expiresAt) {
    }

    public record CompletedPart(int partNumber, String eTag) {
    }

    /** Answer of complete: the same on every retry. */
    public record Completion(String fileId, String status, Long size, String eTag) {
    }

    public record Aborted(String fileId, String status) {
    }

    /** Answer of {@code GET /api/v1/uploads/recent}. */
    public record RecentUploads(List<UploadRow> uploads, Pagination pagination) {
    }

    public record UploadRow(String fileId, String fileName, String studentEmail, String studentName,
            String sessionDate, String uploadDate, Long fileSize, Boolean emailSent, Long downloadCount) {
    }

    public record Pagination(long total, int limit, int offset, boolean hasMore) {
    }

    /**
     * Answer of every trainer action ({@code resend}, {@code student-address}, {@code expiry}, {@code revoke},
     * {@code delete}, {@code reminders}): where the upload stands afterwards.
     */
    public record ActionState(String fileId, String status, Instant expiresAt, Integer linkGeneration,
            Boolean linksRevoked, Instant linksRevokedAt, Boolean remindersEnabled) {
    }

    /** Body of {@code POST …/student-address}. */
    public record AddressChange(String studentEmail, String studentName) {
    }

    /** Answer of {@code GET /api/v1/students/{email}/uploads}. */
    public record StudentUploads(Student student, List<StudentUpload> uploads, Page page) {
    }

    public record Student(String studentEmail, String studentName, long uploads, long downloads, long notDownloaded,
            String firstSessionDate, String lastSessionDate, String lastUploadDate) {
    }

    public record StudentUpload(String fileId, String fileName, String sessionDate, String uploadDate, Long fileSize,
            String status, String emailStatus, Long downloadCount, String expiresAt, Boolean linksRevoked) {
    }

    public record Page(int limit, boolean hasMore, String nextCursor) {
    }
}
