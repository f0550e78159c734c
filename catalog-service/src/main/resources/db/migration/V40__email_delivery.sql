-- Issue 16: what became of the student's email after it was sent (EmailDeliveryReported): delivered, delayed,
-- bounced (hard / soft), complained about, rejected, or suppressed. One row per upload, its own table so that the
-- upload's generated columns and its set-based statements stay as they are. notification-service moves the state
-- forward only and numbers its moves (sequence); the catalog keeps the report with the highest sequence, so repeats and
-- late reports change nothing. No personal data: no address, no provider text.
CREATE TABLE email_delivery (
    file_id     uuid        PRIMARY KEY,
    state       text        NOT NULL,
    sequence    integer     NOT NULL,
    reported_at timestamptz NOT NULL,
    bounce_type text,
    source      text
);
