-- The trainer's actions (issue 16) and the reminder. Changes that reach the service over different topics carry a
-- counter (link generation, expiry and reminder revisions): the highest one wins, so redelivered and reordered events
-- settle on the latest, and a late UploadInitiated never puts back an address or an end the trainer has changed.
ALTER TABLE upload ADD COLUMN link_generation integer NOT NULL DEFAULT 1;
ALTER TABLE upload ADD COLUMN expiry_revision bigint NOT NULL DEFAULT 0;
ALTER TABLE upload ADD COLUMN links_revoked_at timestamptz;
ALTER TABLE upload ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true;
ALTER TABLE upload ADD COLUMN reminder_revision bigint NOT NULL DEFAULT 0;

-- More than one email of a kind per upload: a resend per StudentEmailResent (ref = its eventId), a new-address email
-- per link generation (ref = the generation). The key (file_id, kind, ref) stays the exactly-once guard; the first
-- link email, the reminder and the trainer's email keep ref '' and so stay at most one per upload.
ALTER TABLE email ADD COLUMN ref text NOT NULL DEFAULT '';
ALTER TABLE email DROP CONSTRAINT email_pkey;
ALTER TABLE email ADD PRIMARY KEY (file_id, kind, ref);
ALTER TABLE email DROP CONSTRAINT email_kind_check;
ALTER TABLE email ADD CONSTRAINT email_kind_check CHECK (kind IN ('STUDENT_LINK', 'TRAINER_FIRST_DOWNLOAD',
    'TRAINER_DELIVERY_PROBLEM', 'STUDENT_RESEND', 'STUDENT_NEW_ADDRESS', 'STUDENT_REMINDER'));
-- The link generation the email's link belongs to (EmailSent.linkGeneration), kept once it is sent.
ALTER TABLE email ADD COLUMN link_generation integer;

-- The reminder job looks for first link emails sent in its window.
CREATE INDEX email_link_sent ON email (sent_at) WHERE kind = 'STUDENT_LINK' AND status = 'SENT';

-- The trainer's optional daily digest (off by default): one row per trainer and day, inserted before the email is
-- handed to the provider, so replicas and repeated runs send each digest at most once.
CREATE TABLE trainer_digest (
    trainer_id          text        NOT NULL,
    day                 date        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    claimed_at          timestamptz NOT NULL,
    sent_at             timestamptz,
    provider_message_id text,
    failure_reason      text,
    PRIMARY KEY (trainer_id, day)
);
