package com.apexshare.download.link;

import java.time.Instant;
import java.util.UUID;

/** The page visits that have already counted, one per link and visit id. */
public interface VisitLog {

    /**
     * Records the visit unless it is already known, with the caller's transaction (one is required).
     *
     * @param tokenSha256 lower-case hex SHA-256 of the link's token (the token itself is never stored)
     * @return true when this call recorded it, i.e. the visit counts now; false when it had counted before
     */
    boolean recordFirst(String tokenSha256, UUID visitId, Instant at);
}
