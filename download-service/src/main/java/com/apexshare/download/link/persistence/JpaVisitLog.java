package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.download.link.VisitLog;

/** Page visits that have counted, by {@code INSERT … ON CONFLICT DO NOTHING}. */
@Component
class JpaVisitLog implements VisitLog {

    private final LinkVisitRepository visits;

    JpaVisitLog(LinkVisitRepository visits) {
        this.visits = visits;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordFirst(String tokenSha256, UUID visitId, Instant at) {
        return visits.insertIfAbsent(tokenSha256, visitId, at) == 1;
    }
}
