-- One row per started upload: what any replica needs to resume, complete or abort it. No personal data: names and
-- email addresses travel only in the UploadInitiated event.
CREATE TABLE upload_session (
    file_id         UUID         PRIMARY KEY,
    trainer_id      VARCHAR(255) NOT NULL,
    upload_mode     VARCHAR(16)  NOT NULL CHECK (upload_mode IN ('SINGLE_PUT', 'MULTIPART')),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'ABORTED')),
    bucket          VARCHAR(63)  NOT NULL,
    object_key      VARCHAR(1024) NOT NULL,
    s3_upload_id    VARCHAR(1024),
    content_type    VARCHAR(127) NOT NULL,
    file_size       BIGINT       NOT NULL CHECK (file_size > 0),
    part_size       BIGINT       NOT NULL CHECK (part_size > 0),
    part_count      INTEGER      NOT NULL CHECK (part_count BETWEEN 1 AND 10000),
    initiated_at    TIMESTAMPTZ  NOT NULL,
    completed_at    TIMESTAMPTZ,
    completed_size  BIGINT,
    completed_etag  VARCHAR(128),
    aborted_at      TIMESTAMPTZ,
    CHECK (upload_mode = 'SINGLE_PUT' OR s3_upload_id IS NOT NULL)
);

-- Housekeeping looks for old unfinished uploads only.
CREATE INDEX upload_session_in_progress_idx ON upload_session (initiated_at) WHERE status = 'IN_PROGRESS';
