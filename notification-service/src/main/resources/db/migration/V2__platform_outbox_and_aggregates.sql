-- The platform's outbox (platform/README.md) is this service's own outbox table with two more columns: the relay's
-- lease (claimed_until) and its attempt count. The rows the previous version wrote (same table, same topic, key and
-- Avro single-object bytes) stay where they are and are published by the platform's relay like any new row, so nothing
-- waiting is lost and nothing needs moving. A replica of the previous version still running during a rolling upgrade
-- keeps inserting here (the new columns have defaults) and keeps relaying with its own FOR UPDATE SKIP LOCKED: a row
-- may then be published twice, with the same eventId, which consumers absorb.
ALTER TABLE outbox
    ADD COLUMN attempts      integer NOT NULL DEFAULT 0,
    ADD COLUMN claimed_until timestamptz;
