-- The outbox table exactly as the platform README documents it for every service.
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    claimed_until timestamptz
);

-- The test service's own data: which completions its listener applied.
CREATE TABLE applied_completion (
    file_id    uuid        PRIMARY KEY,
    applied_at timestamptz NOT NULL
);
