-- The trainer's actions on an upload (issue 16), folded from their events like every other fact: changes that carry a
-- counter (link generation, expiry and reminder revisions) keep the highest one, so redelivered and reordered events
-- settle on the latest change; times keep the earliest (revocation, reminder) or the latest (resend).

-- StudentAddressChanged: student_email / student_name hold the corrected address; link_generation its generation
-- (1 until the first change), so that a late UploadInitiated never puts the old address back.
ALTER TABLE upload ADD COLUMN link_generation integer NOT NULL DEFAULT 1;
ALTER TABLE upload ADD COLUMN address_changed_at timestamptz;
-- UploadExpiryChanged: retention_until holds the new end (the retention job removes the upload then); the revision of
-- the change applied (0: never changed), so that a late UploadInitiated never puts the first end back.
ALTER TABLE upload ADD COLUMN expiry_revision bigint NOT NULL DEFAULT 0;
-- LinkRevoked
ALTER TABLE upload ADD COLUMN links_revoked_at timestamptz;
-- ReminderSettingChanged, and EmailSent(purpose REMINDER)
ALTER TABLE upload ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true;
ALTER TABLE upload ADD COLUMN reminder_revision bigint NOT NULL DEFAULT 0;
ALTER TABLE upload ADD COLUMN reminder_sent_at timestamptz;
-- StudentEmailResent (the latest)
ALTER TABLE upload ADD COLUMN last_resent_at timestamptz;

-- The per-student view (GET /api/v1/students/{email}/uploads): one trainer's uploads for one address, newest first.
CREATE INDEX upload_trainer_student_recent ON upload (trainer_id, lower(student_email), upload_date DESC, file_id DESC);
