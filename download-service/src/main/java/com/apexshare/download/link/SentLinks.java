package com.apexshare.download.link;

import java.time.Instant;

/** The e-mailed links of the view: only the SHA-256 of each token. */
public interface SentLinks {

    /** Records the link unless its token hash is known already ({@code EmailSent} delivered again). */
    void recordIfNew(UploadView.SentLink link);

    /**
     * Deletes links that ended before the cutoff and whose upload the view does not know.
     *
     * @return how many links were deleted
     */
    int forgetUnmatchedExpiredBefore(Instant cutoff);
}
