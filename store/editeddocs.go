package store

import (
	"context"
	"database/sql"
)

// A document the owner edited by hand in $EDITOR is kept as a draft until
// it is regenerated, so the edit survives the session and is what gets
// exported. key names the document, for example "remediation-plan#12" for
// plan 12's written plan (see EditKey).

func editedKind(key string) string { return "edited:" + key }

// SaveEditedDocument keeps the owner's edit of a generated document.
func (s *Store) SaveEditedDocument(ctx context.Context, clientID int64, key, markdown string) error {
	return s.SaveDraft(ctx, clientID, editedKind(key), markdown)
}

// EditedDocument returns the owner's edit of a document; ok is false when
// it was never edited.
func (s *Store) EditedDocument(ctx context.Context, clientID int64, key string) (markdown string, ok bool, err error) {
	ok, err = s.LoadDraft(ctx, clientID, editedKind(key), &markdown)
	return markdown, ok, err
}

// DropEditedDocument forgets the owner's edit, so the document is
// generated afresh.
func (s *Store) DropEditedDocument(ctx context.Context, clientID int64, key string) error {
	return s.Tx(ctx, func(tx *sql.Tx) error { return deleteDraft(ctx, tx, clientID, editedKind(key)) })
}
