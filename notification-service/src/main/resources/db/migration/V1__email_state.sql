-- What the notification service knows about each upload, built from the events (any order, any number of times).
-- Personal data (names, addresses, notes) is scrubbed when the upload is deleted and the row is purged after retention.
CREATE TABLE upload (
    file_id             uuid PRIMARY KEY,
    trainer_id          text,
    trainer_name        text,
    trainer_email       text,
    student_email       text,
    student_name        text,
    session_date        date,
    notes               text,
    file_name           text,
    file_size           bigint,
    retention_until     timestamptz,
    initiated_at        timestamptz,
    completed_at        timestamptz,
    completion_signals  integer     NOT NULL DEFAULT 0,
    first_downloaded_at timestamptz,
    deleted_at          timestamptz,
    deletion_reason     text,
    updated_at          timestamptz NOT NULL
);

CREATE INDEX upload_retention ON upload (retention_until);

-- One row per email the service owes: at most one per upload and kind (the primary key is the exactly-once guard).
-- PENDING -> SENDING (claimed right before the provider call) -> SENT | FAILED, or PENDING again after a transient
-- failure; PENDING -> CANCELLED when the upload is gone. A row left in SENDING means the provider may have accepted the
-- email but the outcome was never recorded: it is never sent again automatically (at most once), it is reported.
CREATE TABLE email (
    file_id             uuid        NOT NULL REFERENCES upload (file_id) ON DELETE CASCADE,
    kind                text        NOT NULL CHECK (kind IN ('STUDENT_LINK', 'TRAINER_FIRST_DOWNLOAD')),
    status              text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    lease_id            uuid,
    claimed_at          timestamptz,
    sent_at             timestamptz,
    transport           text,
    provider_message_id text,
    link_token_sha256   char(64),
    link_expires_at     timestamptz,
    failure_reason      text,
    last_error          text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (file_id, kind)
);

CREATE INDEX email_due ON email (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_sending ON email (claimed_at) WHERE status = 'SENDING';

-- Events written in the same transaction as the state they announce, published to Kafka by the outbox relay.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    topic      text        NOT NULL,
    event_key  text        NOT NULL,
    payload    bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- The global send-rate pacer: the earliest time (epoch microseconds) at which the next provider call may start.
-- Every replica reserves its slot here, so max-send-rate holds for the whole deployment.
CREATE TABLE send_pacer (
    id               smallint PRIMARY KEY CHECK (id = 1),
    next_slot_micros bigint NOT NULL
);

INSERT INTO send_pacer (id, next_slot_micros) VALUES (1, 0);
