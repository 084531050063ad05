package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// Draft kinds: the forms whose input is saved as it is typed.
const (
	// DraftLetter is the termination letter form, as typed.
	DraftLetter = "letter"
)

// SaveDraft stores v as JSON as the client's draft of the given kind,
// replacing the previous one. Forms call it on every change, so a crash or a
// closed terminal loses nothing that was typed.
func (s *Store) SaveDraft(ctx context.Context, clientID int64, kind string, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("save %s draft of client %d: %w", kind, clientID, err)
	}
	_, err = s.exec(ctx, `INSERT INTO drafts (client_id, kind, body_json, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (client_id, kind) DO UPDATE SET body_json = excluded.body_json, updated_at = excluded.updated_at`,
		clientID, kind, string(body), Timestamp(s.now()))
	if err != nil {
		return fmt.Errorf("save %s draft of client %d: %w", kind, clientID, err)
	}
	return nil
}

// LoadDraft reads the client's draft of the given kind into v; ok is false,
// and v untouched, when there is none.
func (s *Store) LoadDraft(ctx context.Context, clientID int64, kind string, v any) (ok bool, err error) {
	var body string
	err = s.db.QueryRowContext(ctx, "SELECT body_json FROM drafts WHERE client_id = ? AND kind = ?",
		clientID, kind).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s draft of client %d: %w", kind, clientID, err)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		return false, fmt.Errorf("read %s draft of client %d: %w", kind, clientID, err)
	}
	return true, nil
}

// deleteDraft removes a draft inside tx, once what it drafted is final.
func deleteDraft(ctx context.Context, tx *sql.Tx, clientID int64, kind string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM drafts WHERE client_id = ? AND kind = ?", clientID, kind); err != nil {
		return fmt.Errorf("clear %s draft of client %d: %w", kind, clientID, err)
	}
	return nil
}
