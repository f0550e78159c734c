package com.apexshare.upload.upload.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.upload.upload.UploadNotFound;
import com.apexshare.upload.upload.UploadSession;
import com.apexshare.upload.upload.UploadSessions;
import com.apexshare.upload.upload.UploadStatus;

/**
 * {@link UploadSessions} on Spring Data JPA. Each method is one short transaction; changes are the session's own
 * methods applied to the row locked with {@code SELECT … FOR UPDATE}, written back by Hibernate on commit.
 */
@Component
class JpaUploadSessions implements UploadSessions {

    private final UploadSessionRepository repository;

    JpaUploadSessions(UploadSessionRepository repository) {
        this.repository = repository;
    }

    @Override
    public void add(UploadSession session) {
        // A new entity (no version yet): a plain INSERT, no SELECT first.
        repository.save(session);
    }

    @Override
    public Optional<UploadSession> find(UUID fileId) {
        return repository.findById(fileId);
    }

    @Override
    public void remove(UUID fileId) {
        repository.deleteById(fileId);
    }

    @Override
    @Transactional
    public <R> R change(UUID fileId, Function<UploadSession, R> change) {
        UploadSession session = repository.findForUpdate(fileId)
                .orElseThrow(() -> new UploadNotFound(fileId.toString()));
        return change.apply(session);
    }

    @Override
    @Transactional
    public void update(UUID fileId, Consumer<UploadSession> change) {
        change.accept(repository.findForUpdate(fileId).orElseThrow(() -> new UploadNotFound(fileId.toString())));
    }

    @Override
    @Transactional
    public List<UploadSession> claimStale(Instant startedBefore, Instant abortClaimedBefore, int limit,
            Consumer<UploadSession> claim) {
        List<UploadSession> stale = repository.findStaleForUpdate(startedBefore, abortClaimedBefore,
                UploadStatus.IN_PROGRESS, UploadStatus.ABORTING, Limit.of(limit));
        stale.forEach(claim);
        return stale;
    }

    @Override
    @Transactional
    public List<UploadSession> claimStalledDeletes(Instant claimedBefore, int limit, Consumer<UploadSession> claim) {
        List<UploadSession> stalled = repository.findStalledDeletesForUpdate(claimedBefore, UploadStatus.DELETING,
                Limit.of(limit));
        stalled.forEach(claim);
        return stalled;
    }
}
