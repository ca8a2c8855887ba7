-- 009: stand time in the association's calendar feed.
-- A confirmed reservation is an event of the association's feed: SEQUENCE grows when the spot,
-- day, period or status changes, and a reservation that once held a spot stays in the feed as
-- cancelled (its last spot kept to name it), so calendar clients drop it.
ALTER TABLE stand_reservations
  ADD COLUMN sequence     int NOT NULL DEFAULT 0,
  ADD COLUMN last_spot_id bigint REFERENCES stand_spots ON DELETE RESTRICT;
UPDATE stand_reservations SET last_spot_id = spot_id;

-- The writer's own values are ignored, as for sessions, so no writer can forget.
CREATE FUNCTION stand_reservations_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.sequence := 0;
    NEW.last_spot_id := NEW.spot_id;
    RETURN NEW;
  END IF;
  NEW.sequence := OLD.sequence;
  NEW.last_spot_id := coalesce(NEW.spot_id, OLD.last_spot_id);
  IF (NEW.status, NEW.spot_id, NEW.day, NEW.period) IS DISTINCT FROM (OLD.status, OLD.spot_id, OLD.day, OLD.period) THEN
    NEW.sequence := OLD.sequence + 1;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER stand_reservations_sequence BEFORE INSERT OR UPDATE ON stand_reservations
  FOR EACH ROW EXECUTE FUNCTION stand_reservations_sequence();

-- "stands": an association's stand reservations changed (the association feeds follow it; the
-- fair's public feeds, which show no stands, do not).
CREATE FUNCTION stand_reservations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM notify_change(coalesce(NEW.fair_id, OLD.fair_id), 'stands');
  RETURN NULL;
END;
$$;
CREATE TRIGGER stand_reservations_changed AFTER INSERT OR UPDATE OR DELETE ON stand_reservations
  FOR EACH ROW EXECUTE FUNCTION stand_reservations_changed();
