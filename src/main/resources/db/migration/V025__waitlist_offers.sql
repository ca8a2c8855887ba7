-- 025: a promotion from the waiting list can be an offer (#17). When the fair sets offer_hours
-- (V019), a promoted class holds its places until offered_until; it accepts through its manage
-- link, or at the deadline its places go to the next class waiting, and it is told.
ALTER TABLE bookings ADD COLUMN offered_until timestamptz,
  ADD CONSTRAINT bookings_offer_is_confirmed CHECK (offered_until IS NULL OR status = 'confirmed');
CREATE INDEX bookings_offers_idx ON bookings (offered_until) WHERE offered_until IS NOT NULL;
