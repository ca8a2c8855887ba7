-- 010: an outbox attempt is recorded (committed) before the message is sent, so delivery no
-- longer depends on a transaction surviving the send. claimed_at marks an attempt whose outcome
-- is not recorded yet; a claim that finds it set (the sender died or lost the database after
-- claiming) counts a possible repeat in repeats: the message goes again, same Message-ID.
ALTER TABLE outbox ADD COLUMN claimed_at timestamptz;
ALTER TABLE outbox ADD COLUMN repeats int NOT NULL DEFAULT 0;
