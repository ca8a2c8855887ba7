-- 014: a fair's team (owner, editors, staff), invitations to it, rooms' equipment, and the links
-- that let last edition's associations take part again in a copied fair.

-- Who may act on a fair. Roles are ordered: staff reads (and checks classes in), an editor also
-- changes the fair, an owner also manages the team. fairs.owner_id stays the creator.
CREATE TABLE fair_members (
  fair_id      bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  organiser_id bigint NOT NULL REFERENCES organisers ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('owner', 'editor', 'staff')),
  added_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fair_id, organiser_id)
);
CREATE INDEX fair_members_organiser_idx ON fair_members (organiser_id);
INSERT INTO fair_members (fair_id, organiser_id, role) SELECT id, owner_id, 'owner' FROM fairs;

-- Whoever creates a fair, by whatever path, is its first owner.
CREATE FUNCTION fairs_owner_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fair_members (fair_id, organiser_id, role) VALUES (NEW.id, NEW.owner_id, 'owner')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER fairs_owner_member AFTER INSERT ON fairs FOR EACH ROW EXECUTE FUNCTION fairs_owner_member();

-- An invitation of someone with no account yet: the link's token is stored as its SHA-256 only.
CREATE TABLE fair_invitations (
  id          bigserial PRIMARY KEY,
  fair_id     bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  email       text NOT NULL,
  role        text NOT NULL CHECK (role IN ('owner', 'editor', 'staff')),
  token_hash  bytea NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fair_invitations_email_key ON fair_invitations (fair_id, lower(email)) WHERE accepted_at IS NULL;

-- Screen and power came with the planner's migration 013.
ALTER TABLE rooms ADD COLUMN accessible boolean NOT NULL DEFAULT false;

-- One click for an association of a copied edition: its old profile becomes one in the new fair.
CREATE TABLE association_rejoin_links (
  token_hash     bytea PRIMARY KEY,
  association_id bigint NOT NULL REFERENCES associations ON DELETE CASCADE,
  fair_id        bigint NOT NULL REFERENCES fairs ON DELETE CASCADE,
  used_at        timestamptz,
  UNIQUE (association_id, fair_id)
);
