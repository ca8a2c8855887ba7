-- 008: stand reservations and challenges (défis).

-- btree_gist lets one exclusion constraint mix equality on ids and dates with range overlap.
-- It is a trusted extension: a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE stand_spots ADD COLUMN power boolean NOT NULL DEFAULT false;

-- A spot is reserved for a fair day, or for its morning or afternoon. "halves" spells the
-- period as half-days, [0,1) the morning, [1,2) the afternoon, [0,2) the whole day, so that a
-- whole day overlaps both halves while the two halves do not overlap each other.
-- Confirmed reservations hold a spot; waiting ones keep what they asked for (a spot, or needs
-- any spot may meet) and wait in request order (their id: assigned under the fair's stand lock).
CREATE TABLE stand_reservations (
  id             bigserial PRIMARY KEY,
  fair_id        bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  association_id bigint NOT NULL REFERENCES associations ON DELETE CASCADE,
  day            date NOT NULL,
  period         text NOT NULL CHECK (period IN ('day', 'morning', 'afternoon')),
  halves         int4range NOT NULL GENERATED ALWAYS AS (CASE period WHEN 'morning' THEN int4range(0, 1)
                   WHEN 'afternoon' THEN int4range(1, 2) ELSE int4range(0, 2) END) STORED,
  status         text NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
  spot_id        bigint REFERENCES stand_spots ON DELETE RESTRICT,
  wanted_spot_id bigint REFERENCES stand_spots ON DELETE RESTRICT,
  needs_power    boolean NOT NULL DEFAULT false,
  min_width      numeric(7, 2) CHECK (min_width > 0),
  min_depth      numeric(7, 2) CHECK (min_depth > 0),
  zone_id        bigint REFERENCES zones ON DELETE RESTRICT,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'confirmed') = (spot_id IS NOT NULL)),
  -- The last line of defence: one association per spot per period, whatever the concurrency.
  CONSTRAINT stand_spot_taken EXCLUDE USING gist (spot_id WITH =, day WITH =, halves WITH &&)
    WHERE (status = 'confirmed'),
  -- One active (confirmed or waiting) reservation per association per period.
  CONSTRAINT stand_association_busy EXCLUDE USING gist (association_id WITH =, day WITH =, halves WITH &&)
    WHERE (status <> 'cancelled')
);
CREATE INDEX stand_reservations_fair_idx ON stand_reservations (fair_id, id) WHERE status <> 'cancelled';

-- Idempotency-Key of POST /stand-reservations: one reservation per (fair, key), whatever the retries.
CREATE TABLE stand_reservation_requests (
  fair_id        bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  key            text NOT NULL,
  body_hash      bytea NOT NULL,
  reservation_id bigint REFERENCES stand_reservations ON DELETE CASCADE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, key)
);

-- Challenges a class may pick, each presented at the challenge stand (a zone or a spot).
CREATE TABLE challenges (
  id          bigserial PRIMARY KEY,
  fair_id     bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  zone_id     bigint REFERENCES zones ON DELETE RESTRICT,
  spot_id     bigint REFERENCES stand_spots ON DELETE RESTRICT,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX challenges_fair_idx ON challenges (fair_id, id);

-- A presentation slot of a challenge; "taken" counts classes or pupils (its unit) and can never
-- pass capacity: picks take places with a conditional update, the CHECK is the last safeguard.
CREATE TABLE challenge_slots (
  id           bigserial PRIMARY KEY,
  challenge_id bigint NOT NULL REFERENCES challenges ON DELETE CASCADE,
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  capacity     int NOT NULL CHECK (capacity > 0),
  unit         text NOT NULL CHECK (unit IN ('classes', 'pupils')),
  taken        int NOT NULL DEFAULT 0,
  CHECK (ends_at > starts_at),
  CHECK (taken >= 0 AND taken <= capacity)
);
CREATE INDEX challenge_slots_challenge_idx ON challenge_slots (challenge_id, starts_at);

-- One pick per class booking, with the places it takes in its slot (1 class, or its pupils).
CREATE TABLE challenge_picks (
  booking_id bigint PRIMARY KEY REFERENCES bookings ON DELETE CASCADE,
  slot_id    bigint NOT NULL REFERENCES challenge_slots ON DELETE RESTRICT,
  places     int NOT NULL CHECK (places > 0),
  picked_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX challenge_picks_slot_idx ON challenge_picks (slot_id);
