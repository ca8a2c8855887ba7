-- The school levels a track is meant for ("3e", "2nde"…), chosen from the list pages offer; empty: every level.
ALTER TABLE tracks ADD COLUMN levels text[] NOT NULL DEFAULT '{}';
