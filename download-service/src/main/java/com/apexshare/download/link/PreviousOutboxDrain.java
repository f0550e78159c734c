package com.apexshare.download.link;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the openings waiting in the previous version's outbox table into this version's outbox, so that nothing
 * recorded before or during a rolling upgrade is lost: the previous version's replicas keep working (and keep relaying
 * their own rows) while this version runs beside them, and whatever they leave behind is drained here. A row is
 * either relayed by an old replica or moved here, never both at once (both lock it and delete it with their commit);
 * after a crash between an old relay's send and its commit it is published twice, which consumers absorb by
 * {@code downloadId}. The table is dropped by a later release, once no replica of the previous version runs.
 */
public class PreviousOutboxDrain {

    static final int BATCH = 500;

    private final PreviousOutbox previous;
    private final DownloadLog downloads;

    public PreviousOutboxDrain(PreviousOutbox previous, DownloadLog downloads) {
        this.previous = previous;
        this.downloads = downloads;
    }

    /** Moves one batch in one transaction; returns how many openings it moved. */
    @Transactional
    public int moveBatch() {
        List<DownloadLog.Opening> openings = previous.claim(BATCH);
        openings.forEach(downloads::record);
        if (!openings.isEmpty()) {
            previous.remove(openings.stream().map(DownloadLog.Opening::downloadId).toList());
        }
        return openings.size();
    }
}
