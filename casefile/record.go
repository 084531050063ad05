package casefile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"offboard/store"
)

// Problem is one thing verify found wrong with the record.
type Problem struct {
	// Seq is the ledger entry concerned, 0 for a row no entry describes or a
	// document's file.
	Seq  int64
	What string
}

// Verification is the result of checking the record: the hash chain, each
// row against what the record says of it, and every exported document
// against its file.
type Verification struct {
	Entries   int
	Documents int
	Problems  []Problem
	// Warnings are findings that are not tampering: an exported file that
	// was moved or deleted.
	Warnings []string
}

// OK reports whether the record is intact.
func (v Verification) OK() bool { return len(v.Problems) == 0 }

// Verify checks the whole record: that every entry is sealed and chained to
// the one before, that its content still hashes to what was sealed, that
// each row today is what its latest entry recorded, and that every exported
// document's file still has the hash recorded when it was written.
func (d *Desk) Verify(ctx context.Context) (Verification, error) {
	entries, err := d.Store.LedgerForVerify(ctx)
	if err != nil {
		return Verification{}, err
	}
	v := Verification{}
	checkChain(entries, &v)
	docs, err := d.Store.ExportedDocuments(ctx)
	if err != nil {
		return v, err
	}
	checkDocuments(docs, &v)
	return v, nil
}

// checkChain walks the ledger in order. It goes on from each entry's stored
// hash, so one broken entry is reported once rather than breaking every
// entry after it.
func checkChain(entries []store.LedgerEntry, v *Verification) {
	prev, last := store.GenesisHash, int64(0)
	for _, e := range entries {
		if e.Seq == 0 {
			v.Problems = append(v.Problems, Problem{What: fmt.Sprintf("%s row %d is in no record entry: it was written outside offboard", e.RefTable, e.RefID)})
			continue
		}
		v.Entries++
		where := fmt.Sprintf("entry %d (%s row %d, %s)", e.Seq, e.RefTable, e.RefID, e.Action)
		add := func(what string) { v.Problems = append(v.Problems, Problem{Seq: e.Seq, What: where + ": " + what}) }
		if e.Seq != last+1 {
			add(fmt.Sprintf("entries %d to %d are missing", last+1, e.Seq-1))
		}
		last = e.Seq
		if e.EntrySHA256 == "" {
			add("never sealed: it was written outside offboard")
			continue
		}
		if e.PrevSHA256 != prev {
			add("the chain is broken: its previous hash is not the entry before's")
		}
		if !e.Purged && store.ContentHash(e.Content) != e.ContentSHA256 {
			add("its content was changed after it was recorded")
		}
		if store.EntryHash(e) != e.EntrySHA256 {
			add("it was altered after it was sealed")
		}
		prev = e.EntrySHA256
		if e.Latest && !e.Purged {
			checkRow(e, add)
		}
	}
}

// checkRow compares a row today with the latest entry recorded of it.
func checkRow(e store.LedgerEntry, add func(string)) {
	switch {
	case e.Action == "delete" && e.HasCurrent:
		add("the row was deleted, yet it is there")
	case e.Action != "delete" && !e.HasCurrent:
		add("the row was deleted without a record entry")
	case e.Action != "delete" && e.Current != e.Content:
		add("the row differs from what was recorded: it was edited outside offboard")
	}
}

// checkDocuments compares each exported document's file with its hash.
func checkDocuments(docs []store.ExportedDocument, v *Verification) {
	for _, doc := range docs {
		v.Documents++
		what := fmt.Sprintf("%s %d (%s)", doc.Kind, doc.ID, doc.Path)
		if doc.MarkdownSHA256 != "" && doc.MarkdownSHA256 != doc.SHA256 {
			v.Problems = append(v.Problems, Problem{What: what + ": the text kept in the database no longer has its recorded hash"})
		}
		b, err := os.ReadFile(doc.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			v.Warnings = append(v.Warnings, what+": the file is no longer there")
		case err != nil:
			v.Warnings = append(v.Warnings, fmt.Sprintf("%s: %v", what, err))
		case store.SHA256Hex(b) != doc.SHA256:
			v.Problems = append(v.Problems, Problem{What: what + ": the file differs from the document as recorded"})
		}
	}
}
