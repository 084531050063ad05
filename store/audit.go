package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// Communication is one entry of a client's communications log.
type Communication struct {
	ID         int64
	ClientID   int64
	At         time.Time
	Channel    string // email, phone, meeting, letter, portal, other
	Direction  string // inbound, outbound, internal
	Summary    string
	Body       string
	DocumentID int64 // 0 when the entry has no document
	// AttachmentPath and AttachmentSHA256 keep a file's place and hash,
	// never its bytes.
	AttachmentPath   string
	AttachmentSHA256 string
	// CorrectsSeq is the record entry this one corrects, 0 for none.
	CorrectsSeq int64
}

// Decision is one entry of a client's decisions log: a status change, an
// override, a plan outcome, a letter sent.
type Decision struct {
	ID       int64
	ClientID int64
	At       time.Time
	Kind     string
	From, To string
	Reason   string
	// CorrectsSeq is the record entry this one corrects, 0 for none.
	CorrectsSeq int64
}

// Document is a generated Markdown document kept byte for byte.
type Document struct {
	ID           int64
	ClientID     int64
	PlanID       int64
	Kind         string // agenda, plan, termination, checklist, postmortem
	Title        string
	Markdown     string
	SHA256       string
	ExportedPath string
	Sent         bool
	CreatedAt    time.Time
}

// LogCommunication appends to the communications log inside tx.
func LogCommunication(ctx context.Context, tx *sql.Tx, c Communication) (int64, error) {
	var doc any
	if c.DocumentID != 0 {
		doc = c.DocumentID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO communications (client_id, at, channel, direction, summary, body, document_id,
        attachment_path, attachment_sha256, corrects_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ClientID, Timestamp(c.At), c.Channel, c.Direction, c.Summary, c.Body, doc, c.AttachmentPath, c.AttachmentSHA256,
		nullInt(int(c.CorrectsSeq)))
	if err != nil {
		return 0, fmt.Errorf("log communication with client %d: %w", c.ClientID, err)
	}
	return res.LastInsertId()
}

// LogDecision appends to the decisions log inside tx.
func LogDecision(ctx context.Context, tx *sql.Tx, d Decision) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO decisions (client_id, at, kind, from_value, to_value, reason, corrects_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?)`, d.ClientID, Timestamp(d.At), d.Kind, d.From, d.To, d.Reason, nullInt(int(d.CorrectsSeq)))
	if err != nil {
		return fmt.Errorf("log decision for client %d: %w", d.ClientID, err)
	}
	return nil
}

// SetStatus moves a client to a new status inside tx and records the move,
// with its reason, in the decisions log.
func SetStatus(ctx context.Context, tx *sql.Tx, clientID int64, to, reason string, now time.Time) error {
	var from string
	if err := tx.QueryRowContext(ctx, "SELECT status FROM clients WHERE id = ?", clientID).Scan(&from); err != nil {
		return fmt.Errorf("set status of client %d: %w", clientID, err)
	}
	if from == to {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE clients SET status = ?, updated_at = ? WHERE id = ?",
		to, Timestamp(now), clientID); err != nil {
		return fmt.Errorf("set status of client %d to %s: %w", clientID, to, err)
	}
	return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "status", From: from, To: to, Reason: reason})
}

// SetOverride stores the owner's override of the recommendation (empty
// recommendation clears it) and records it in the decisions log. A reason
// is required so the audit trail says why.
func (s *Store) SetOverride(ctx context.Context, clientID int64, recommendation, reason string) error {
	if recommendation != "" && reason == "" {
		return fmt.Errorf("override for client %d: a reason is required", clientID)
	}
	now := s.now()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var from string
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(override_recommendation, '') FROM clients WHERE id = ?",
			clientID).Scan(&from); err != nil {
			return fmt.Errorf("override for client %d: %w", clientID, err)
		}
		var at any
		if recommendation != "" {
			at = Timestamp(now)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET override_recommendation = ?, override_reason = ?,
            override_at = ?, updated_at = ? WHERE id = ?`,
			nullString(recommendation), reason, at, Timestamp(now), clientID); err != nil {
			return fmt.Errorf("override for client %d: %w", clientID, err)
		}
		return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "override", From: from, To: recommendation, Reason: reason})
	})
}

// SHA256Hex is the hex SHA-256 of a document's bytes, as stored with it.
func SHA256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// RecordDocument stores a generated document inside tx, computing its hash.
func RecordDocument(ctx context.Context, tx *sql.Tx, d Document) (int64, error) {
	var plan any
	if d.PlanID != 0 {
		plan = d.PlanID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (client_id, plan_id, kind, title, markdown, sha256,
        exported_path, sent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ClientID, plan, d.Kind, d.Title, d.Markdown, SHA256Hex([]byte(d.Markdown)), d.ExportedPath, d.Sent,
		Timestamp(d.CreatedAt))
	if err != nil {
		return 0, fmt.Errorf("record %s document for client %d: %w", d.Kind, d.ClientID, err)
	}
	return res.LastInsertId()
}

// Communications returns a client's log, newest first, at most limit entries
// (all when limit <= 0).
func (s *Store) Communications(ctx context.Context, clientID int64, limit int) ([]Communication, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, at, channel, direction, summary, body,
        coalesce(document_id, 0) FROM communications WHERE client_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
		clientID, limit)
	if err != nil {
		return nil, fmt.Errorf("read communications of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Communication
	for rows.Next() {
		var c Communication
		var at string
		if err := rows.Scan(&c.ID, &c.ClientID, &at, &c.Channel, &c.Direction, &c.Summary, &c.Body, &c.DocumentID); err != nil {
			return nil, fmt.Errorf("read communications of client %d: %w", clientID, err)
		}
		c.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Decisions returns a client's decisions log, newest first.
func (s *Store) Decisions(ctx context.Context, clientID int64) ([]Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, at, kind, from_value, to_value, reason
        FROM decisions WHERE client_id = ? ORDER BY at DESC, id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read decisions of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var at string
		if err := rows.Scan(&d.ID, &d.ClientID, &at, &d.Kind, &d.From, &d.To, &d.Reason); err != nil {
			return nil, fmt.Errorf("read decisions of client %d: %w", clientID, err)
		}
		d.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, d)
	}
	return out, rows.Err()
}
