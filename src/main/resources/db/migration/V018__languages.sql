-- 018: the language each person is written to in. A fair has its own (French by default); a
-- teacher's booking and an association keep the language of the page or Accept-Language they
-- used, the fair's when they named none, so every email they get speaks that one language.
ALTER TABLE fairs ADD COLUMN language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en'));
ALTER TABLE bookings ADD COLUMN language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en'));
ALTER TABLE associations ADD COLUMN language text NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en'));
