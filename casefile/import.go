package casefile

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"offboard/importer"
	"offboard/store"
)

// ImportOptions control one import of one file.
type ImportOptions struct {
	Kind importer.Kind
	// Preset reads the file; nil recognises one from the header row.
	Preset        *importer.Preset
	DateOrder     importer.DateOrder
	ClientDomains map[string]string
	// Client names the client of rows that name none (see
	// importer.Options.Client).
	Client string
	// Taken dates a security report of accounts or devices (see
	// importer.Options.Taken).
	Taken time.Time
	// Currency is assumed for amounts that name none (default: the
	// client's currency).
	Currency string
	// DryRun parses, validates and counts what would change, then writes
	// nothing.
	DryRun bool
	// SkipBad writes the good rows of a file with bad rows; without it one
	// bad row means nothing is written.
	SkipBad bool
	// CreateClients adds clients the file names that the database lacks;
	// without it an unknown client is a bad row.
	CreateClients bool
	// Filter selects the rows to read (a mapping's "only" and "skip").
	Filter *importer.RowFilter
	// Dedupe reads a row that repeats an earlier row of the file exactly
	// only once; without it such rows are imported and reported.
	Dedupe bool
	// Hours judges tickets whose export says nothing of after hours, and
	// its zone places times exported without one; nil means
	// store.DefaultBusinessHours.
	Hours *store.BusinessHours
	// OnRecord, when set, is told how many records have been read so far.
	OnRecord func(records int)
}

// ImportResult tells what an import found and did.
type ImportResult struct {
	File   string
	SHA256 string
	Kind   importer.Kind
	Preset string
	// Recognized is true when the preset was picked from the header row.
	Recognized bool
	// Rows is the data rows read; Records the records they made (invoice
	// line items are grouped into one record per invoice).
	Rows, Records int
	// New, Updated and Unchanged count records by what the import did with
	// them; Rejected counts bad rows.
	New, Updated, Unchanged, Rejected int
	CreatedClients                    []string
	// DerivedPaid counts invoices whose paid date was taken from payments.
	DerivedPaid int
	// Notes are things the user should know that are not errors.
	Notes []string
	// Parse holds the parser's summary: errors, rejected rows, the header.
	Parse *importer.Summary
	// PreviousImport is when a file with the same content was last
	// imported as this kind, if ever.
	PreviousImport time.Time
	// Written is true once the import is committed.
	Written bool
}

// ImportFailedError reports a file with bad rows imported without SkipBad:
// nothing was written.
type ImportFailedError struct {
	Result *ImportResult
}

func (e *ImportFailedError) Error() string {
	n := e.Result.Parse.ErrorCount
	where := ""
	if e.Result.Parse.Format == "JSON" {
		where = " (in a JSON file the number after its name is the record's index in the array, from 0)"
	}
	return fmt.Sprintf("%s: %d %s%s; nothing was imported (fix the file, or pass --skip-bad to import the good rows)\n%v",
		e.Result.File, n, plural(n, "error", "errors"), where, e.Result.Parse.Err())
}

// shownLines is how many lines a note lists before it says how many more.
const shownLines = 5

// readNotes tells what the parse left out or found twice, so that rows
// needing judgement are never passed over in silence.
func readNotes(parsed *importer.Summary, opt ImportOptions) []string {
	var out []string
	if parsed.Filtered > 0 {
		out = append(out, fmt.Sprintf("left out %d %s by the mapping's filter (%s)",
			parsed.Filtered, plural(parsed.Filtered, "row", "rows"), opt.Filter))
	}
	if n := parsed.DuplicateCount; n > 0 {
		unit := "line"
		if parsed.Format == "JSON" {
			unit = "record"
		}
		pairs := make([]string, 0, shownLines)
		for i, d := range parsed.Duplicates {
			if i == shownLines {
				pairs = append(pairs, fmt.Sprintf("and %d more", n-shownLines))
				break
			}
			pairs = append(pairs, fmt.Sprintf("%s %d repeats %s %d", unit, d.Line, unit, d.First))
		}
		what := "imported all the same; pass --dedupe to import such rows once"
		if opt.Dedupe {
			what = "not imported again (--dedupe)"
		}
		out = append(out, fmt.Sprintf("%d %s an earlier row exactly (%s): %s",
			n, plural(n, "row repeats", "rows repeat"), strings.Join(pairs, ", "), what))
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Import reads one CSV export and writes its records in one transaction:
// all or nothing unless SkipBad, and a no-op for records already present
// with the same values. The file is parsed and written as it streams, so
// memory stays flat whatever its size. Every committed import is recorded
// in the imports table with the file's SHA-256, and the monthly roll-up is
// brought up to date in the same transaction.
func (d *Desk) Import(ctx context.Context, file string, r io.Reader, opt ImportOptions) (*ImportResult, error) {
	hours := store.DefaultBusinessHours()
	if opt.Hours != nil {
		hours = *opt.Hours
	}
	if hours.Zone == nil {
		hours.Zone = time.UTC
	}
	tx, err := d.Store.BeginImport(ctx, string(opt.Kind))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	defer tx.Close()
	if res, ok, err := d.importUnchanged(tx, file, r, opt); ok || err != nil {
		return res, err
	}
	res := &ImportResult{File: file, Kind: opt.Kind}
	w, err := newRecordWriter(tx, file, opt, hours, res)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	sum := sha256.New()
	tee := io.TeeReader(r, sum)
	parsed, err := importer.Parse(file, tee, importer.Options{
		Kind: opt.Kind, Preset: opt.Preset, DateOrder: opt.DateOrder, Location: hours.Zone,
		Currency: opt.Currency, ClientDomains: opt.ClientDomains, KeepRejects: opt.SkipBad,
		Filter: opt.Filter, Dedupe: opt.Dedupe, Client: opt.Client, Taken: opt.Taken,
	}, w.write)
	if err != nil {
		return nil, err
	}
	if err := w.flush(); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if _, err := io.Copy(io.Discard, tee); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	res.SHA256 = hex.EncodeToString(sum.Sum(nil))
	res.Parse = parsed
	res.Preset = parsed.Preset.Name
	res.Recognized = parsed.Recognized
	res.Rows = parsed.Rows
	res.Records = parsed.Records
	res.Rejected = parsed.RejectCount
	counts := tx.Counts()
	res.New, res.Updated, res.Unchanged = counts.New, counts.Updated, counts.Unchanged
	res.Notes = append(res.Notes, parsed.Notes...)
	res.Notes = append(res.Notes, readNotes(parsed, opt)...)
	res.Notes = append(res.Notes, w.notes()...)
	res.Notes = append(res.Notes, w.orphans.note(filepath.Base(file))...)
	if parsed.ErrorCount > 0 && !opt.SkipBad {
		return res, &ImportFailedError{Result: res}
	}
	derivePaid := opt.Kind == importer.KindInvoices || opt.Kind == importer.KindPayments
	if res.DerivedPaid, err = tx.Finish(derivePaid); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	res.PreviousImport, err = tx.Record(store.Import{Kind: string(opt.Kind), File: filepath.Base(file), SHA256: res.SHA256,
		Preset: res.Preset, Rows: res.Rows, New: res.New, Unchanged: res.Unchanged, Rejected: res.Rejected, At: tx.Now(),
		OptionsSHA256: optionsFingerprint(opt)})
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if opt.DryRun {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	res.Written = true
	return res, nil
}
