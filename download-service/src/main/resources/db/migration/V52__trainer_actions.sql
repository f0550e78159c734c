-- The trainer's actions (issue 16) as the link side needs them (numbered after V51, the last version main shipped, so
-- that databases already there take it in order). Each change keeps its counter, so that redelivered and
-- reordered events (different topics) settle on the latest.
-- UploadExpiryChanged: the end the trainer set replaces retention_until for every link of the upload, and the revision
-- of the change applied (0: never changed).
ALTER TABLE upload_view ADD COLUMN expires_at timestamptz;
ALTER TABLE upload_view ADD COLUMN expiry_revision bigint NOT NULL DEFAULT 0;
-- LinkRevoked: every link of the upload answers 410 from then on (final).
ALTER TABLE upload_view ADD COLUMN links_revoked_at timestamptz;
-- StudentAddressChanged: links of a generation below this one answer 410 (the old address's links).
ALTER TABLE upload_view ADD COLUMN link_generation integer NOT NULL DEFAULT 1;
-- EmailSent.linkGeneration of each link (1 for every link sent before this migration, as before any address change).
ALTER TABLE link_token ADD COLUMN link_generation integer NOT NULL DEFAULT 1;
-- LinkIssued.linkGeneration (or EmailSent's) of a link parked until its upload is complete: kept when it moves to
-- link_token. A link is confirmed (LinkActivated) only while its generation is the upload's current one or higher and
-- the links are not revoked, so that no email leaves with a link that would answer 410.
ALTER TABLE pending_link ADD COLUMN link_generation integer NOT NULL DEFAULT 1;
