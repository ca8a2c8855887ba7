-- 013: plans the solver proposes for a fair's programme, and rooms' equipment it matches.

-- What a room offers a session; most rooms have both, so existing rooms keep every session they could hold.
ALTER TABLE rooms ADD COLUMN screen boolean NOT NULL DEFAULT true;
ALTER TABLE rooms ADD COLUMN power boolean NOT NULL DEFAULT true;

-- A plan is solved by one instance (its solver threads) and read from any: the instance solving
-- stores its best so far every second ("report", "heartbeat_at"), so every instance answers with
-- the last stored best. A stop asked on any instance is a flag the solving instance reads.
-- "programme_changed_at" is the fair's as the plan read the programme: applying it is refused
-- once the programme has changed since.
CREATE TABLE plans (
  id                   bigserial PRIMARY KEY,
  fair_id              bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  status               text NOT NULL DEFAULT 'solving' CHECK (status IN ('solving', 'done', 'stopped', 'failed')),
  request              jsonb NOT NULL,
  programme_changed_at timestamptz NOT NULL,
  stop_requested       boolean NOT NULL DEFAULT false,
  report               jsonb,
  error                text,
  heartbeat_at         timestamptz NOT NULL DEFAULT now(),
  applied_at           timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_fair_idx ON plans (fair_id, id);
