-- 005: associations sign up themselves and sign in with single-use links sent by message;
-- they propose offers (talks, workshops, stands) the organiser reviews and places.

-- An association that registered itself gives a contact name; organisers' rows keep ''.
ALTER TABLE associations ADD COLUMN contact_name text NOT NULL DEFAULT '';
ALTER TABLE associations ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
-- One association per name and per contact address in a fair: a second registration is a 409.
CREATE UNIQUE INDEX associations_name_key ON associations (fair_id, lower(name));
CREATE UNIQUE INDEX associations_contact_email_key ON associations (fair_id, lower(contact_email))
  WHERE contact_email <> '';

-- Sign-in links and the sessions they open: only SHA-256 digests of the tokens are stored.
CREATE TABLE association_sign_in_links (
  token_hash     bytea PRIMARY KEY,
  association_id bigint NOT NULL REFERENCES associations ON DELETE CASCADE,
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz
);

CREATE TABLE association_tokens (
  token_hash     bytea PRIMARY KEY,
  association_id bigint NOT NULL REFERENCES associations ON DELETE CASCADE,
  expires_at     timestamptz NOT NULL
);

-- The size of a class in the track's audience: a room for its talks and workshops must seat
-- at least one such class with its adults.
ALTER TABLE tracks ADD COLUMN class_size int NOT NULL DEFAULT 30 CHECK (class_size > 0);

-- What an association offers to run under one theme (track). "status" follows OfferStatus.
CREATE TABLE offers (
  id               bigserial PRIMARY KEY,
  fair_id          bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  association_id   bigint NOT NULL REFERENCES associations ON DELETE CASCADE,
  track_id         bigint NOT NULL REFERENCES tracks ON DELETE RESTRICT,
  kind             text NOT NULL CHECK (kind IN ('talk', 'workshop', 'stand')),
  title            text NOT NULL,
  description      text NOT NULL DEFAULT '',
  audience         text NOT NULL CHECK (audience IN ('3e', '2nde', 'both')),
  duration_minutes int NOT NULL CHECK (duration_minutes > 0),
  people           int NOT NULL CHECK (people > 0),
  trades           text[] NOT NULL DEFAULT '{}',
  needs_power      boolean NOT NULL DEFAULT false,
  needs_tables     int NOT NULL DEFAULT 0 CHECK (needs_tables >= 0),
  needs_screen     boolean NOT NULL DEFAULT false,
  status           text NOT NULL DEFAULT 'submitted'
                   CHECK (status IN ('submitted', 'changes_requested', 'accepted', 'declined', 'withdrawn')),
  review_message   text,
  -- The session the organiser placed it in (talks and workshops only).
  session_id       bigint UNIQUE REFERENCES sessions ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offers_association_idx ON offers (association_id, id);
CREATE INDEX offers_fair_idx ON offers (fair_id, status, id);

-- When the association's people are there for an offer; none means whenever the fair is open.
CREATE TABLE offer_availability (
  offer_id  bigint NOT NULL REFERENCES offers ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at   timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX offer_availability_offer_idx ON offer_availability (offer_id);
