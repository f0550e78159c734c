-- Issue 14: a link works only for an upload this view knows as initiated and completed. A link claimed earlier
-- (LinkIssued or EmailSent overtook its upload's events, or a forged claim for an unknown upload) waits here, opens
-- nothing, and moves to link_token in the transaction that makes its upload complete; a link whose upload never
-- completes is dropped after apexshare.download.view-retention.park-limit (counted as a rejected claim).
CREATE TABLE pending_link (
    token_sha256        text        PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    file_id             uuid        NOT NULL,
    expires_at          timestamptz NOT NULL,
    sent_at             timestamptz NOT NULL,
    -- true for LinkIssued: notification-service sends the email only after LinkActivated
    awaits_confirmation boolean     NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX pending_link_file_id ON pending_link (file_id);
CREATE INDEX pending_link_recorded_at ON pending_link (recorded_at);

-- Links recorded before this version for uploads that are not known as complete are parked like new ones: they worked
-- only once the upload completed, and they still will.
INSERT INTO pending_link (token_sha256, file_id, expires_at, sent_at, awaits_confirmation)
SELECT t.token_sha256, t.file_id, t.expires_at, t.sent_at, false
  FROM link_token t
 WHERE NOT EXISTS (SELECT 1 FROM upload_view v
                    WHERE v.file_id = t.file_id AND v.initiated_at IS NOT NULL AND v.completed_at IS NOT NULL);

DELETE FROM link_token t
 WHERE NOT EXISTS (SELECT 1 FROM upload_view v
                    WHERE v.file_id = t.file_id AND v.initiated_at IS NOT NULL AND v.completed_at IS NOT NULL);
