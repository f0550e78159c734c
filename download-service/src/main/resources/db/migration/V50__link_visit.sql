-- Honest counts for the student page (issue 13): a page visit (one id per browser tab and link) counts as one
-- download however often it asks POST /api/v1/downloads/{token}/start. One row per (link, visit); the first insert
-- decides that the visit counts, in the transaction that writes its Downloaded to the outbox. The rows go with their
-- link (ON DELETE CASCADE), i.e. with the upload's view rows when the view retention forgets them.
CREATE TABLE link_visit (
    token_sha256  text        NOT NULL REFERENCES link_token (token_sha256) ON DELETE CASCADE,
    visit_id      uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (token_sha256, visit_id)
);
