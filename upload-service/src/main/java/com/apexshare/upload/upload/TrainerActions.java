package com.apexshare.upload.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.apexshare.upload.UploadProperties;

/**
 * The trainer's actions on a completed upload: resend the student's email, correct the student's address, move the
 * expiry, revoke the links, switch the reminder, delete the upload. The upload service owns them because it owns the
 * upload's life and its owner (the token's subject); catalog, notification and download learn of each action only
 * from its event.
 *
 * <p>Every action but the delete is one short transaction on the session's locked row: the state change and its event
 * (in the outbox) commit together, so an answered action is never lost and two replicas acting on one upload take
 * turns. The delete, like an abort, claims in one transaction, removes the object with no transaction open and settles
 * together with its event; housekeeping finishes a delete whose claimant died.
 */
@Service
public class TrainerActions {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerActions.class);

    private final UploadSessions sessions;
    private final ActionLog actionLog;
    private final ActionEvents events;
    private final ObjectStore store;
    private final UploadMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    private final UploadProperties.Actions settings;

    TrainerActions(UploadSessions sessions, ActionLog actionLog, ActionEvents events, ObjectStore store,
            UploadMetrics metrics, Clock clock, UploadProperties properties) {
        this.sessions = sessions;
        this.actionLog = actionLog;
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.retention = properties.retention();
        this.settings = properties.actions();
    }

    /**
     * Sends the student's email again (a fresh link; earlier links keep working), at most {@code resend-limit} times
     * per {@code resend-window}.
     *
     * @throws ResendLimitReached when the limit is used up (with when the next one would be allowed)
     */
    public ActionState resend(String trainerId, UUID fileId) {
        sessions.owned(trainerId, fileId);
        ActionState state;
        try {
            state = sessions.change(fileId, this::resendLocked);
        } catch (ResendLimitReached e) {
            metrics.resendRefused();
            throw e;
        }
        metrics.action("resend");
        LOG.info("Upload {}: the student's email is resent at the trainer's request", fileId);
        return state;
    }

    /** The resend on the locked session: counted against the limit, then announced. */
    private ActionState resendLocked(UploadSession session) {
        UUID fileId = session.fileId();
        Instant now = now();
        int generation = session.resend(now, retention);
        List<Instant> recent = actionLog.since(fileId, ActionLog.Action.RESEND, now.minus(settings.resendWindow()));
        if (recent.size() >= settings.resendLimit()) {
            // The oldest resend still counted frees a slot when it leaves the window.
            Instant freed = recent.isEmpty() ? now.plus(settings.resendWindow())
                    : recent.get(recent.size() - settings.resendLimit()).plus(settings.resendWindow());
            throw new ResendLimitReached(settings.resendLimit(), settings.resendWindow(),
                    atLeastOneSecond(Duration.between(now, freed)));
        }
        actionLog.record(fileId, ActionLog.Action.RESEND, now);
        events.resent(fileId, generation, now);
        return session.actionState(retention);
    }

    /**
     * Corrects the student's address (and name, if given): a new email with a new link goes to the new address, and
     * every earlier link stops working. Also what clears a suppression of the old address downstream.
     *
     * @param studentName the corrected name, or null to keep it
     */
    public ActionState changeAddress(String trainerId, UUID fileId, String studentEmail, String studentName) {
        sessions.owned(trainerId, fileId);
        ActionState state = sessions.change(fileId, session -> {
            Instant now = now();
            int generation = session.changeAddress(now, retention);
            events.addressChanged(fileId, studentEmail, studentName, generation, now);
            return session.actionState(retention);
        });
        metrics.action("address");
        LOG.info("Upload {}: the student's address was changed; links before generation {} are revoked", fileId,
                state.linkGeneration());
        return state;
    }

    /**
     * Moves the expiry, later or earlier, within {@code expiry-min-ahead} … {@code expiry-max-ahead} from now and at
     * most {@code expiry-max-extension} past the upload's regular end; the links end and the video is removed at the
     * new time.
     *
     * @throws InvalidUploadRequest (field {@code expiresAt}) outside that window
     */
    public ActionState changeExpiry(String trainerId, UUID fileId, Instant requested) {
        sessions.owned(trainerId, fileId);
        Instant expiresAt = requested.truncatedTo(ChronoUnit.MILLIS);
        ActionState state = sessions.change(fileId, session -> {
            Instant now = now();
            session.ensureActionable(now, retention);
            Instant earliest = now.plus(settings.expiryMinAhead());
            // Never past the regular end plus the extension allowed: the bucket's lifecycle rule removes the object
            // then, whatever the links say.
            Instant cap = session.initiatedAt().plus(retention).plus(settings.expiryMaxExtension());
            Instant ahead = now.plus(settings.expiryMaxAhead());
            Instant latest = ahead.isBefore(cap) ? ahead : cap;
            if (expiresAt.isBefore(earliest) || expiresAt.isAfter(latest)) {
                throw InvalidUploadRequest.of("expiresAt", "must be between " + earliest.truncatedTo(ChronoUnit.SECONDS)
                        + " and " + latest.truncatedTo(ChronoUnit.SECONDS) + " (at least "
                        + settings.expiryMinAhead() + " from now, at most " + settings.expiryMaxAhead()
                        + " from now and " + settings.expiryMaxExtension() + " past the upload's regular end)");
            }
            ExpiryChange change = session.changeExpiry(expiresAt, now, retention);
            events.expiryChanged(change, now);
            return session.actionState(retention);
        });
        metrics.action("expiry");
        LOG.info("Upload {}: expiry moved to {}", fileId, state.expiresAt());
        return state;
    }

    /** Revokes every link of the upload now (they answer 410); revoking again changes nothing. Final. */
    public ActionState revoke(String trainerId, UUID fileId) {
        sessions.owned(trainerId, fileId);
        List<Boolean> revoked = new ArrayList<>(1);
        ActionState state = sessions.change(fileId, session -> {
            Instant now = now();
            boolean changed = session.revokeLinks(now, retention);
            if (changed) {
                events.linksRevoked(fileId, now);
            }
            revoked.add(changed);
            return session.actionState(retention);
        });
        if (revoked.get(0)) {
            metrics.action("revoke");
            LOG.info("Upload {}: links revoked by the trainer", fileId);
        }
        return state;
    }

    /** Switches the one reminder email on or off; switching to the current setting changes nothing. */
    public ActionState setReminders(String trainerId, UUID fileId, boolean enabled) {
        sessions.owned(trainerId, fileId);
        ActionState state = sessions.change(fileId, session -> {
            Instant now = now();
            long revision = session.setReminders(enabled, now, retention);
            if (revision > 0) {
                events.remindersChanged(fileId, enabled, revision, now);
            }
            return session.actionState(retention);
        });
        metrics.action("reminders");
        return state;
    }

    /**
     * Deletes a completed upload now: the object goes and {@code UploadDeleted(TRAINER_DELETED)} follows. Deleting
     * again changes nothing; an upload in progress is aborted instead.
     */
    public ActionState delete(String trainerId, UUID fileId) {
        sessions.owned(trainerId, fileId);
        UploadSession claimed = sessions.change(fileId, s -> s.startDeleting(now()) ? s : null);
        if (claimed != null) {
            carryOutDelete(claimed);
            metrics.action("delete");
            LOG.info("Upload {} deleted by its trainer", fileId);
        }
        return sessions.find(fileId).orElseThrow(() -> new UploadNotFound(fileId.toString()))
                .actionState(retention);
    }

    /** Finishes deletes claimed before {@code claimedBefore} and never settled (their claimant died); how many. */
    public int finishStalledDeletes(Instant claimedBefore, int limit) {
        Instant now = now();
        List<UploadSession> claimed = sessions.claimStalledDeletes(claimedBefore, limit, s -> s.startDeleting(now));
        claimed.forEach(this::carryOutDelete);
        return claimed.size();
    }

    /** Forgets rate-limit entries older than the resend window; how many. */
    public int purgeActionLog() {
        return actionLog.purgeBefore(now().minus(settings.resendWindow()));
    }

    private void carryOutDelete(UploadSession session) {
        store.delete(session.objectKey());
        sessions.update(session.fileId(), s -> {
            Instant now = now();
            if (s.markDeleted(now)) {
                events.deleted(s.fileId(), now);
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Duration atLeastOneSecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
