-- The day itself: a class checked in at the entrance with the headcount that came. One row per
-- booking (a second check-in corrects the headcount, undoing deletes the row); its check-in
-- code is computed from the booking id (booking/CheckInCode), so no code is stored.
CREATE TABLE check_ins (
  booking_id    bigint PRIMARY KEY REFERENCES bookings ON DELETE CASCADE,
  fair_id       bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  pupils        int NOT NULL CHECK (pupils >= 0),
  adults        int NOT NULL CHECK (adults >= 0),
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  checked_in_by bigint REFERENCES organisers ON DELETE SET NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_ins_fair_idx ON check_ins (fair_id);

-- Idempotency-Key of POST /check-ins: a phone that sends its queue again never checks in twice.
CREATE TABLE check_in_requests (
  fair_id    bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  key        text NOT NULL,
  body_hash  bytea NOT NULL,
  booking_id bigint REFERENCES bookings ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, key)
);
