-- Issue 14 (the dead-link window): the student's link is minted when the email is owed and announced as LinkIssued;
-- the email leaves only once download-service confirms that it serves the link (LinkActivated). Until the email is
-- sent, failed or cancelled the token itself waits here (it is what the email will carry; erased at that moment, so
-- only unsent emails' tokens are ever at rest, in this service's own database). Emails owed before this version have
-- no link yet: the dispatcher issues one the first time it meets them.
ALTER TABLE email ADD COLUMN link_token text;
ALTER TABLE email ADD COLUMN link_issued_at timestamptz;
ALTER TABLE email ADD COLUMN link_confirmed_at timestamptz;

-- Emails whose link is issued but not confirmed yet (the gauge apexshare.emails.awaiting.link).
CREATE INDEX email_awaiting_link ON email (link_issued_at)
    WHERE status = 'PENDING' AND link_issued_at IS NOT NULL AND link_confirmed_at IS NULL;
