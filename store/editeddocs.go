package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// A document the owner edited by hand in $EDITOR is kept in the drafts
// table until it is regenerated, so the edit survives the session and is
// what gets exported. key names the document, for example
// "remediation-plan#12" for plan 12's written plan.

// SaveEditedDocument keeps the owner's edit of a generated document.
func (s *Store) SaveEditedDocument(ctx context.Context, clientID int64, key, markdown string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO drafts (client_id, kind, body_json, updated_at)
        VALUES (?, ?, json_quote(?), ?)
        ON CONFLICT (client_id, kind) DO UPDATE SET body_json = excluded.body_json, updated_at = excluded.updated_at`,
		clientID, "edited:"+key, markdown, Timestamp(s.now()))
	if err != nil {
		return fmt.Errorf("keep the edit of %s: %w", key, err)
	}
	return nil
}

// EditedDocument returns the owner's edit of a document; ok is false when
// it was never edited.
func (s *Store) EditedDocument(ctx context.Context, clientID int64, key string) (markdown string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT body_json ->> '$' FROM drafts WHERE client_id = ? AND kind = ?",
		clientID, "edited:"+key).Scan(&markdown)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read the edit of %s: %w", key, err)
	}
	return markdown, true, nil
}

// DropEditedDocument forgets the owner's edit, so the document is
// generated afresh.
func (s *Store) DropEditedDocument(ctx context.Context, clientID int64, key string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM drafts WHERE client_id = ? AND kind = ?", clientID, "edited:"+key); err != nil {
		return fmt.Errorf("drop the edit of %s: %w", key, err)
	}
	return nil
}
