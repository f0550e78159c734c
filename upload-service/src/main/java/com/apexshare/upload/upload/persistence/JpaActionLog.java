package com.apexshare.upload.upload.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.upload.upload.ActionLog;

/** {@link ActionLog} on Spring Data JPA; joins the caller's transaction (the one holding the session's lock). */
@Component
class JpaActionLog implements ActionLog {

    private final UploadActionRepository repository;

    JpaActionLog(UploadActionRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Instant> since(UUID fileId, Action action, Instant since) {
        return repository.timesSince(fileId, action.name(), since);
    }

    @Override
    public void record(UUID fileId, Action action, Instant at) {
        repository.save(new UploadActionRow(fileId, action.name(), at));
    }

    @Override
    @Transactional
    public int purgeBefore(Instant before) {
        return repository.deleteBefore(before);
    }
}
