package com.apexshare.download.link;

import java.time.Instant;
import java.util.UUID;

/** Records link openings durably, for publication as {@code Downloaded} events. */
public interface DownloadLog {

    /** Records the opening with the caller's transaction (one is required): it is kept only if that commits. */
    void record(Opening opening);

    /** One link opening; carries no token and no client address. */
    record Opening(UUID downloadId, UUID fileId, Instant occurredAt, String userAgentFamily, DownloadChannel channel) {
    }
}
