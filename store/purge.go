package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Purge is the disposal of one client's personal data, as recorded.
type Purge struct {
	ID             int64
	ClientID       int64
	At             time.Time
	By             string
	Clause         string
	RetentionUntil time.Time // zero when the client was never given notice
	ForcedReason   string
	// Removed counts what was removed, by what it was: "contact details",
	// "ticket text", and so on.
	Removed           map[string]int64
	CertificatePath   string
	CertificateSHA256 string
}

// purgeSteps blank a client's personal data: contact details, the free text
// of tickets, time entries, incidents, communications and documents, and the
// client's side of remediation meetings. Numbers, dates and hashes stay, so
// the scores and the record's chain are what they were.
var purgeSteps = []struct{ what, sql string }{
	{"contact details", `UPDATE clients SET contact_name = '', contact_email = '', phone = '', address = ''
        WHERE id = ?1 AND (contact_name <> '' OR contact_email <> '' OR phone <> '' OR address <> '')`},
	{"ticket text", "UPDATE tickets SET summary = '' WHERE client_id = ?1 AND summary <> ''"},
	{"time entry notes", "UPDATE time_entries SET notes = '' WHERE client_id = ?1 AND notes <> ''"},
	{"incident descriptions", `UPDATE incidents SET description = '', reported_by = ''
        WHERE client_id = ?1 AND (description <> '' OR reported_by <> '')`},
	{"communications", `UPDATE communications SET summary = '` + PurgedText + `', body = '', attachment_path = ''
        WHERE client_id = ?1 AND summary <> '` + PurgedText + `'`},
	{"documents", "UPDATE documents SET markdown = '" + PurgedText + "' WHERE client_id = ?1 AND markdown <> '" + PurgedText + "'"},
	{"meeting notes", `UPDATE remediation_plans SET attendees_theirs = '', form_json = '{}', outcome_note = ''
        WHERE client_id = ?1`},
	{"meeting notes", `UPDATE remediation_items SET client_said = '', owner_name = CASE owner_side WHEN 'client' THEN '' ELSE owner_name END
        WHERE plan_id IN (SELECT id FROM remediation_plans WHERE client_id = ?1)`},
	{"drafts", "DELETE FROM drafts WHERE client_id = ?1"},
	{"record entries' text", "UPDATE ledger SET content = NULL WHERE client_id = ?1 AND content IS NOT NULL AND entry_sha256 <> ''"},
}

// BeginPurge records a running purge and blanks the client's personal data
// inside tx; FinishPurge completes it. Until then the append-only triggers
// let this one transaction blank the client's rows.
func BeginPurge(ctx context.Context, tx *sql.Tx, p *Purge) error {
	var retention any
	if !p.RetentionUntil.IsZero() {
		retention = Date(p.RetentionUntil)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO purges (client_id, at, by_name, clause, retention_until, forced_reason)
        VALUES (?, ?, ?, ?, ?, ?)`, p.ClientID, Timestamp(p.At), p.By, p.Clause, retention, p.ForcedReason)
	if err != nil {
		return fmt.Errorf("purge client %d: %w", p.ClientID, err)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	p.Removed = map[string]int64{}
	for _, step := range purgeSteps {
		res, err := tx.ExecContext(ctx, step.sql, p.ClientID)
		if err != nil {
			return fmt.Errorf("purge client %d: %s: %w", p.ClientID, step.what, err)
		}
		n, _ := res.RowsAffected()
		if n > 0 && step.what != "record entries' text" {
			p.Removed[step.what] += n
		}
	}
	return nil
}

// FinishPurge records what was removed and the certificate's file and hash,
// and ends the purge.
func FinishPurge(ctx context.Context, tx *sql.Tx, p Purge) error {
	removed, err := json.Marshal(p.Removed)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE purges SET removed_json = ?, certificate_path = ?, certificate_sha256 = ?,
        state = 'done' WHERE id = ?`, string(removed), p.CertificatePath, p.CertificateSHA256, p.ID)
	if err != nil {
		return fmt.Errorf("purge client %d: %w", p.ClientID, err)
	}
	return nil
}

// Compact rewrites the database file so that no page of it, and nothing in
// its write-ahead log, still holds what a purge removed.
func (s *Store) Compact(ctx context.Context) error {
	for _, q := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("compact %s: %s: %w", s.path, q, s.lockErr(err))
		}
	}
	return nil
}

// PurgedEntries counts the client's record entries whose text a purge
// removed.
func PurgedEntries(ctx context.Context, tx *sql.Tx, clientID int64) (n int64, err error) {
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM ledger WHERE client_id = ? AND content IS NULL", clientID).Scan(&n)
	return n, err
}
