-- The whole domain of offboard. Conventions:
--   * money is INTEGER minor units (cents) with the currency beside it;
--   * dates are TEXT 'YYYY-MM-DD'; instants are TEXT RFC 3339 in UTC
--     ('2026-01-31T22:15:00Z'), with the original zone kept in a *_tz column
--     where after-hours judgement depends on it;
--   * rows that arrive by import carry a natural key (external_id, invoice
--     number) or a source_hash so a second import of the same file is a no-op.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE clients (
    id                      INTEGER PRIMARY KEY,
    external_id             TEXT UNIQUE,
    name                    TEXT NOT NULL CHECK (name <> ''),
    name_key                TEXT NOT NULL,
    contact_name            TEXT NOT NULL DEFAULT '',
    contact_email           TEXT NOT NULL DEFAULT '',
    address                 TEXT NOT NULL DEFAULT '',
    seats                   INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
    mrr_minor               INTEGER NOT NULL DEFAULT 0,
    currency                TEXT NOT NULL DEFAULT 'USD',
    agreement_name          TEXT NOT NULL DEFAULT '',
    agreement_signed_on     TEXT,
    termination_clause      TEXT NOT NULL DEFAULT '',
    notice_days             INTEGER NOT NULL DEFAULT 30 CHECK (notice_days >= 0),
    term_end_on             TEXT,
    time_zone               TEXT NOT NULL DEFAULT '',
    status                  TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'watch', 'remediation', 'notice', 'offboarded', 're-engaged')),
    client_since_on         TEXT,
    override_recommendation TEXT CHECK (override_recommendation IN ('keep', 'watch', 'remediate', 'offboard')),
    override_reason         TEXT NOT NULL DEFAULT '',
    override_at             TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX clients_name_key ON clients (name_key);

CREATE TABLE tickets (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    external_id  TEXT,
    opened_at    TEXT NOT NULL,
    opened_tz    TEXT NOT NULL DEFAULT '',
    closed_at    TEXT,
    priority     TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status       TEXT NOT NULL DEFAULT '',
    after_hours  INTEGER NOT NULL DEFAULT 0 CHECK (after_hours IN (0, 1)),
    out_of_scope INTEGER NOT NULL DEFAULT 0 CHECK (out_of_scope IN (0, 1)),
    summary      TEXT NOT NULL DEFAULT '',
    source_hash  TEXT UNIQUE,
    UNIQUE (client_id, external_id)
);
CREATE INDEX tickets_client_opened ON tickets (client_id, opened_at);

CREATE TABLE time_entries (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    ticket_id   INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
    ticket_ref  TEXT NOT NULL DEFAULT '',
    worked_on   TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes >= 0),
    billable    INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
    technician  TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    source_hash TEXT UNIQUE
);
CREATE INDEX time_entries_client_worked ON time_entries (client_id, worked_on);

CREATE TABLE invoices (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    number        TEXT NOT NULL UNIQUE,
    issued_on     TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    paid_on       TEXT,
    amount_minor  INTEGER NOT NULL,
    balance_minor INTEGER NOT NULL DEFAULT 0,
    currency      TEXT NOT NULL DEFAULT 'USD',
    status        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invoices_client_issued ON invoices (client_id, issued_on);

CREATE TABLE payments (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    invoice_number TEXT NOT NULL DEFAULT '',
    paid_on        TEXT NOT NULL,
    amount_minor   INTEGER NOT NULL,
    currency       TEXT NOT NULL DEFAULT 'USD',
    method         TEXT NOT NULL DEFAULT '',
    reference      TEXT NOT NULL DEFAULT '',
    source_hash    TEXT UNIQUE
);
CREATE INDEX payments_client ON payments (client_id, paid_on);
CREATE INDEX payments_invoice ON payments (invoice_number);

-- Incident kinds follow the seeds: abuse of staff (000, 001, 003), security
-- (000), data compliance (001), criminal activity (003), scope (001, 003),
-- declined upgrade and technological naivete (000, 003), after-hours demand
-- (000). Severity runs 1 (minor) to 5 (grave).
CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('abuse', 'security', 'data_compliance', 'criminal', 'scope',
                                              'declined_upgrade', 'naivete', 'after_hours', 'other')),
    severity    INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    description TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL DEFAULT '',
    source_hash TEXT UNIQUE
);
CREATE INDEX incidents_client ON incidents (client_id, occurred_at);

CREATE TABLE security_snapshots (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    taken_on      TEXT NOT NULL,
    mfa_pct       REAL NOT NULL CHECK (mfa_pct BETWEEN 0 AND 100),
    patch_pct     REAL NOT NULL CHECK (patch_pct BETWEEN 0 AND 100),
    eol_devices   INTEGER NOT NULL DEFAULT 0 CHECK (eol_devices >= 0),
    total_devices INTEGER NOT NULL DEFAULT 0 CHECK (total_devices >= 0),
    backup_status TEXT NOT NULL DEFAULT 'ok' CHECK (backup_status IN ('ok', 'warning', 'failing', 'none')),
    UNIQUE (client_id, taken_on)
);

CREATE TABLE upgrade_recommendations (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    proposed_on    TEXT NOT NULL,
    decided_on     TEXT,
    decision       TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'accepted', 'declined')),
    estimate_minor INTEGER NOT NULL DEFAULT 0,
    note           TEXT NOT NULL DEFAULT '',
    source_hash    TEXT UNIQUE
);
CREATE INDEX upgrade_recommendations_client ON upgrade_recommendations (client_id);

-- Generated documents: agendas, plans, letters, checklist receipts and
-- post-mortems, kept byte for byte with their hash so a dispute can be
-- settled by what was actually sent.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    plan_id       INTEGER REFERENCES remediation_plans (id),
    kind          TEXT NOT NULL CHECK (kind IN ('agenda', 'plan', 'termination', 'checklist', 'postmortem')),
    title         TEXT NOT NULL DEFAULT '',
    markdown      TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    exported_path TEXT NOT NULL DEFAULT '',
    sent          INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1)),
    created_at    TEXT NOT NULL
);
CREATE INDEX documents_client ON documents (client_id, created_at);

-- The communications log and the decisions log are the audit trail (seed
-- 001: keep records of every communication). Both are append-only.
CREATE TABLE communications (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'meeting', 'letter', 'portal', 'other')),
    direction   TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES documents (id)
);
CREATE INDEX communications_client ON communications (client_id, at);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('status', 'override', 'plan', 'letter', 'checklist', 're-engagement', 'note')),
    from_value TEXT NOT NULL DEFAULT '',
    to_value   TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decisions_client ON decisions (client_id, at);

CREATE TRIGGER communications_append_only_update BEFORE UPDATE ON communications
BEGIN SELECT RAISE(ABORT, 'the communications log is append-only'); END;
CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'the decisions log is append-only'); END;

-- Remediation (seeds 003, 004): a meeting, a written plan, a review.
-- form_json keeps the walkthrough exactly as typed so it can resume.
-- baseline_from/baseline_to bound the period the review compares against.
CREATE TABLE remediation_plans (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    status           TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'agreed', 'partly_agreed', 'refused', 'extended', 'resolved', 'failed')),
    meeting_at       TEXT,
    meeting_place    TEXT NOT NULL DEFAULT '',
    attendees_ours   TEXT NOT NULL DEFAULT '',
    attendees_theirs TEXT NOT NULL DEFAULT '',
    contributors     TEXT NOT NULL DEFAULT '',
    review_on        TEXT,
    baseline_from    TEXT,
    baseline_to      TEXT,
    form_json        TEXT NOT NULL DEFAULT '{}',
    outcome_note     TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    closed_at        TEXT
);
CREATE INDEX remediation_plans_client ON remediation_plans (client_id, created_at);

CREATE TABLE remediation_items (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES remediation_plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('topic', 'action', 'term')),
    flag_id     TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '',
    client_said TEXT NOT NULL DEFAULT '',
    we_change   TEXT NOT NULL DEFAULT '',
    owner_side  TEXT NOT NULL DEFAULT '' CHECK (owner_side IN ('', 'us', 'client')),
    owner_name  TEXT NOT NULL DEFAULT '',
    due_on      TEXT,
    target      TEXT NOT NULL DEFAULT '',
    done_on     TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX remediation_items_plan ON remediation_items (plan_id, position);

-- Termination (seeds 001, 002): the notice as sent, and the checklist after.
CREATE TABLE terminations (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    document_id     INTEGER REFERENCES documents (id),
    sent_on         TEXT NOT NULL,
    notice_days     INTEGER NOT NULL,
    effective_on    TEXT NOT NULL,
    retention_until TEXT NOT NULL,
    delivery        TEXT NOT NULL DEFAULT 'email' CHECK (delivery IN ('email', 'post', 'hand')),
    created_at      TEXT NOT NULL
);
CREATE INDEX terminations_client ON terminations (client_id);

CREATE TABLE checklist_steps (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    step_key       TEXT NOT NULL,
    title          TEXT NOT NULL,
    due_on         TEXT NOT NULL,
    done_on        TEXT,
    signed_off_by  TEXT NOT NULL DEFAULT '',
    exception_note TEXT NOT NULL DEFAULT '',
    UNIQUE (client_id, step_key)
);

-- Seed 002: after letting a client go, take stock of how you got there.
CREATE TABLE postmortems (
    client_id  INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    lessons    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- Forms in progress (letter inputs, walkthrough steps), saved as typed so a
-- closed terminal loses nothing.
CREATE TABLE drafts (
    client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    body_json  TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (client_id, kind)
) WITHOUT ROWID;

CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    preset         TEXT NOT NULL,
    rows_total     INTEGER NOT NULL,
    rows_new       INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    imported_at    TEXT NOT NULL
);

-- One row per client per calendar month (UTC), rebuilt by RebuildRollup
-- whenever raw rows change, so scoring never re-reads raw rows. Invoices
-- count in the month they were issued; lateness is paid_on - due_on in days.
CREATE TABLE client_months (
    client_id           INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    month               TEXT NOT NULL,
    minutes             INTEGER NOT NULL DEFAULT 0,
    billable_minutes    INTEGER NOT NULL DEFAULT 0,
    tickets             INTEGER NOT NULL DEFAULT 0,
    after_hours_tickets INTEGER NOT NULL DEFAULT 0,
    urgent_tickets      INTEGER NOT NULL DEFAULT 0,
    oos_tickets         INTEGER NOT NULL DEFAULT 0,
    oos_minutes         INTEGER NOT NULL DEFAULT 0,
    invoiced_minor      INTEGER NOT NULL DEFAULT 0,
    invoices            INTEGER NOT NULL DEFAULT 0,
    invoices_paid       INTEGER NOT NULL DEFAULT 0,
    invoices_late       INTEGER NOT NULL DEFAULT 0,
    days_late_sum       INTEGER NOT NULL DEFAULT 0,
    paid_on_time        INTEGER NOT NULL DEFAULT 0,
    late_1_7            INTEGER NOT NULL DEFAULT 0,
    late_8_15           INTEGER NOT NULL DEFAULT 0,
    late_16_30          INTEGER NOT NULL DEFAULT 0,
    late_over_30        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, month)
) WITHOUT ROWID;
