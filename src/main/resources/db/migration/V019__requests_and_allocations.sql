-- 019: registration by requests, then one allocation (#17). A fair in "allocation" mode takes
-- class requests between requests_open_at and requests_close_at; at allocation_at (or when the
-- organiser presses it) an allocation is computed, previewed and published once: each placed
-- request becomes a confirmed booking, the rest wait in draw order, and first-come opens for
-- what is left. offer_hours (both modes): a promotion from the waiting list is an offer the
-- class must accept within that many hours.
ALTER TABLE fairs
  ADD COLUMN registration_mode text NOT NULL DEFAULT 'first_come'
    CHECK (registration_mode IN ('first_come', 'allocation')),
  ADD COLUMN requests_open_at  timestamptz,
  ADD COLUMN requests_close_at timestamptz,
  ADD COLUMN allocation_at     timestamptz,
  ADD COLUMN offer_hours       int CHECK (offer_hours BETWEEN 1 AND 720),
  ADD CONSTRAINT fairs_request_window CHECK (registration_mode = 'first_come'
    OR (requests_open_at IS NOT NULL AND requests_close_at > requests_open_at
        AND allocation_at >= requests_close_at));

-- One class asking for a place: the booking form's fields, ranked tracks, acceptable windows.
CREATE TABLE class_requests (
  id            bigserial PRIMARY KEY,
  fair_id       bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  -- Kept in clear, as bookings' manage_token: every message about the request carries its link.
  manage_token  text NOT NULL UNIQUE,
  school_name   text NOT NULL,
  school_uai    text NOT NULL,
  school_city   text NOT NULL,
  teacher_name  text NOT NULL,
  teacher_email text NOT NULL,
  class_name    text NOT NULL,
  class_level   text NOT NULL,
  pupils        int NOT NULL CHECK (pupils > 0),
  adults        int NOT NULL CHECK (adults >= 0),
  any_other     boolean NOT NULL DEFAULT false,
  -- Priority education as the teacher declares it (REP or REP+), for the fair's shares.
  priority_education text CHECK (priority_education IN ('rep', 'rep_plus')),
  language      text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  status        text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'withdrawn', 'confirmed', 'waitlisted', 'unplaced')),
  -- An AppException code (ALLOCATION_FULL, SCHOOL_CAP_REACHED…) when status = 'unplaced'.
  unplaced_reason text,
  booking_id    bigint UNIQUE REFERENCES bookings ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'unplaced') = (unplaced_reason IS NOT NULL))
);
CREATE INDEX class_requests_fair_idx ON class_requests (fair_id, school_uai) WHERE status <> 'withdrawn';

-- Ranked track choices: rank 1 is the first choice.
CREATE TABLE class_request_choices (
  request_id bigint NOT NULL REFERENCES class_requests ON DELETE CASCADE,
  rank       int NOT NULL CHECK (rank > 0),
  track_id   bigint NOT NULL REFERENCES tracks ON DELETE CASCADE,
  PRIMARY KEY (request_id, rank),
  UNIQUE (request_id, track_id)
);

-- Acceptable bus windows, preferred first (rank 1 is the form's arrival and departure).
CREATE TABLE class_request_windows (
  request_id bigint NOT NULL REFERENCES class_requests ON DELETE CASCADE,
  rank       int NOT NULL CHECK (rank > 0),
  day        date NOT NULL,
  arrival    time NOT NULL,
  departure  time NOT NULL CHECK (departure > arrival),
  PRIMARY KEY (request_id, rank)
);

-- Idempotency-Key of POST /requests: one request per (fair, key), whatever the retries.
CREATE TABLE class_request_keys (
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  key        text NOT NULL,
  body_hash  bytea NOT NULL,
  request_id bigint REFERENCES class_requests ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, key)
);

-- Places kept for a group of schools in the allocation, served before everyone else (a phase):
-- priority education (REP/REP+), schools new to the fair, or one level. percent of each track's
-- places; the group's unused places go to everyone.
CREATE TABLE allocation_shares (
  id       bigserial PRIMARY KEY,
  fair_id  bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  kind     text NOT NULL CHECK (kind IN ('priority_education', 'first_time', 'level')),
  level    text,
  percent  int NOT NULL CHECK (percent BETWEEN 1 AND 100),
  CHECK ((kind = 'level') = (level IS NOT NULL)),
  UNIQUE NULLS NOT DISTINCT (fair_id, kind, level)
);

-- A computed allocation: previewed any number of times (one row each), published at most once
-- per fair. "figures" is the preview's summary as the API gives it.
CREATE TABLE allocations (
  id           bigserial PRIMARY KEY,
  fair_id      bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  seed         text NOT NULL,
  created_by   bigint REFERENCES organisers ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  figures      jsonb NOT NULL,
  published_at timestamptz
);
CREATE UNIQUE INDEX allocations_one_published ON allocations (fair_id) WHERE published_at IS NOT NULL;

-- What the allocation decided for each request, in draw order.
CREATE TABLE allocation_outcomes (
  allocation_id bigint NOT NULL REFERENCES allocations ON DELETE CASCADE,
  request_id    bigint NOT NULL REFERENCES class_requests ON DELETE CASCADE,
  draw_position int NOT NULL,
  track_id      bigint REFERENCES tracks ON DELETE CASCADE,
  choice_rank   int,
  window_rank   int,
  session_ids   bigint[],
  reason        text,
  PRIMARY KEY (allocation_id, request_id),
  CHECK ((track_id IS NULL) = (reason IS NOT NULL))
);
