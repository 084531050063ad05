-- A change to our own settings (labour cost, business hours, the calendar,
-- our company's details) moves every client's figures and every letter's
-- dates, so each change enters the record: when, which key, from what to
-- what. The settings table keeps only the value in force; this log keeps
-- its history and is append-only like the other logs.
CREATE TABLE setting_changes (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    key        TEXT NOT NULL,
    from_value TEXT,
    to_value   TEXT NOT NULL
);
CREATE TRIGGER setting_changes_append_only_update BEFORE UPDATE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'the settings log is append-only'); END;
CREATE TRIGGER setting_changes_append_only_delete BEFORE DELETE ON setting_changes
BEGIN SELECT RAISE(ABORT, 'the settings log is append-only'); END;

DROP VIEW record_content;
CREATE VIEW record_content (ref_table, ref_id, client_id, content) AS
    SELECT 'clients', id, id, json_object('name', name, 'contact_name', contact_name, 'contact_email', contact_email, 'phone', phone, 'address', address, 'seats', seats, 'mrr_minor', mrr_minor, 'currency', currency, 'agreement_name', agreement_name, 'agreement_signed_on', agreement_signed_on, 'termination_clause', termination_clause, 'notice_days', notice_days, 'term_end_on', term_end_on, 'time_zone', time_zone, 'status', status, 'override_recommendation', override_recommendation, 'override_reason', override_reason, 'override_at', override_at) FROM clients
    UNION ALL SELECT 'decisions', id, client_id, json_object('at', at, 'kind', kind, 'from_value', from_value, 'to_value', to_value, 'reason', reason, 'corrects_seq', corrects_seq)
        FROM decisions
    UNION ALL SELECT 'communications', id, client_id, json_object('at', at, 'channel', channel, 'direction', direction, 'summary', summary, 'body', body, 'document_id', document_id, 'attachment_path', attachment_path, 'attachment_sha256', attachment_sha256, 'corrects_seq', corrects_seq) FROM communications
    UNION ALL SELECT 'documents', id, client_id, json_object('plan_id', plan_id, 'kind', kind, 'title', title, 'sha256', sha256, 'exported_path', exported_path, 'sent', sent, 'created_at', created_at) FROM documents
    UNION ALL SELECT 'incidents', id, client_id, json_object('occurred_at', occurred_at, 'kind', kind, 'severity', severity, 'description', description, 'reported_by', reported_by, 'corrects_seq', corrects_seq) FROM incidents
    UNION ALL SELECT 'terminations', id, client_id, json_object('document_id', document_id, 'sent_on', sent_on, 'notice_days', notice_days, 'effective_on', effective_on, 'retention_until', retention_until, 'delivery', delivery) FROM terminations
    UNION ALL SELECT 'checklist_steps', id, client_id, json_object('step_key', step_key, 'title', title, 'due_on', due_on, 'done_on', done_on, 'signed_off_by', signed_off_by, 'exception_note', exception_note) FROM checklist_steps
    UNION ALL SELECT 'purges', id, client_id, json_object('at', at, 'by_name', by_name, 'clause', clause, 'retention_until', retention_until, 'forced_reason', forced_reason, 'removed_json', removed_json, 'certificate_path', certificate_path, 'certificate_sha256', certificate_sha256, 'state', state) FROM purges
    UNION ALL SELECT 'setting_changes', id, NULL, json_object('at', at, 'key', key, 'from_value', from_value, 'to_value', to_value) FROM setting_changes;

CREATE TRIGGER setting_changes_record_insert AFTER INSERT ON setting_changes BEGIN
    INSERT INTO ledger (client_id, ref_table, ref_id, action, content)
    SELECT client_id, ref_table, ref_id, 'insert', content FROM record_content WHERE ref_table = 'setting_changes' AND ref_id = NEW.id;
END;
