-- What an import was read with and what the table it wrote held after it,
-- so that the same file imported again with the same options, into a
-- database that nothing it depends on has changed since, is recorded
-- without reading its rows again (see ImportTx.Unchanged).
ALTER TABLE imports ADD COLUMN options_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN table_state TEXT NOT NULL DEFAULT '';
