package com.apexshare.catalog.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Uploads under retention; both methods lock the uploads they return for the caller's transaction. */
public interface ExpiringUploads {

    /**
     * Up to {@code limit} claimable uploads (see {@link ExpiringUpload#isClaimable}), those whose retention ended first
     * first. Uploads that another transaction holds (another replica's claim, a poll being applied) are skipped, not
     * waited for.
     */
    List<ExpiringUpload> lockClaimable(Instant now, int limit);

    /** These uploads, locked in file-id order (so never in a cycle with the ledger, which locks in that order too). */
    List<ExpiringUpload> lock(Collection<UUID> fileIds);
}
