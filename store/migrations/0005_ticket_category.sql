-- A ticket's category as its helpdesk exported it ("Password reset",
-- "Issue Type: User support"), and whether that category is user support:
-- helping the client's people rather than their systems. Narrowing an
-- agreement to the systems (seed 002's client came back "on a narrower
-- support contract") lets that work go with the out-of-scope work, so the
-- roll-up sums it; a ticket both out of scope and user support is summed a
-- third time on its own, so the two are never counted twice.
ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN user_support INTEGER NOT NULL DEFAULT 0 CHECK (user_support IN (0, 1));

ALTER TABLE client_months ADD COLUMN us_tickets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client_months ADD COLUMN us_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client_months ADD COLUMN oos_us_tickets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client_months ADD COLUMN oos_us_minutes INTEGER NOT NULL DEFAULT 0;
