-- Aborts run in three steps (claim, S3 and Kafka with no transaction open, settle): a claimed abort is ABORTING, with
-- the time of its claim, so that housekeeping finishes the ones whose claimant died. The version column lets
-- Hibernate insert new sessions without reading first and refuse lost updates.
ALTER TABLE upload_session DROP CONSTRAINT upload_session_status_check;
ALTER TABLE upload_session ADD CONSTRAINT upload_session_status_check
    CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'ABORTING', 'ABORTED'));
ALTER TABLE upload_session ADD COLUMN abort_started_at TIMESTAMPTZ;
ALTER TABLE upload_session ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE upload_session ADD CONSTRAINT upload_session_aborting_check
    CHECK (status <> 'ABORTING' OR abort_started_at IS NOT NULL);

-- Housekeeping also looks for aborts claimed long ago and never settled.
CREATE INDEX upload_session_aborting_idx ON upload_session (abort_started_at) WHERE status = 'ABORTING';
