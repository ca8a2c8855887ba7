-- A late bus told from the manage link on the day: the class's new arrival time (the booking's
-- own arrival is moved too), the one it had before the first announcement, and whether its whole
-- route still fits (false: only the sessions it can still reach were kept). One row per booking;
-- a second announcement moves the arrival again and keeps the first previous time.
CREATE TABLE late_arrivals (
  booking_id       bigint PRIMARY KEY REFERENCES bookings ON DELETE CASCADE,
  fair_id          bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  previous_arrival time NOT NULL,
  arrival          time NOT NULL,
  complete         boolean NOT NULL,
  sessions_missed  int NOT NULL DEFAULT 0 CHECK (sessions_missed >= 0),
  announced_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX late_arrivals_fair_idx ON late_arrivals (fair_id);
