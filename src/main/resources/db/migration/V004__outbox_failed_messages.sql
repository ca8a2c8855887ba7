-- 004: a message that can never be sent (its recipient is not an address) is marked failed for
-- good instead of being retried forever; it stays in the table, with last_error, for operators.
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox ADD CHECK (sent_at IS NULL OR failed_at IS NULL);
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
