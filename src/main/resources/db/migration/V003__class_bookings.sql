-- 003: class bookings. A booking reserves one session of each activity of its track (its
-- route) or waits in the track's waiting list; "booked" on sessions is kept equal to the
-- people of the confirmed bookings holding them, always under the track row's lock.

-- Per-fair fairness and supervision rules; NULL means "no limit".
CREATE TABLE booking_rules (
  fair_id                          bigint PRIMARY KEY REFERENCES fairs ON DELETE CASCADE,
  pupils_per_adult                 int CHECK (pupils_per_adult > 0),
  max_pupils_per_school            int CHECK (max_pupils_per_school > 0),
  max_classes_per_school           int CHECK (max_classes_per_school > 0),
  max_pupils_per_school_per_track  int CHECK (max_pupils_per_school_per_track > 0),
  max_classes_per_school_per_track int CHECK (max_classes_per_school_per_track > 0),
  updated_at                       timestamptz NOT NULL DEFAULT now()
);

-- Assigned under the track lock, so a track's waiting list is in request order.
CREATE SEQUENCE booking_waitlist_seq;

CREATE TABLE bookings (
  id            bigserial PRIMARY KEY,
  fair_id       bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  track_id      bigint NOT NULL REFERENCES tracks ON DELETE RESTRICT,
  -- Kept in clear: every message about the booking (promotion…) must carry the manage link.
  manage_token  text NOT NULL UNIQUE,
  day           date NOT NULL,
  arrival       time NOT NULL,
  departure     time NOT NULL CHECK (departure > arrival),
  school_name   text NOT NULL,
  school_uai    text NOT NULL,
  school_city   text NOT NULL,
  teacher_name  text NOT NULL,
  teacher_email text NOT NULL,
  class_name    text NOT NULL,
  class_level   text NOT NULL,
  pupils        int NOT NULL CHECK (pupils > 0),
  adults        int NOT NULL CHECK (adults >= 0),
  status        text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  waitlist_seq  bigint,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
);
CREATE INDEX bookings_waitlist_idx ON bookings (track_id, waitlist_seq) WHERE status = 'waitlisted';
CREATE INDEX bookings_school_idx ON bookings (fair_id, school_uai) WHERE status <> 'cancelled';

-- The sessions of a confirmed booking's route, with the people it counts in each. A released
-- row (route changed, booking cancelled) stays, so the class's calendar can publish it as
-- cancelled; "revision" grows on every change and feeds the calendar's SEQUENCE.
CREATE TABLE booking_sessions (
  booking_id  bigint NOT NULL REFERENCES bookings ON DELETE CASCADE,
  session_id  bigint NOT NULL REFERENCES sessions ON DELETE CASCADE,
  people      int NOT NULL CHECK (people > 0),
  released_at timestamptz,
  revision    int NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (booking_id, session_id)
);
CREATE INDEX booking_sessions_session_idx ON booking_sessions (session_id) WHERE released_at IS NULL;

-- The places bookings hold now: what capacity counts and routes are made of.
CREATE VIEW held_places AS
  SELECT booking_id, session_id, people FROM booking_sessions WHERE released_at IS NULL;

-- Idempotency-Key of POST /bookings: one booking per (fair, key), whatever the retries.
CREATE TABLE booking_requests (
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  key        text NOT NULL,
  body_hash  bytea NOT NULL,
  booking_id bigint REFERENCES bookings ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, key)
);
