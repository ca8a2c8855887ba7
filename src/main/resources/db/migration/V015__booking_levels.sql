-- The school levels a fair receives, as the booking form offers them; null: the usual 4e to Terminale.
ALTER TABLE booking_rules ADD COLUMN levels text[] CHECK (cardinality(levels) > 0);
