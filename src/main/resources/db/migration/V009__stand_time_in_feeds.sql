-- 009: stand time in the association's calendar feed.
-- A reservation that has held a spot is an event of its association's feed for good: SEQUENCE
-- grows when the spot, day, period or status changes, and once cancelled it stays in the feed
-- as such (named after its last spot), so calendar clients drop it. A reservation that only
-- ever waited is never an event.
ALTER TABLE stand_reservations
  ADD COLUMN sequence     int NOT NULL DEFAULT 0,
  ADD COLUMN held_spot    boolean NOT NULL DEFAULT false,
  -- A spot deleted after the reservation left it leaves the cancelled event without a number.
  ADD COLUMN last_spot_id bigint REFERENCES stand_spots ON DELETE SET NULL;
UPDATE stand_reservations SET last_spot_id = spot_id, held_spot = spot_id IS NOT NULL;

-- The writer's own values are ignored, as for sessions, so no writer can forget.
CREATE FUNCTION stand_reservations_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.sequence := 0;
    NEW.held_spot := NEW.spot_id IS NOT NULL;
  ELSE
    NEW.sequence := OLD.sequence;
    NEW.held_spot := OLD.held_spot OR NEW.spot_id IS NOT NULL;
    IF (NEW.status, NEW.spot_id, NEW.day, NEW.period) IS DISTINCT FROM (OLD.status, OLD.spot_id, OLD.day, OLD.period) THEN
      NEW.sequence := OLD.sequence + 1;
    END IF;
  END IF;
  IF NEW.spot_id IS NOT NULL THEN
    NEW.last_spot_id := NEW.spot_id;
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
