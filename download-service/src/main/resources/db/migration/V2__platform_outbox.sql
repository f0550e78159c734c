-- The platform's outbox (platform/README.md): every event this service publishes waits here, written with the
-- transaction that decided it, until the relay has Kafka's acknowledgement. Replaces downloaded_outbox, whose waiting
-- rows V3 moves here.
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    claimed_until timestamptz
);
