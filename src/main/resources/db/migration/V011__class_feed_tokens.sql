-- A class's calendar feed gets its own token: the feed URL ends up in calendar apps, shared
-- calendars and their sync logs, and the manage token in it could change or cancel the class.
-- The manage token still answers the feed (links already subscribed keep working), never the
-- other way round. 256 random bits (two v4 UUIDs from PostgreSQL's strong random source), in
-- the base64url shape of the server's own tokens; the volatile default gives every existing row
-- its own.
ALTER TABLE bookings ADD COLUMN feed_token text NOT NULL UNIQUE
  DEFAULT translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/=', '-_');
