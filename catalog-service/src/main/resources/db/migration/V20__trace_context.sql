-- The trace each upload began in, by event key (the file id): the platform's publisher, outbox relay and listeners
-- keep an upload's events in that one trace (platform/README.md, "Tracing"). The first trace remembered wins.
-- Rows older than a week are purged by the platform as it goes (traces are for following an upload through its first
-- days).
CREATE TABLE trace_context (
    event_key   text        PRIMARY KEY,
    traceparent text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX trace_context_created_idx ON trace_context (created_at);
