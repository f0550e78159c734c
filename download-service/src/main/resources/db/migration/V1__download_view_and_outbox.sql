-- The download service's own view of each upload, built from UploadInitiated, UploadCompleted and UploadDeleted in
-- any order: every column group is filled by its event, so a row may exist with only some of them.
CREATE TABLE upload_view (
    file_id          uuid        PRIMARY KEY,
    -- from UploadInitiated (null until it arrives)
    initiated_at     timestamptz,
    trainer_name     text,
    session_date     date,
    notes            text,
    file_name        text,
    content_type     text,
    declared_size    bigint,
    retention_until  timestamptz,
    -- object location: UploadInitiated reserves it, UploadCompleted states where the bytes are
    bucket           text,
    object_key       text,
    -- from UploadCompleted (null until it arrives)
    completed_at     timestamptz,
    stored_size      bigint,
    e_tag            text,
    -- from UploadDeleted (null unless the upload was aborted or removed)
    deleted_at       timestamptz,
    deletion_reason  text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per link e-mailed (EmailSent): only the SHA-256 of the token is ever stored.
CREATE TABLE link_token (
    token_sha256  text        PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    file_id       uuid        NOT NULL,
    expires_at    timestamptz NOT NULL,
    sent_at       timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX link_token_file_id ON link_token (file_id);

-- Transactional outbox of Downloaded events: written in the request that opens a link, deleted by the relay once
-- Kafka acknowledged the event. Holds no token and no client address.
CREATE TABLE downloaded_outbox (
    download_id        uuid        PRIMARY KEY,
    file_id            uuid        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    user_agent_family  text        NOT NULL,
    channel            text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0
);

CREATE INDEX downloaded_outbox_occurred_at ON downloaded_outbox (occurred_at);
