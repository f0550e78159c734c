package com.apexshare.download.link;

import java.util.List;
import java.util.UUID;

/**
 * The previous version's own outbox table ({@code downloaded_outbox}): openings it recorded that its relay has not
 * published yet. Replicas of that version may still be writing to it during a rolling upgrade.
 */
public interface PreviousOutbox {

    /** Up to {@code limit} waiting openings, oldest first, locked until the transaction ends (held rows are skipped). */
    List<DownloadLog.Opening> claim(int limit);

    /** Removes the openings once they are recorded elsewhere in the same transaction. */
    void remove(List<UUID> downloadIds);
}
