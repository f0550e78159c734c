-- Per-trainer quotas: one row per started upload, kept for the longest quota window (24 h). No student address,
-- only its SHA-256 (distinct students per hour).
CREATE TABLE trainer_usage (
    file_id        UUID PRIMARY KEY,
    trainer_id     TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    declared_bytes BIGINT      NOT NULL CHECK (declared_bytes >= 0),
    student_sha256 TEXT        NOT NULL CHECK (length(student_sha256) = 64)
);
CREATE INDEX trainer_usage_trainer_idx ON trainer_usage (trainer_id, started_at);
