package com.apexshare.platform.app;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.DeletionReason;
import com.apexshare.platform.outbox.Outbox;

/** The test service's domain: records a completion once, and announces removals through the outbox. */
@Service
public class Completions {

    private final AppliedCompletions applied;
    private final Outbox outbox;
    private final Clock clock;

    Completions(AppliedCompletions applied, Outbox outbox, Clock clock) {
        this.applied = applied;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void apply(UUID fileId) {
        if (!applied.existsById(fileId)) {
            applied.save(new AppliedCompletion(fileId, clock.instant()));
        }
    }

    @Transactional
    public void applyAll(java.util.List<UUID> fileIds) {
        fileIds.forEach(this::apply);
    }

    @Transactional(readOnly = true)
    public boolean isApplied(UUID fileId) {
        return applied.existsById(fileId);
    }

    /** Writes a removal event to the outbox; when {@code fail} is set the transaction rolls back after it. */
    @Transactional
    public void remove(UUID fileId, boolean fail) {
        outbox.append(Topics.UPLOAD_DELETED, fileId, UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFileId(fileId.toString())
                .setReason(DeletionReason.ABORTED)
                .build());
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }
}
