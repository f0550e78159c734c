-- The retention job claims due uploads in a short transaction, then deletes their objects from S3 and publishes
-- UploadDeleted with no transaction open, then settles. The claim keeps other replicas off an upload meanwhile; if the
-- replica dies before it settles, the claim lapses at this time and a later run picks the upload up again.
ALTER TABLE upload ADD COLUMN retention_claimed_until timestamptz;
