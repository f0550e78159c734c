package com.apexshare.upload.quota;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a trainer has started recently; one entry per started upload. */
public interface QuotaLedger {

    /** Holds the trainer's lock until the transaction ends, so that concurrent checks of one trainer take turns. */
    void lockTrainer(String trainerId);

    /**
     * What the trainer used in each quota's window, counted by the database (one indexed range scan).
     *
     * @param studentHash the student of the upload about to start: whether they already count this hour
     */
    Totals totals(String trainerId, Instant hourStart, Instant dayStart, String studentHash);

    /** The trainer's entries since the cutoff, oldest first (read only to tell a refused upload when to retry). */
    List<Usage> usageSince(String trainerId, Instant cutoff);

    void record(String trainerId, Usage usage);

    /** Takes back the entry of an upload that did not start after all. */
    void remove(UUID fileId);

    /** Drops the trainer's entries older than the cutoff: they count for no quota any more. */
    void forgetBefore(String trainerId, Instant cutoff);

    /**
     * @param uploadsInHour       uploads started in the last hour
     * @param bytesInDay          bytes declared in the last 24 hours
     * @param studentsInHour      distinct students of the last hour
     * @param studentKnownInHour  whether the upload's student is one of them
     */
    record Totals(long uploadsInHour, long bytesInDay, long studentsInHour, boolean studentKnownInHour) {
    }

    /**
     * @param fileId      the upload
     * @param startedAt   when it was started
     * @param bytes       its declared size
     * @param studentHash SHA-256 of the student's address in lower case (the ledger holds no address)
     */
    record Usage(UUID fileId, Instant startedAt, long bytes, String studentHash) {
    }
}
