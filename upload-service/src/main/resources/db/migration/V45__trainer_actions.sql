-- Trainer actions on a completed upload (issue 16): resend the student's email, change the student's address, change
-- the expiry, revoke the links, delete the upload, switch the reminder off. The session row stays the one place that
-- serialises every change of an upload (its row lock), and keeps the counters the events carry so that consumers can
-- order changes that reach them over different topics. Still no personal data here: addresses travel only in events.
ALTER TABLE upload_session DROP CONSTRAINT upload_session_status_check;
ALTER TABLE upload_session ADD CONSTRAINT upload_session_status_check
    CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'ABORTING', 'ABORTED', 'DELETING', 'DELETED'));

-- When links stop working and the video is removed. Null for sessions started before this migration: the service
-- then takes initiated_at + its configured retention, which is what their UploadInitiated said.
ALTER TABLE upload_session ADD COLUMN expires_at TIMESTAMPTZ;
-- UploadExpiryChanged.revision of the latest change (0: never changed).
ALTER TABLE upload_session ADD COLUMN expiry_revision BIGINT NOT NULL DEFAULT 0;
-- StudentAddressChanged.linkGeneration: 1 until the first address change; links of lower generations are revoked.
ALTER TABLE upload_session ADD COLUMN link_generation INTEGER NOT NULL DEFAULT 1 CHECK (link_generation >= 1);
-- LinkRevoked: every link stopped working (final).
ALTER TABLE upload_session ADD COLUMN links_revoked_at TIMESTAMPTZ;
-- ReminderSettingChanged: whether the one reminder may be sent, and the revision of the latest change.
ALTER TABLE upload_session ADD COLUMN reminders_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE upload_session ADD COLUMN reminder_revision BIGINT NOT NULL DEFAULT 0;
-- A trainer's delete of a completed upload runs in three steps like an abort (claim, S3 and Kafka with no transaction
-- open, settle): DELETING with the claim's time, so that housekeeping finishes the ones whose claimant died.
ALTER TABLE upload_session ADD COLUMN delete_started_at TIMESTAMPTZ;
ALTER TABLE upload_session ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE upload_session ADD CONSTRAINT upload_session_deleting_check
    CHECK (status <> 'DELETING' OR delete_started_at IS NOT NULL);
CREATE INDEX upload_session_deleting_idx ON upload_session (delete_started_at) WHERE status = 'DELETING';

-- Actions that are rate-limited per upload (resends): one row each, kept for the limit's window and purged by
-- housekeeping. No address, no token.
CREATE TABLE upload_action (
    id         BIGSERIAL   PRIMARY KEY,
    file_id    UUID        NOT NULL REFERENCES upload_session (file_id) ON DELETE CASCADE,
    action     VARCHAR(32) NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX upload_action_file_idx ON upload_action (file_id, action, at);
CREATE INDEX upload_action_at_idx ON upload_action (at);

-- The platform's outbox (platform/README.md): the trainer actions' events are written in the transaction that changes
-- the session and published by the relay once committed, so an answered action is never lost.
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    claimed_until timestamptz
);
