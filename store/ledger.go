package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// GenesisHash is the previous hash of the record's first entry.
var GenesisHash = strings.Repeat("0", 64)

// LedgerEntry is one entry of the record: a row of a covered table inserted,
// changed or deleted, with its canonical content and the chain's hashes.
type LedgerEntry struct {
	Seq      int64
	ClientID int64
	RefTable string
	RefID    int64
	Action   string // insert, update, delete
	// Content is the canonical content as recorded; "" and Purged once a
	// purge removed the personal data it held.
	Content       string
	Purged        bool
	ContentSHA256 string
	PrevSHA256    string
	EntrySHA256   string
	SealedAt      string
	// Current is the row's canonical content today, "" when the row is gone;
	// filled by LedgerForVerify for the latest entry of each row only.
	Current    string
	HasCurrent bool
	Latest     bool
}

// EntryHash is the hash that chains an entry to the one before it: every
// field of the entry but its own hash, so that none can change unseen.
func EntryHash(e LedgerEntry) string {
	h := sha256.New()
	for _, f := range []string{e.PrevSHA256, strconv.FormatInt(e.Seq, 10), strconv.FormatInt(e.ClientID, 10),
		e.RefTable, strconv.FormatInt(e.RefID, 10), e.Action, e.ContentSHA256, e.SealedAt} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ContentHash is the SHA-256 of an entry's canonical content.
func ContentHash(content string) string { return SHA256Hex([]byte(content)) }

// sealLedger hashes the entries the triggers appended in tx, in order, each
// onto the one before. Every transaction of the program calls it before
// committing, so an unsealed entry can only come from outside the program.
func (s *Store) sealLedger(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq, coalesce(client_id, 0), ref_table, ref_id, action, coalesce(content, '')
        FROM ledger WHERE entry_sha256 = '' ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("seal the record: %w", err)
	}
	var pending []LedgerEntry
	for rows.Next() {
		var e LedgerEntry
		if err := rows.Scan(&e.Seq, &e.ClientID, &e.RefTable, &e.RefID, &e.Action, &e.Content); err != nil {
			rows.Close()
			return fmt.Errorf("seal the record: %w", err)
		}
		pending = append(pending, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(pending) == 0 {
		return err
	}
	prev := GenesisHash
	err = tx.QueryRowContext(ctx, `SELECT entry_sha256 FROM ledger WHERE seq < ? AND entry_sha256 <> ''
        ORDER BY seq DESC LIMIT 1`, pending[0].Seq).Scan(&prev)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("seal the record: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE ledger SET content_sha256 = ?, prev_sha256 = ?, entry_sha256 = ?, sealed_at = ?
        WHERE seq = ?`)
	if err != nil {
		return fmt.Errorf("seal the record: %w", err)
	}
	defer stmt.Close()
	at := Timestamp(s.now())
	for _, e := range pending {
		e.ContentSHA256, e.PrevSHA256, e.SealedAt = ContentHash(e.Content), prev, at
		e.EntrySHA256 = EntryHash(e)
		if _, err := stmt.ExecContext(ctx, e.ContentSHA256, e.PrevSHA256, e.EntrySHA256, e.SealedAt, e.Seq); err != nil {
			return fmt.Errorf("seal record entry %d: %w", e.Seq, err)
		}
		prev = e.EntrySHA256
	}
	return nil
}

// LedgerForVerify reads the whole record in order, with today's canonical
// content beside the latest entry of each row, in two queries.
func (s *Store) LedgerForVerify(ctx context.Context) ([]LedgerEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.seq, coalesce(l.client_id, 0), l.ref_table, l.ref_id, l.action,
        l.content IS NULL, coalesce(l.content, ''), l.content_sha256, l.prev_sha256, l.entry_sha256, l.sealed_at,
        l.seq = (SELECT max(seq) FROM ledger m WHERE m.ref_table = l.ref_table AND m.ref_id = l.ref_id)
        FROM ledger l ORDER BY l.seq`)
	if err != nil {
		return nil, fmt.Errorf("read the record: %w", err)
	}
	defer rows.Close()
	var out []LedgerEntry
	latest := map[[2]string]int{}
	for rows.Next() {
		var e LedgerEntry
		if err := rows.Scan(&e.Seq, &e.ClientID, &e.RefTable, &e.RefID, &e.Action, &e.Purged, &e.Content,
			&e.ContentSHA256, &e.PrevSHA256, &e.EntrySHA256, &e.SealedAt, &e.Latest); err != nil {
			return nil, fmt.Errorf("read the record: %w", err)
		}
		if e.Latest {
			latest[[2]string{e.RefTable, strconv.FormatInt(e.RefID, 10)}] = len(out)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the record: %w", err)
	}
	cur, err := s.db.QueryContext(ctx, "SELECT ref_table, ref_id, content FROM record_content")
	if err != nil {
		return nil, fmt.Errorf("read the record's rows: %w", err)
	}
	defer cur.Close()
	for cur.Next() {
		var table, content string
		var id int64
		if err := cur.Scan(&table, &id, &content); err != nil {
			return nil, fmt.Errorf("read the record's rows: %w", err)
		}
		i, ok := latest[[2]string{table, strconv.FormatInt(id, 10)}]
		if !ok {
			// A row no entry describes: written with the triggers dropped.
			out = append(out, LedgerEntry{RefTable: table, RefID: id, Current: content, HasCurrent: true})
			continue
		}
		out[i].Current, out[i].HasCurrent = content, true
	}
	return out, cur.Err()
}

// ExportedDocument is a document written to a file, as the record holds it.
type ExportedDocument struct {
	ID       int64
	ClientID int64
	Kind     string
	Path     string
	SHA256   string
	// MarkdownSHA256 is the hash of the text kept in the database, "" once
	// a purge removed it.
	MarkdownSHA256 string
}

// ExportedDocuments lists every document with a file on disk, and every
// certificate of destruction, for verify to check against the files.
func (s *Store) ExportedDocuments(ctx context.Context) ([]ExportedDocument, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, kind, exported_path, sha256, markdown FROM documents
        WHERE exported_path <> '' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read exported documents: %w", err)
	}
	defer rows.Close()
	var out []ExportedDocument
	for rows.Next() {
		var d ExportedDocument
		var md string
		if err := rows.Scan(&d.ID, &d.ClientID, &d.Kind, &d.Path, &d.SHA256, &md); err != nil {
			return nil, fmt.Errorf("read exported documents: %w", err)
		}
		if md != PurgedText {
			d.MarkdownSHA256 = ContentHash(md)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	certs, err := s.db.QueryContext(ctx, `SELECT id, client_id, certificate_path, certificate_sha256 FROM purges
        WHERE certificate_path <> '' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read certificates of destruction: %w", err)
	}
	defer certs.Close()
	for certs.Next() {
		d := ExportedDocument{Kind: "certificate of destruction"}
		if err := certs.Scan(&d.ID, &d.ClientID, &d.Path, &d.SHA256); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, certs.Err()
}

// PurgedText stands where a purge removed a document's or a log entry's text.
const PurgedText = "[removed under the data-disposal clause]"

// ClientLedger reads one client's record entries in order.
func (s *Store) ClientLedger(ctx context.Context, clientID int64) ([]LedgerEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, ref_table, ref_id, action, content IS NULL, coalesce(content, ''),
        content_sha256, prev_sha256, entry_sha256, sealed_at FROM ledger WHERE client_id = ? ORDER BY seq`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read the record of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []LedgerEntry
	for rows.Next() {
		e := LedgerEntry{ClientID: clientID}
		if err := rows.Scan(&e.Seq, &e.RefTable, &e.RefID, &e.Action, &e.Purged, &e.Content, &e.ContentSHA256,
			&e.PrevSHA256, &e.EntrySHA256, &e.SealedAt); err != nil {
			return nil, fmt.Errorf("read the record of client %d: %w", clientID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
