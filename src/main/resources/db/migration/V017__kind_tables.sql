-- The kinds of sessions and offers are the constants of fr.parcours.fair.SessionKind and
-- fr.parcours.association.OfferKind. The server inserts them at every start, before it listens
-- (Bootstrap.KINDS), so a new constant needs no migration. Foreign keys to these tables replace
-- the CHECKs that listed the kinds a second time.
CREATE TABLE session_kinds (name text PRIMARY KEY);
CREATE TABLE offer_kinds (name text PRIMARY KEY);

-- The kinds rows already use, so that the keys below hold before the first start fills the rest.
INSERT INTO session_kinds (name) SELECT DISTINCT kind FROM sessions;
INSERT INTO offer_kinds (name) SELECT DISTINCT kind FROM offers;

ALTER TABLE sessions DROP CONSTRAINT sessions_kind_check,
  ADD CONSTRAINT sessions_kind_fkey FOREIGN KEY (kind) REFERENCES session_kinds (name);
ALTER TABLE offers DROP CONSTRAINT offers_kind_check,
  ADD CONSTRAINT offers_kind_fkey FOREIGN KEY (kind) REFERENCES offer_kinds (name);
