-- The upload traces table exactly as the platform README documents it ("Tracing").
CREATE TABLE trace_context (
    event_key   text        PRIMARY KEY,
    traceparent text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX trace_context_created_idx ON trace_context (created_at);
