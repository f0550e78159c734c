-- The upload timeline (issue 13): each applied Downloaded keeps, besides its id, upload and time (there since V1),
-- the client's family and the channel it came through. Rows applied before this migration keep NULL in both: the
-- events they came from are not re-read, so the timeline shows them with their time and without a device.
-- Still one row per download id (its primary key), so counting stays exactly-once.
ALTER TABLE download ADD COLUMN user_agent_family text;
ALTER TABLE download ADD COLUMN channel text;

-- An upload's downloads newest first, keyset pages (GET /api/v1/uploads/{fileId}/downloads).
CREATE INDEX download_file_recent ON download (file_id, downloaded_at DESC, download_id DESC);
