package com.apexshare.catalog.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Uploads whose retention has ended and that are not expired yet. */
public interface DueUploads {

    /** An upload to remove, and where its video is (bucket or key may be null on an incomplete record). */
    record DueUpload(UUID fileId, String bucket, String key) {
    }

    /**
     * Claims up to {@code limit} due uploads for the current transaction; uploads claimed by another replica's open
     * transaction are skipped, not waited for.
     */
    List<DueUpload> claim(Instant now, int limit);
}
