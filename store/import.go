package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"offboard/importer"
)

// ImportOptions control one import of one file.
type ImportOptions struct {
	Kind importer.Kind
	// Preset reads the file; nil recognises one from the header row.
	Preset        *importer.Preset
	DateOrder     importer.DateOrder
	ClientDomains map[string]string
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
	// Hours judges tickets whose export says nothing of after hours, and
	// its zone places times exported without one; nil means
	// DefaultBusinessHours.
	Hours *BusinessHours
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
	return fmt.Sprintf("%s: %d %s; nothing was imported (fix the file, or pass --skip-bad to import the good rows)\n%v",
		e.Result.File, n, plural(n, "error", "errors"), e.Result.Parse.Err())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Import reads one CSV export and writes its records in one transaction:
// all or nothing unless SkipBad, and a no-op for records already present
// with the same values. Every committed import is recorded in the imports
// table with the file's SHA-256, and the monthly roll-up is brought up to
// date in the same transaction.
func (s *Store) Import(ctx context.Context, file string, r io.Reader, opt ImportOptions) (*ImportResult, error) {
	hours := DefaultBusinessHours()
	if opt.Hours != nil {
		hours = *opt.Hours
	}
	if hours.Zone == nil {
		hours.Zone = time.UTC
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	defer conn.Close()
	restore, err := tuneForImport(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	defer restore()
	tx, err := s.Begin(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	defer func() { _ = tx.Rollback() }()
	res := &ImportResult{File: file, Kind: opt.Kind}
	w, err := newImportWriter(ctx, tx, file, opt, hours, s.now(), res)
	if err != nil {
		return nil, err
	}
	defer w.stop()
	sum := sha256.New()
	tee := io.TeeReader(r, sum)
	parsed, err := importer.Parse(file, tee, importer.Options{
		Kind: opt.Kind, Preset: opt.Preset, DateOrder: opt.DateOrder, Location: hours.Zone,
		Currency: opt.Currency, ClientDomains: opt.ClientDomains, KeepRejects: opt.SkipBad,
	}, w.write)
	if err != nil {
		return nil, err
	}
	if err := w.flush(); err != nil {
		return nil, err
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
	res.Notes = append(res.Notes, w.notes()...)
	if parsed.ErrorCount > 0 && !opt.SkipBad {
		return res, &ImportFailedError{Result: res}
	}
	if err := w.finish(); err != nil {
		return nil, err
	}
	var prev sql.NullString
	if err := tx.QueryRowContext(ctx, "SELECT max(imported_at) FROM imports WHERE sha256 = ? AND kind = ?",
		res.SHA256, string(opt.Kind)).Scan(&prev); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if prev.Valid {
		res.PreviousImport, _ = time.Parse(time.RFC3339, prev.String)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO imports (kind, file_name, sha256, preset, rows_total, rows_new,
        rows_unchanged, rows_rejected, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(opt.Kind), filepath.Base(file), res.SHA256, res.Preset, res.Rows, res.New, res.Unchanged,
		res.Rejected, Timestamp(s.now())); err != nil {
		return nil, fmt.Errorf("import %s: record the import: %w", file, err)
	}
	if opt.DryRun {
		return res, nil
	}
	if err := s.sealLedger(ctx, tx); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("import %s: commit: %w", file, err)
	}
	res.Written = true
	return res, nil
}

// importCacheKiB is the page cache an import works with. A million-row
// import touches far more pages than SQLite's default 2 MiB holds; with the
// default it spends most of its time re-reading evicted pages.
const importCacheKiB = 256 << 10

// tuneForImport readies the import's own connection for a bulk load and
// returns a function that puts it back before it returns to the pool: a
// large page cache; temporary files in memory, because every multi-row
// INSERT keeps a statement journal of the pages it changes, to undo itself
// alone if a row breaks a constraint, and on disk that is a write per page;
// and foreign keys unchecked, because the writer only ever writes client and
// ticket ids it has just read or inserted in the same transaction (the
// import tests check foreign_key_check stays empty). None of these touches
// the transaction's own journal: the import stays all or nothing.
func tuneForImport(ctx context.Context, conn *sql.Conn) (func(), error) {
	var cache, temp int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return nil, err
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return nil, err
	}
	for _, p := range []string{fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB), "PRAGMA temp_store = MEMORY",
		"PRAGMA foreign_keys = OFF"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return nil, err
		}
	}
	return func() {
		ctx := context.Background()
		_, _ = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
		_, _ = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA temp_store = %d", temp))
		_, _ = conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
	}, nil
}

// Import is one row of the imports table.
type Import struct {
	Kind, File, SHA256, Preset     string
	Rows, New, Unchanged, Rejected int
	At                             time.Time
}

// Imports lists the recorded imports, newest first, so the owner can see
// what data a score stands on.
func (s *Store) Imports(ctx context.Context) ([]Import, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, file_name, sha256, preset, rows_total, rows_new, rows_unchanged,
        rows_rejected, imported_at FROM imports ORDER BY imported_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer rows.Close()
	var out []Import
	for rows.Next() {
		var im Import
		var at string
		if err := rows.Scan(&im.Kind, &im.File, &im.SHA256, &im.Preset, &im.Rows, &im.New, &im.Unchanged, &im.Rejected, &at); err != nil {
			return nil, fmt.Errorf("list imports: %w", err)
		}
		im.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, im)
	}
	return out, rows.Err()
}

// outcome is what writing one record did.
type outcome int

const (
	unchanged outcome = iota
	inserted
	updated
	// queued records are written with others later; flush counts them.
	queued
)

// importWriter writes records of one kind inside the import's transaction.
type importWriter struct {
	ctx     context.Context
	tx      *sql.Tx
	file    string
	opt     ImportOptions
	hours   BusinessHours
	now     time.Time
	res     *ImportResult
	clients *clientIndex
	tickets map[string][]ticketLink
	stmts   map[string]*sql.Stmt
	roll    *MonthSums
	times   *timeBatch
	// records counts the records written or queued so far.
	records int
	// unknownPriorities counts priority values read as "normal".
	unknownPriorities map[string]int
	// rebuildIndexes restores indexes dropped for a bulk load.
	rebuildIndexes func() error
}

type ticketLink struct {
	id, clientID int64
	outOfScope   bool
}

func newImportWriter(ctx context.Context, tx *sql.Tx, file string, opt ImportOptions, hours BusinessHours, now time.Time, res *ImportResult) (*importWriter, error) {
	w := &importWriter{ctx: ctx, tx: tx, file: file, opt: opt, hours: hours, now: now, res: res,
		stmts: map[string]*sql.Stmt{}, roll: NewMonthSums(), unknownPriorities: map[string]int{}}
	var err error
	if w.clients, err = loadClientIndex(ctx, tx); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if opt.Kind == importer.KindTime {
		if w.tickets, err = loadTicketLinks(ctx, tx); err != nil {
			return nil, fmt.Errorf("import %s: %w", file, err)
		}
		if w.times, err = newTimeBatch(ctx, tx); err != nil {
			return nil, fmt.Errorf("import %s: %w", file, err)
		}
	}
	if w.rebuildIndexes, err = deferIndexes(ctx, tx, kindTables[opt.Kind]); err != nil {
		return nil, fmt.Errorf("import %s: %w", file, err)
	}
	if w.times != nil {
		go w.insertBatches()
	}
	return w, nil
}

func loadTicketLinks(ctx context.Context, tx *sql.Tx) (map[string][]ticketLink, error) {
	// Tickets without an id are found by their content key, which an
	// offboard export writes in their place.
	rows, err := tx.QueryContext(ctx, "SELECT id, client_id, out_of_scope, coalesce(external_id, source_hash) FROM tickets WHERE coalesce(external_id, source_hash) IS NOT NULL")
	if err != nil {
		return nil, fmt.Errorf("read tickets: %w", err)
	}
	defer rows.Close()
	out := map[string][]ticketLink{}
	for rows.Next() {
		var l ticketLink
		var ext string
		if err := rows.Scan(&l.id, &l.clientID, &l.outOfScope, &ext); err != nil {
			return nil, fmt.Errorf("read tickets: %w", err)
		}
		out[ext] = append(out[ext], l)
	}
	return out, rows.Err()
}

// stmt prepares a statement once per import.
func (w *importWriter) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("import %s: prepare: %w", w.file, err)
	}
	w.stmts[query] = st
	return st, nil
}

// upsert inserts a row or, when its natural key exists, updates it if any
// value differs. The update's WHERE clause must match only a row whose
// values differ, so that zero rows affected means unchanged.
func (w *importWriter) upsert(insert string, insertArgs []any, update string, updateArgs []any) (outcome, error) {
	if ok, err := w.insert(insert, insertArgs); ok || err != nil {
		return inserted, err
	}
	return w.update(update, updateArgs)
}

// insert runs an INSERT ... ON CONFLICT DO NOTHING and reports whether it
// wrote a row.
func (w *importWriter) insert(query string, args []any) (bool, error) {
	st, err := w.stmt(query)
	if err != nil {
		return false, err
	}
	r, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// update runs an UPDATE that matches only a row whose values differ.
func (w *importWriter) update(query string, args []any) (outcome, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	r, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		return 0, err
	}
	if n, err := r.RowsAffected(); n == 0 || err != nil {
		return unchanged, err
	}
	return updated, nil
}

// owner returns the client of the existing row a query selects, before an
// update may move the row to another client.
func (w *importWriter) owner(query string, args ...any) (int64, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := st.QueryRowContext(w.ctx, args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

// write is the parser's emit function: it writes one record, or returns a
// row error to reject it.
func (w *importWriter) write(rec importer.Record) error {
	var out outcome
	var err error
	switch r := rec.(type) {
	case importer.ClientRecord:
		out, err = w.client(r)
	case importer.TicketRecord:
		out, err = w.ticket(r)
	case importer.TimeRecord:
		out, err = w.timeEntry(r)
	case importer.InvoiceRecord:
		out, err = w.invoice(r)
	case importer.PaymentRecord:
		out, err = w.payment(r)
	case importer.IncidentRecord:
		out, err = w.incident(r)
	case importer.SecurityRecord:
		out, err = w.security(r)
	case importer.UpgradeRecord:
		out, err = w.upgrade(r)
	case importer.PlanRecord:
		out, err = w.plan(r)
	case importer.SettingRecord:
		out, err = w.setting(r)
	default:
		return fmt.Errorf("import %s: unexpected record %T", w.file, rec)
	}
	if err != nil {
		if importer.IsRowError(err) {
			return err
		}
		return fmt.Errorf("import %s line %d: %w", w.file, rec.Line(), err)
	}
	w.count(out)
	w.records++
	if w.opt.OnRecord != nil {
		w.opt.OnRecord(w.records)
	}
	if w.times != nil && len(w.times.next.rows) == timeBatchRows {
		return w.sendTimes()
	}
	return nil
}

// count adds a record's outcome to the result.
func (w *importWriter) count(out outcome) {
	switch out {
	case inserted:
		w.res.New++
	case updated:
		w.res.Updated++
	case unchanged:
		w.res.Unchanged++
	}
}

func (w *importWriter) rowErr(line int, column, format string, args ...any) error {
	return &importer.RowError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf(format, args...)}
}

// flush writes the records still queued and waits until they are written.
func (w *importWriter) flush() error {
	if w.times == nil {
		return nil
	}
	if err := w.sendTimes(); err != nil {
		return err
	}
	if err := w.times.finish(); err != nil {
		return err
	}
	w.roll.merge(w.times.back)
	return nil
}

// stop ends the writer's goroutine if the import ended before flush.
func (w *importWriter) stop() {
	if w.times != nil {
		_ = w.times.finish()
	}
}

// finish derives paid dates from payments and brings the roll-up up to
// date.
func (w *importWriter) finish() error {
	if err := w.rebuildIndexes(); err != nil {
		return fmt.Errorf("import %s: %w", w.file, err)
	}
	if w.opt.Kind == importer.KindInvoices || w.opt.Kind == importer.KindPayments {
		ids, err := derivePaidDates(w.ctx, w.tx)
		if err != nil {
			return fmt.Errorf("import %s: %w", w.file, err)
		}
		w.res.DerivedPaid = len(ids)
		w.roll.markDirty(ids...)
	}
	if err := w.roll.Apply(w.ctx, w.tx); err != nil {
		return fmt.Errorf("import %s: %w", w.file, err)
	}
	return nil
}

func (w *importWriter) notes() []string {
	var out []string
	if len(w.res.CreatedClients) > 0 {
		out = append(out, fmt.Sprintf("added %d %s: %s", len(w.res.CreatedClients),
			plural(len(w.res.CreatedClients), "client", "clients"), strings.Join(w.res.CreatedClients, ", ")))
	}
	if len(w.unknownPriorities) > 0 {
		var ps []string
		for p, n := range w.unknownPriorities {
			ps = append(ps, fmt.Sprintf("%q (%d)", p, n))
		}
		sort.Strings(ps)
		out = append(out, "priorities read as normal: "+strings.Join(ps, ", "))
	}
	return out
}

// derivePaidDates fills in the paid date of invoices the exports left
// unpaid, as the date of the payment that brought the payments for the
// invoice up to its amount, and returns the clients whose invoices changed.
func derivePaidDates(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `
WITH run AS (
    SELECT invoice_number, paid_on,
           sum(amount_minor) OVER (PARTITION BY invoice_number ORDER BY paid_on, id) AS total
    FROM payments WHERE invoice_number <> ''
),
done AS (
    SELECT r.invoice_number, min(r.paid_on) AS paid_on
    FROM run r JOIN invoices i ON i.number = r.invoice_number
    WHERE i.paid_on IS NULL AND i.amount_minor > 0 AND r.total >= i.amount_minor
    GROUP BY r.invoice_number
)
UPDATE invoices SET paid_on = done.paid_on, balance_minor = 0
FROM done WHERE invoices.number = done.invoice_number
RETURNING invoices.client_id`)
	if err != nil {
		return nil, fmt.Errorf("derive paid dates: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("derive paid dates: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// clientIndex finds clients by external id, normalised name or the domain of
// their contact email, loaded once per import.
type clientIndex struct {
	ext      map[int64]string
	byExt    map[string]int64
	byKey    map[string][]int64
	byDomain map[string][]int64
	zone     map[int64]*time.Location
	currency map[int64]string
	resolved map[importer.ClientRef]int64
}

func loadClientIndex(ctx context.Context, tx *sql.Tx) (*clientIndex, error) {
	ix := &clientIndex{ext: map[int64]string{}, byExt: map[string]int64{}, byKey: map[string][]int64{},
		byDomain: map[string][]int64{}, zone: map[int64]*time.Location{}, currency: map[int64]string{},
		resolved: map[importer.ClientRef]int64{}}
	rows, err := tx.QueryContext(ctx, "SELECT id, coalesce(external_id, ''), name_key, contact_email, time_zone, currency FROM clients")
	if err != nil {
		return nil, fmt.Errorf("read clients: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var ext, key, email, zone, currency string
		if err := rows.Scan(&id, &ext, &key, &email, &zone, &currency); err != nil {
			return nil, fmt.Errorf("read clients: %w", err)
		}
		ix.add(id, ext, key, email, zone, currency)
	}
	return ix, rows.Err()
}

func (ix *clientIndex) add(id int64, ext, key, email, zone, currency string) {
	if ext != "" {
		ix.byExt[ext] = id
		ix.ext[id] = ext
	}
	ix.byKey[key] = append(ix.byKey[key], id)
	if _, domain, ok := strings.Cut(email, "@"); ok {
		d := strings.ToLower(domain)
		ix.byDomain[d] = append(ix.byDomain[d], id)
	}
	if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
		ix.zone[id] = loc
	}
	ix.currency[id] = currency
}

// resolveClient finds the client a record names: by external id, else by
// normalised name, else by email domain; or adds it with CreateClients.
func (w *importWriter) resolveClient(ref importer.ClientRef, line int) (int64, error) {
	ix := w.clients
	if id, ok := ix.resolved[ref]; ok {
		return id, nil
	}
	id, err := w.lookupClient(ref, line)
	if err == nil {
		ix.resolved[ref] = id
	}
	return id, err
}

func (w *importWriter) lookupClient(ref importer.ClientRef, line int) (int64, error) {
	ix := w.clients
	if id, ok := ix.byExt[ref.ExternalID]; ok && ref.ExternalID != "" {
		return id, nil
	}
	pick := func(ids []int64, what string) (int64, bool, error) {
		switch len(ids) {
		case 0:
			return 0, false, nil
		case 1:
			return ids[0], true, nil
		}
		return 0, false, w.rowErr(line, "", "%s matches %d clients; give the client's id instead", what, len(ids))
	}
	if ref.Name != "" {
		if id, ok, err := pick(ix.byKey[importer.NormalizeName(ref.Name)], fmt.Sprintf("client %q", ref.Name)); ok || err != nil {
			return id, err
		}
	}
	if ref.EmailDomain != "" {
		if id, ok, err := pick(ix.byDomain[ref.EmailDomain], fmt.Sprintf("email domain %q", ref.EmailDomain)); ok || err != nil {
			return id, err
		}
	}
	if !w.opt.CreateClients {
		return 0, w.rowErr(line, "", "unknown client %s; import clients first, map the domain in a mapping file, or pass --create-clients", describeRef(ref))
	}
	c := Client{ExternalID: ref.ExternalID, Name: ref.Name}
	if c.Name == "" {
		c.Name = ref.EmailDomain
	}
	if c.Name == "" {
		c.Name = ref.ExternalID
	}
	if ref.EmailDomain != "" {
		c.ContactEmail = "@" + ref.EmailDomain
	}
	id, err := InsertClient(w.ctx, w.tx, c, w.now)
	if err != nil {
		return 0, err
	}
	ix.add(id, c.ExternalID, NormalizeName(c.Name), c.ContactEmail, "", "USD")
	w.res.CreatedClients = append(w.res.CreatedClients, c.Name)
	return id, nil
}

func describeRef(ref importer.ClientRef) string {
	var parts []string
	if ref.Name != "" {
		parts = append(parts, fmt.Sprintf("%q", ref.Name))
	}
	if ref.ExternalID != "" {
		parts = append(parts, fmt.Sprintf("id %q", ref.ExternalID))
	}
	if ref.EmailDomain != "" {
		parts = append(parts, fmt.Sprintf("email domain %q", ref.EmailDomain))
	}
	return strings.Join(parts, ", ")
}
