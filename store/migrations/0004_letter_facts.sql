-- What a lawyer reads a notice of termination against. Licences we manage
-- for a client, each with its commitment, so that the letter lists them
-- rather than leaving them to memory; each one added is also written to
-- the decisions log, which the record covers.
CREATE TABLE licences (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    product    TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    term_end   TEXT NOT NULL,
    billing    TEXT NOT NULL CHECK (billing IN ('annual', 'monthly')),
    created_at TEXT NOT NULL
);
CREATE INDEX licences_client ON licences (client_id);

-- A notice keeps the agreement it ended as the letter named it, and whether
-- it placed the client's data under a legal hold, so the receipt and the
-- checklist follow the notice rather than the client's row as edited since.
ALTER TABLE terminations ADD COLUMN agreement_name TEXT NOT NULL DEFAULT '';
ALTER TABLE terminations ADD COLUMN agreement_signed TEXT;
ALTER TABLE terminations ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0;
