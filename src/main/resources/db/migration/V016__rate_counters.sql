-- Rate limits shared by every instance: one fixed-window counter per limit and key (login
-- attempts of an account, sign-in links of an email, bookings of a client address...).
-- The key is a digest of the limit's name and its value: no address or email is kept in clear.
CREATE TABLE rate_counters (
  key_hash    bytea PRIMARY KEY,
  window_ends timestamptz NOT NULL,
  hits        integer NOT NULL CHECK (hits >= 0)
);

-- Ended windows are swept by their end.
CREATE INDEX rate_counters_window_ends ON rate_counters (window_ends);
