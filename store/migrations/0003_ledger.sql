-- The record (seed 001: keep records of every communication, so that a
-- dispute can be settled by what was written at the time). Every insert,
-- change and deletion of a row the record covers appends an entry to the
-- ledger through a trigger, so no code path can forget to; the program seals
-- each entry before its transaction commits: the SHA-256 of the entry's
-- canonical content, and of the previous entry's hash with this one's, chain
-- the entries so that an edit made afterwards, even with SQL and with these
-- triggers dropped, is found by `offboard verify`.

-- Hand entry: an attachment is kept as its path and hash, never its bytes;
-- a correction is a new row pointing at the ledger entry it corrects.
ALTER TABLE communications ADD COLUMN attachment_path TEXT NOT NULL DEFAULT '';
ALTER TABLE communications ADD COLUMN attachment_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE communications ADD COLUMN corrects_seq INTEGER;
ALTER TABLE decisions ADD COLUMN corrects_seq INTEGER;
ALTER TABLE incidents ADD COLUMN corrects_seq INTEGER;
ALTER TABLE clients ADD COLUMN phone TEXT NOT NULL DEFAULT '';

-- Disposal of a client's personal data after its retention deadline. While
-- a purge is running (inside its one transaction) the append-only triggers
-- let it blank the client's free text; the ledger keeps every hash.
CREATE TABLE purges (
    id                 INTEGER PRIMARY KEY,
    client_id          INTEGER NOT NULL REFERENCES clients (id),
    at                 TEXT NOT NULL,
    by_name            TEXT NOT NULL,
    clause             TEXT NOT NULL DEFAULT '',
    retention_until    TEXT,
    forced_reason      TEXT NOT NULL DEFAULT '',
    removed_json       TEXT NOT NULL DEFAULT '{}',
    certificate_path   TEXT NOT NULL DEFAULT '',
    certificate_sha256 TEXT NOT NULL DEFAULT '',
    state              TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done'))
);
CREATE INDEX purges_client ON purges (client_id);

-- record_content is the one definition of each covered row's canonical
-- content: the triggers copy it into the ledger and verify compares the
-- ledger with it. Documents are covered by their hash, not their text.
CREATE VIEW record_content (ref_table, ref_id, client_id, content) AS
    SELECT 'clients', id, id, json_object('name', name, 'contact_name', contact_name, 'contact_email', contact_email, 'phone', phone, 'address', address, 'seats', seats, 'mrr_minor', mrr_minor, 'currency', currency, 'agreement_name', agreement_name, 'agreement_signed_on', agreement_signed_on, 'termination_clause', termination_clause, 'notice_days', notice_days, 'term_end_on', term_end_on, 'time_zone', time_zone, 'status', status, 'override_recommendation', override_recommendation, 'override_reason', override_reason, 'override_at', override_at) FROM clients
    UNION ALL SELECT 'decisions', id, client_id, json_object('at', at, 'kind', kind, 'from_value', from_value, 'to_value', to_value, 'reason', reason, 'corrects_seq', corrects_seq)
        FROM decisions
    UNION ALL SELECT 'communications', id, client_id, json_object('at', at, 'channel', channel, 'direction', direction, 'summary', summary, 'body', body, 'document_id', document_id, 'attachment_path', attachment_path, 'attachment_sha256', attachment_sha256, 'corrects_seq', corrects_seq) FROM communications
    UNION ALL SELECT 'documents', id, client_id, json_object('plan_id', plan_id, 'kind', kind, 'title', title, 'sha256', sha256, 'exported_path', exported_path, 'sent', sent, 'created_at', created_at) FROM documents
    UNION ALL SELECT 'incidents', id, client_id, json_object('occurred_at', occurred_at, 'kind', kind, 'severity', severity, 'description', description, 'reported_by', reported_by, 'corrects_seq', corrects_seq) FROM incidents
    UNION ALL SELECT 'terminations', id, client_id, json_object('document_id', document_id, 'sent_on', sent_on, 'notice_days', notice_days, 'effective_on', effective_on, 'retention_until', retention_until, 'delivery', delivery) FROM terminations
    UNION ALL SELECT 'checklist_steps', id, client_id, json_object('step_key', step_key, 'title', title, 'due_on', due_on, 'done_on', done_on, 'signed_off_by', signed_off_by, 'exception_note', exception_note) FROM checklist_steps
    UNION ALL SELECT 'purges', id, client_id, json_object('at', at, 'by_name', by_name, 'clause', clause, 'retention_until', retention_until, 'forced_reason', forced_reason, 'removed_json', removed_json, 'certificate_path', certificate_path, 'certificate_sha256', certificate_sha256, 'state', state) FROM purges;

CREATE TABLE ledger (
    seq            INTEGER PRIMARY KEY,
    client_id      INTEGER,
    ref_table      TEXT NOT NULL,
    ref_id         INTEGER NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    -- NULL once a purge has removed the personal data it held; its hash stays.
    content        TEXT,
    content_sha256 TEXT NOT NULL DEFAULT '',
    prev_sha256    TEXT NOT NULL DEFAULT '',
    entry_sha256   TEXT NOT NULL DEFAULT '',
    sealed_at      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_row ON ledger (ref_table, ref_id, seq);
CREATE INDEX ledger_client ON ledger (client_id, seq);
CREATE INDEX ledger_unsealed ON ledger (seq) WHERE entry_sha256 = '';

CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the record is append-only: add a correction instead'); END;
CREATE TRIGGER ledger_sealed BEFORE UPDATE ON ledger
WHEN OLD.entry_sha256 <> '' AND NOT (NEW.content IS NULL
    AND NEW.seq = OLD.seq AND NEW.client_id IS OLD.client_id AND NEW.ref_table = OLD.ref_table
    AND NEW.ref_id = OLD.ref_id AND NEW.action = OLD.action AND NEW.content_sha256 = OLD.content_sha256
    AND NEW.prev_sha256 = OLD.prev_sha256 AND NEW.entry_sha256 = OLD.entry_sha256
    AND NEW.sealed_at = OLD.sealed_at
    AND EXISTS (SELECT 1 FROM purges WHERE client_id = OLD.client_id AND state = 'running'))
BEGIN SELECT RAISE(ABORT, 'a sealed entry of the record cannot be changed: add a correction instead'); END;

-- The logs stay append-only, except for the blanking a running purge does.
DROP TRIGGER communications_append_only_update;
DROP TRIGGER decisions_append_only_update;
CREATE TRIGGER communications_append_only_update BEFORE UPDATE ON communications
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE client_id = OLD.client_id AND state = 'running')
BEGIN SELECT RAISE(ABORT, 'the communications log is append-only'); END;
CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE client_id = OLD.client_id AND state = 'running')
BEGIN SELECT RAISE(ABORT, 'the decisions log is append-only'); END;
CREATE TRIGGER documents_append_only_update BEFORE UPDATE ON documents
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE client_id = OLD.client_id AND state = 'running')
BEGIN SELECT RAISE(ABORT, 'documents are kept as they were sent'); END;

-- The entries. An update that leaves the canonical content as it was (an
-- import touching updated_at, a running purge) appends nothing.
CREATE TRIGGER clients_record_insert AFTER INSERT ON clients BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'clients' AND ref_id = NEW.id;
END;
CREATE TRIGGER clients_record_update AFTER UPDATE ON clients
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE client_id = NEW.id AND state = 'running') BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'update', content FROM record_content r
    WHERE ref_table = 'clients' AND ref_id = NEW.id AND content IS NOT
        (SELECT content FROM ledger WHERE ref_table = 'clients' AND ref_id = NEW.id ORDER BY seq DESC LIMIT 1);
END;
CREATE TRIGGER decisions_record_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'decisions' AND ref_id = NEW.id;
END;
CREATE TRIGGER communications_record_insert AFTER INSERT ON communications BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'communications' AND ref_id = NEW.id;
END;
CREATE TRIGGER documents_record_insert AFTER INSERT ON documents BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'documents' AND ref_id = NEW.id;
END;
CREATE TRIGGER incidents_record_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'incidents' AND ref_id = NEW.id;
END;
CREATE TRIGGER incidents_record_update AFTER UPDATE ON incidents
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE client_id = NEW.client_id AND state = 'running') BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'update', content FROM record_content
    WHERE ref_table = 'incidents' AND ref_id = NEW.id AND content IS NOT
        (SELECT content FROM ledger WHERE ref_table = 'incidents' AND ref_id = NEW.id ORDER BY seq DESC LIMIT 1);
END;
CREATE TRIGGER terminations_record_insert AFTER INSERT ON terminations BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'terminations' AND ref_id = NEW.id;
END;
CREATE TRIGGER checklist_steps_record_insert AFTER INSERT ON checklist_steps BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'checklist_steps' AND ref_id = NEW.id;
END;
CREATE TRIGGER checklist_steps_record_update AFTER UPDATE ON checklist_steps BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'update', content FROM record_content
    WHERE ref_table = 'checklist_steps' AND ref_id = NEW.id AND content IS NOT
        (SELECT content FROM ledger WHERE ref_table = 'checklist_steps' AND ref_id = NEW.id ORDER BY seq DESC LIMIT 1);
END;
CREATE TRIGGER checklist_steps_record_delete BEFORE DELETE ON checklist_steps BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'delete', content FROM record_content WHERE ref_table = 'checklist_steps' AND ref_id = OLD.id;
END;
CREATE TRIGGER purges_record_insert AFTER INSERT ON purges BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'purges' AND ref_id = NEW.id;
END;
CREATE TRIGGER purges_record_update AFTER UPDATE ON purges BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'update', content FROM record_content WHERE ref_table = 'purges' AND ref_id = NEW.id;
END;

-- What was there before the record began enters it in the order it happened.
INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content
ORDER BY CASE ref_table WHEN 'clients' THEN 0 ELSE 1 END, ref_table, ref_id;
