-- 005: calendars and live changes.
-- Every change a feed (or a live page) shows is announced with pg_notify on channel
-- "parcours_changes", payload {"fair_id": N, "kind": K}, delivered at commit to every instance:
--   programme    sessions' time, room, status, title…, tracks, rooms, zones, venues,
--                associations, the fair itself
--   availability only places changed: sessions' booked or capacity, bookings
--   selection    a visitor starred or unstarred a session
-- pg_notify drops identical payloads within one transaction, so a bulk edit sends one.

-- When the programme last changed in any way, deletions included: the feeds' Last-Modified.
ALTER TABLE fairs ADD COLUMN programme_changed_at timestamptz NOT NULL DEFAULT now();

-- The association's own feed is reached by this token alone (244 random bits).
ALTER TABLE associations ADD COLUMN calendar_token text NOT NULL UNIQUE
  DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- A visitor's starred sessions, without an account: the token is the only key.
CREATE TABLE selections (
  id         bigserial PRIMARY KEY,
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  token      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE selection_sessions (
  selection_id bigint NOT NULL REFERENCES selections ON DELETE CASCADE,
  session_id   bigint NOT NULL REFERENCES sessions ON DELETE CASCADE,
  PRIMARY KEY (selection_id, session_id)
);

CREATE FUNCTION notify_change(fair bigint, kind text) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('parcours_changes', json_build_object('fair_id', fair, 'kind', kind)::text);
$$;

-- Called from triggers deferred to commit: the fair row is then the last lock a transaction takes,
-- so two programme edits wait for each other there but never deadlock.
CREATE FUNCTION programme_changed(fair bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- now() is the transaction's start: the fair row is written once per transaction, not per row.
  UPDATE fairs SET programme_changed_at = now() WHERE id = fair AND programme_changed_at <> now();
  PERFORM notify_change(fair, 'programme');
END;
$$;

-- SEQUENCE grows on every change a calendar shows, whoever writes the row; places (booked,
-- capacity) are not such a change. The writer's own value is ignored, so no writer can forget.
CREATE FUNCTION sessions_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sequence := OLD.sequence;
  IF (NEW.activity, NEW.title, NEW.description, NEW.kind, NEW.track_id, NEW.room_id, NEW.zone_id,
      NEW.association_id, NEW.starts_at, NEW.ends_at, NEW.status)
     IS DISTINCT FROM (OLD.activity, OLD.title, OLD.description, OLD.kind, OLD.track_id, OLD.room_id,
      OLD.zone_id, OLD.association_id, OLD.starts_at, OLD.ends_at, OLD.status) THEN
    NEW.sequence := OLD.sequence + 1;
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER sessions_sequence BEFORE UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION sessions_sequence();

CREATE FUNCTION sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    PERFORM programme_changed(coalesce(NEW.fair_id, OLD.fair_id));
  ELSIF NEW.sequence <> OLD.sequence THEN
    PERFORM programme_changed(NEW.fair_id);
  ELSIF NEW.booked <> OLD.booked OR NEW.capacity <> OLD.capacity THEN
    PERFORM notify_change(NEW.fair_id, 'availability');
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER sessions_changed AFTER INSERT OR UPDATE OR DELETE ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sessions_changed();

-- Tracks, rooms, zones, venues and associations show in every event's text.
CREATE FUNCTION fair_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM programme_changed(coalesce(NEW.fair_id, OLD.fair_id));
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER tracks_changed AFTER INSERT OR UPDATE OR DELETE ON tracks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fair_part_changed();
CREATE CONSTRAINT TRIGGER rooms_changed AFTER INSERT OR UPDATE OR DELETE ON rooms
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fair_part_changed();
CREATE CONSTRAINT TRIGGER zones_changed AFTER INSERT OR UPDATE OR DELETE ON zones
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fair_part_changed();
CREATE CONSTRAINT TRIGGER venues_changed AFTER INSERT OR UPDATE OR DELETE ON venues
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fair_part_changed();
CREATE CONSTRAINT TRIGGER associations_changed AFTER INSERT OR UPDATE OR DELETE ON associations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fair_part_changed();

-- The fair itself (name, status, zone…); programme_changed_at alone is the triggers' own write.
CREATE FUNCTION fairs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM notify_change(OLD.id, 'programme');
  ELSIF NEW.programme_changed_at IS NOT DISTINCT FROM OLD.programme_changed_at THEN
    PERFORM notify_change(NEW.id, 'programme');
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER fairs_changed AFTER UPDATE OR DELETE ON fairs FOR EACH ROW EXECUTE FUNCTION fairs_changed();

CREATE FUNCTION bookings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_change(NEW.fair_id, 'availability');
  RETURN NULL;
END;
$$;
CREATE TRIGGER bookings_changed AFTER INSERT OR UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION bookings_changed();

-- Starring or unstarring dates the selection (its feed's Last-Modified) and tells the instances.
CREATE FUNCTION selection_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fair bigint;
BEGIN
  UPDATE selections SET updated_at = now() WHERE id = coalesce(NEW.selection_id, OLD.selection_id)
    RETURNING fair_id INTO fair;
  IF fair IS NOT NULL THEN
    PERFORM notify_change(fair, 'selection');
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER selection_sessions_changed AFTER INSERT OR DELETE ON selection_sessions
  FOR EACH ROW EXECUTE FUNCTION selection_changed();
