package com.apexshare.cli.upload;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a re-run needs to resume an upload: the server's file id for the file, and what the upload was started with.
 * Holds no personal data: the student and session are kept only as a fingerprint, to notice a changed command.
 *
 * @param fileId        the upload API's file id
 * @param path          the file's absolute path
 * @param size          its size when the upload started
 * @param modifiedMillis its modification time when the upload started
 * @param uploadMode    {@code SINGLE_PUT} or {@code MULTIPART}
 * @param metadata      fingerprint of the student, session, notes and content type
 * @param apiUrl        the API the upload was started on
 * @param startedAt     when the upload was started
 */
record UploadState(String fileId, String path, long size, long modifiedMillis, String uploadMode, String metadata,
        String apiUrl, Instant startedAt) {

    FileIdentity identity() {
        return new FileIdentity(Path.of(path), size, modifiedMillis);
    }
}
