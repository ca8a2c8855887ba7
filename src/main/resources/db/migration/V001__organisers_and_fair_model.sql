-- 001: organisers and the fair model (venues, tracks, rooms, zones, stand spots, slots,
-- associations, sessions). Times are timestamptz: stored as instants, shown in the fair's zone.

CREATE TABLE organisers (
  id            bigserial PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisers_email_key ON organisers (lower(email));

-- Login tokens: only their SHA-256 is stored, so a leaked table grants nothing.
CREATE TABLE organiser_tokens (
  token_hash   bytea PRIMARY KEY,
  organiser_id bigint NOT NULL REFERENCES organisers ON DELETE CASCADE,
  expires_at   timestamptz NOT NULL
);

CREATE TABLE fairs (
  id                     bigserial PRIMARY KEY,
  slug                   text NOT NULL UNIQUE,
  name                   text NOT NULL,
  city                   text NOT NULL,
  description            text NOT NULL DEFAULT '',
  time_zone              text NOT NULL,
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  owner_id               bigint NOT NULL REFERENCES organisers,
  registration_opens_at  timestamptz,
  registration_closes_at timestamptz,
  changeover_minutes     int NOT NULL DEFAULT 10 CHECK (changeover_minutes >= 0),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (registration_closes_at IS NULL OR registration_opens_at IS NULL
         OR registration_closes_at > registration_opens_at)
);

-- One row per day of the fair, with that day's opening hours (local wall-clock times).
CREATE TABLE fair_days (
  fair_id   bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  day       date NOT NULL,
  opens_at  time NOT NULL,
  closes_at time NOT NULL CHECK (closes_at > opens_at),
  PRIMARY KEY (fair_id, day)
);

CREATE TABLE venues (
  id      bigserial PRIMARY KEY,
  fair_id bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  slug    text NOT NULL,
  name    text NOT NULL,
  address text NOT NULL,
  city    text NOT NULL,
  UNIQUE (fair_id, slug)
);

CREATE TABLE tracks (
  id          bigserial PRIMARY KEY,
  fair_id     bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  slug        text NOT NULL,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  color       text NOT NULL DEFAULT '#1f6feb',
  position    int NOT NULL DEFAULT 0,
  UNIQUE (fair_id, slug)
);

CREATE TABLE rooms (
  id       bigserial PRIMARY KEY,
  fair_id  bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  venue_id bigint NOT NULL REFERENCES venues ON DELETE CASCADE,
  slug     text NOT NULL,
  name     text NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('conference', 'workshop', 'other')),
  capacity int NOT NULL CHECK (capacity > 0),
  UNIQUE (fair_id, slug)
);

-- An area of a venue (the stand hall…); capacity in people when the organiser sets one.
CREATE TABLE zones (
  id       bigserial PRIMARY KEY,
  fair_id  bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  venue_id bigint NOT NULL REFERENCES venues ON DELETE CASCADE,
  slug     text NOT NULL,
  name     text NOT NULL,
  capacity int CHECK (capacity > 0),
  UNIQUE (fair_id, slug)
);

-- A numbered place for a stand on the zone's floor plan (metres from the zone's corner).
CREATE TABLE stand_spots (
  id      bigserial PRIMARY KEY,
  fair_id bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  zone_id bigint NOT NULL REFERENCES zones ON DELETE CASCADE,
  number  text NOT NULL,
  x       numeric(7, 2) NOT NULL CHECK (x >= 0),
  y       numeric(7, 2) NOT NULL CHECK (y >= 0),
  width   numeric(7, 2) NOT NULL CHECK (width > 0),
  depth   numeric(7, 2) NOT NULL CHECK (depth > 0),
  UNIQUE (fair_id, number)
);

-- The slot grid: the periods sessions are placed in.
CREATE TABLE slots (
  id        bigserial PRIMARY KEY,
  fair_id   bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at   timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  UNIQUE (fair_id, starts_at)
);

CREATE TABLE associations (
  id            bigserial PRIMARY KEY,
  fair_id       bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  slug          text NOT NULL,
  name          text NOT NULL,
  track_id      bigint REFERENCES tracks ON DELETE SET NULL,
  description   text NOT NULL DEFAULT '',
  website       text NOT NULL DEFAULT '',
  contact_email text NOT NULL DEFAULT '',
  UNIQUE (fair_id, slug)
);

-- A session is one showing of an activity: sessions sharing an activity key are alternatives
-- a class route picks one of. "booked" counts people and can never pass capacity.
CREATE TABLE sessions (
  id             bigserial PRIMARY KEY,
  fair_id        bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  activity       text NOT NULL,
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  kind           text NOT NULL CHECK (kind IN ('talk', 'workshop', 'testimony', 'stand_time')),
  track_id       bigint REFERENCES tracks ON DELETE RESTRICT,
  room_id        bigint REFERENCES rooms ON DELETE RESTRICT,
  zone_id        bigint REFERENCES zones ON DELETE RESTRICT,
  association_id bigint REFERENCES associations ON DELETE SET NULL,
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  capacity       int NOT NULL CHECK (capacity >= 0),
  booked         int NOT NULL DEFAULT 0,
  status         text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  sequence       int NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX sessions_fair_idx ON sessions (fair_id, starts_at);
CREATE INDEX sessions_track_idx ON sessions (track_id, activity, starts_at);
