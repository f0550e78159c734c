package com.apexshare.download.link;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The links of the view: only the SHA-256 of each token. A link works only once its upload is known and complete;
 * until then it is parked, so that a link claimed for an unknown or unfinished upload (a forged event, or one that
 * overtook its upload's events) never opens anything, and is not lost either.
 */
public interface SentLinks {

    /** Records the link unless its token hash is known already ({@code EmailSent} delivered again). */
    void recordIfNew(UploadView.SentLink link);

    /** Holds a link, from {@code now}, until its upload is complete; a repetition changes nothing. */
    void park(UploadView.SentLink link, Instant now);

    /**
     * Moves the upload's parked links to the working ones.
     *
     * @return the links moved, for those that wait for a confirmation
     */
    List<UploadView.SentLink> promoteParked(UUID fileId);

    /**
     * Drops links parked before the cutoff (their upload never completed here), and the empty upload rows they left.
     *
     * @return the links dropped
     */
    List<UploadView.SentLink> dropParkedBefore(Instant cutoff);

    /**
     * Deletes links that ended before the cutoff and whose upload the view does not know.
     *
     * @return how many links were deleted
     */
    int forgetUnmatchedExpiredBefore(Instant cutoff);
}
