-- The day itself, room by room: staff of a room mark a class present in its session, with the
-- headcount that came in. One row per booking and session of its route (marking again corrects
-- the headcount, undoing deletes the row). A check-in at the entrance is not needed first: a
-- class let in by a side door is still counted where it sat.
CREATE TABLE session_presences (
  booking_id bigint NOT NULL REFERENCES bookings ON DELETE CASCADE,
  session_id bigint NOT NULL REFERENCES sessions ON DELETE CASCADE,
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  pupils     int NOT NULL CHECK (pupils >= 0),
  adults     int NOT NULL CHECK (adults >= 0),
  marked_at  timestamptz NOT NULL DEFAULT now(),
  marked_by  bigint REFERENCES organisers ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (booking_id, session_id)
);
CREATE INDEX session_presences_session_idx ON session_presences (session_id);
CREATE INDEX session_presences_fair_idx ON session_presences (fair_id);

-- Idempotency-Key of POST …/sessions/{id}/presences: a room's phone replaying its queue never
-- marks twice, and a key of one session's page cannot replay on another's.
CREATE TABLE session_presence_requests (
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  key        text NOT NULL,
  body_hash  bytea NOT NULL,
  booking_id bigint REFERENCES bookings ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, key)
);

-- The day's own changes (a mark in a room, an arrival) reach every instance's dashboards:
-- places do not move, so they are a kind of their own ("arrivals"), not "availability". Check-ins
-- (migration 024, applied after this one) notify from checkin/CheckInRepository instead.
CREATE FUNCTION arrivals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_change(coalesce(NEW.fair_id, OLD.fair_id), 'arrivals');
  RETURN NULL;
END;
$$;
CREATE TRIGGER session_presences_changed AFTER INSERT OR UPDATE OR DELETE ON session_presences
  FOR EACH ROW EXECUTE FUNCTION arrivals_changed();
