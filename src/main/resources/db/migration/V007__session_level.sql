-- The school level a session suits ("3e", "2nde"…), for visitors to filter the programme; empty for every level.
ALTER TABLE sessions ADD COLUMN level text NOT NULL DEFAULT '';
