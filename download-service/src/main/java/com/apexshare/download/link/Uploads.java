package com.apexshare.download.link;

import java.time.Instant;
import java.util.UUID;

/** The uploads of the view, by file id. */
public interface Uploads {

    /**
     * The upload, locked until the surrounding transaction ends; an empty one is created when no event of it has
     * arrived yet (concurrent first events of one upload never create it twice).
     */
    Upload lockOrCreate(UUID fileId);

    void save(Upload upload);

    /**
     * Deletes, with their links, the uploads deleted or past their retention end before the cutoff.
     *
     * @return how many uploads were deleted
     */
    int forgetEndedBefore(Instant cutoff);
}
