-- The catalog's system of record: one row per upload, folded from the events. Every event may create the row (events
-- arrive late, twice or out of order across topics), so everything but the key is nullable until its event arrives,
-- and every column is merged so that the result does not depend on the order of the events:
-- first completion / deletion / email wins (earliest time), downloads are counted once per download id.

CREATE TABLE upload (
    file_id              uuid        PRIMARY KEY,

    -- UploadInitiated (null on a placeholder row made by a later event that arrived first)
    trainer_id           text,
    trainer_name         text,
    student_email        text,
    student_name         text,
    session_date         date,
    notes                text,
    file_name            text,
    original_file_name   text,
    file_size            bigint,
    content_type         text,
    s3_bucket            text,
    s3_key               text,
    upload_mode          text,
    upload_date          timestamptz,
    retention_until      timestamptz,

    -- UploadCompleted (the earliest report wins)
    completed_at         timestamptz,
    stored_size          bigint,
    etag                 text,

    -- UploadDeleted: aborted / removed (ABORTED, OTHER) and expired at the end of retention (RETENTION_EXPIRED)
    deleted_at           timestamptz,
    deletion_reason      text,
    expired_at           timestamptz,

    -- EmailSent / EmailFailed
    email_sent_at        timestamptz,
    email_failed_at      timestamptz,
    email_failure_reason text,

    -- Downloaded (counted once per download id, see download)
    download_count       bigint      NOT NULL DEFAULT 0,
    last_download_at     timestamptz,

    -- Derived from the facts above rather than stored as transitions, so a late UploadCompleted can never move an
    -- expired or deleted upload back to AVAILABLE, and a replay in any order gives the same state.
    status               text GENERATED ALWAYS AS (
                             CASE WHEN expired_at IS NOT NULL THEN 'EXPIRED'
                                  WHEN deleted_at IS NOT NULL THEN 'DELETED'
                                  WHEN completed_at IS NOT NULL THEN 'AVAILABLE'
                                  ELSE 'INITIATED' END) STORED,
    email_status         text GENERATED ALWAYS AS (
                             CASE WHEN email_sent_at IS NOT NULL THEN 'SENT'
                                  WHEN email_failed_at IS NOT NULL THEN 'FAILED'
                                  ELSE 'PENDING' END) STORED
);

-- Dashboard: a trainer's uploads newest first, offset pages and keyset (cursor) pages.
CREATE INDEX upload_trainer_recent ON upload (trainer_id, upload_date DESC, file_id DESC);
-- Filters: by student email (case-insensitive) and by session date range, always within one trainer.
CREATE INDEX upload_trainer_student ON upload (trainer_id, lower(student_email));
CREATE INDEX upload_trainer_session ON upload (trainer_id, session_date);
-- Retention: only the uploads still waiting for their end.
CREATE INDEX upload_retention_due ON upload (retention_until) WHERE expired_at IS NULL;

-- Every download id ever applied: a redelivered or replayed Downloaded finds its id here and is not counted again.
CREATE TABLE download (
    download_id   uuid        PRIMARY KEY,
    file_id       uuid        NOT NULL,
    downloaded_at timestamptz NOT NULL
);
