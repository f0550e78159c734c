-- Issue 16, delivery reports: what became of each sent email (SES events through SNS, DSNs from the bounce mailbox),
-- the suppression list, and the trainer's delivery-problem email.

-- SUPPRESSED: the email was never sent because its address is on the suppression list.
ALTER TABLE email DROP CONSTRAINT email_status_check;
ALTER TABLE email ADD CONSTRAINT email_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'SUPPRESSED'));

-- TRAINER_DELIVERY_PROBLEM: the trainer is told once per upload that the student's email will not arrive.
ALTER TABLE email DROP CONSTRAINT email_kind_check;
ALTER TABLE email ADD CONSTRAINT email_kind_check
    CHECK (kind IN ('STUDENT_LINK', 'TRAINER_FIRST_DOWNLOAD', 'TRAINER_DELIVERY_PROBLEM'));

-- The delivery state only moves forward (the Email aggregate decides); delivery_sequence counts its moves and is what
-- EmailDeliveryReported carries, so consumers keep the latest without knowing the precedence.
ALTER TABLE email
    ADD COLUMN delivery_state       text CHECK (delivery_state IN ('DELAYED', 'DELIVERED', 'BOUNCED', 'COMPLAINED',
                                                                   'REJECTED', 'SUPPRESSED')),
    ADD COLUMN bounce_type          text CHECK (bounce_type IN ('HARD', 'SOFT', 'UNDETERMINED')),
    ADD COLUMN delivery_sequence    integer NOT NULL DEFAULT 0,
    ADD COLUMN delivery_reported_at timestamptz,
    ADD COLUMN delivery_diagnostic  text;

-- Reports name the email by the provider's message id (SES MessageId; SMTP Message-ID, whose local part is also the
-- VERP return path's tag): equality and prefix lookups.
CREATE INDEX email_provider_message ON email (provider_message_id text_pattern_ops)
    WHERE provider_message_id IS NOT NULL;

-- The suppression list: the SHA-256 of the trimmed, lower-cased address, never the address (the list outlives the
-- uploads whose personal data is purged). lifted_at is set when the trainer or an operator takes it off again.
CREATE TABLE suppressed_address (
    address_sha256 char(64)    PRIMARY KEY,
    reason         text        NOT NULL CHECK (reason IN ('HARD_BOUNCE', 'COMPLAINT')),
    file_id        uuid        NOT NULL,
    suppressed_at  timestamptz NOT NULL,
    lifted_at      timestamptz
);
