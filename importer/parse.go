package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"offboard/money"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// MaxEntryMinutes is the longest time entry read: a longer one is a typo
// (minutes in an hours column) more often than a day's work.
const MaxEntryMinutes = 24 * 60

// DefaultMaxErrors is how many errors a parse keeps in full; the rest are
// counted.
const DefaultMaxErrors = 50

// Options control how a file is parsed.
type Options struct {
	Kind Kind
	// Preset is the preset to read the file with; nil recognises one from
	// the header row.
	Preset *Preset
	// DateOrder overrides the preset's and the file's day/month order.
	DateOrder DateOrder
	// Location places times exported without a zone; nil is UTC.
	Location *time.Location
	// Currency is assumed where neither value nor header names one.
	Currency string
	// ClientDomains maps requester email domains to client names, added to
	// the preset's.
	ClientDomains map[string]string
	// Client names the client of every row that names none in a client
	// column, before its email domain or file name is tried: a report of
	// one client's tenant or site.
	Client string
	// Taken is the day a security report of accounts or devices was taken,
	// for reports that give no date (default: the newest date they give).
	Taken time.Time
	// MaxErrors caps the errors kept in the summary (DefaultMaxErrors if 0).
	MaxErrors int
	// KeepRejects keeps every rejected row, to write a rejects file;
	// otherwise the summary keeps as many as it keeps errors.
	KeepRejects bool
	// Filter selects the rows to read (a mapping's "only" and "skip").
	Filter *RowFilter
	// Dedupe reads a row that repeats an earlier one exactly, value for
	// value, only once; without it such rows are read and counted.
	Dedupe bool
}

// Duplicate is a row that repeats an earlier row of its file exactly.
type Duplicate struct {
	Line, First int
}

// Reject is a row that could not be read, with every reason.
type Reject struct {
	Line    int
	Values  []string
	Reasons []string
}

// Summary tells what a parse found.
type Summary struct {
	File   string
	Kind   Kind
	Preset *Preset
	// Recognized is true when the preset was picked from the header row.
	Recognized bool
	Header     []string
	// Rows counts the data rows read; Records the records emitted, which
	// is fewer than the rows when invoice line items are grouped.
	Rows    int
	Records int
	// Errors holds the first MaxErrors errors; ErrorCount counts them all.
	Errors     []error
	ErrorCount int
	// Rejects holds the rejected rows (all of them with KeepRejects);
	// RejectCount counts them all.
	Rejects     []Reject
	RejectCount int
	// DateOrders records, per column, the day/month order read from the
	// file when neither the options nor the preset fixed one.
	DateOrders map[string]DateOrder
	// Unused lists the header's columns the preset does not read.
	Unused []string
	// Encoding is the file's character encoding (see Reader.Encoding).
	Encoding string
	// TotalLines are the lines of report totals rows, which were skipped.
	TotalLines []int
	// Format is "CSV" or "JSON".
	Format string
	// Filtered counts the rows the options' filter left out.
	Filtered int
	// Duplicates holds the first MaxErrors rows that repeat an earlier one
	// exactly; DuplicateCount counts them all. With Options.Dedupe they
	// were not read.
	Duplicates     []Duplicate
	DuplicateCount int
	// Notes are what the user should know about the file that is not an
	// error.
	Notes []string
}

// Err returns an error summarising the parse's errors, or nil.
func (s *Summary) Err() error {
	if s.ErrorCount == 0 {
		return nil
	}
	msgs := make([]string, 0, len(s.Errors)+1)
	for _, e := range s.Errors {
		msgs = append(msgs, e.Error())
	}
	if more := s.ErrorCount - len(s.Errors); more > 0 {
		msgs = append(msgs, fmt.Sprintf("... and %d more errors", more))
	}
	return errors.New(strings.Join(msgs, "\n"))
}

func (s *Summary) addReject(r Reject, opt Options) {
	s.RejectCount++
	if opt.KeepRejects || len(s.Rejects) < opt.MaxErrors {
		s.Rejects = append(s.Rejects, r)
	}
}

func (s *Summary) addError(err error, max int) {
	s.ErrorCount++
	if len(s.Errors) < max {
		s.Errors = append(s.Errors, err)
	}
}

// Parse reads a CSV export of opt.Kind and calls emit with each record in
// file order (invoices once all their rows are read). Rows with bad values
// are not emitted: they are listed in the summary's Errors and Rejects, so
// the caller can refuse the whole file or skip them. Parse returns an error
// only when the file cannot be read at all: no header row, no preset that
// fits, or an error from emit.
func Parse(file string, r io.Reader, opt Options, emit func(Record) error) (*Summary, error) {
	if opt.MaxErrors <= 0 {
		opt.MaxErrors = DefaultMaxErrors
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	known := knownColumns(PresetsFor(opt.Kind))
	if opt.Preset != nil {
		known = knownColumns([]*Preset{opt.Preset})
	}
	rd, err := openSource(file, r, known, opt)
	if err != nil {
		return nil, err
	}
	sum := &Summary{File: file, Kind: opt.Kind, Preset: opt.Preset, DateOrders: map[string]DateOrder{}, Encoding: rd.Encoding, Format: rd.Format}
	if sum.Preset == nil {
		if sum.Preset, err = Recognize(file, opt.Kind, rd.Header); err != nil {
			return nil, err
		}
		sum.Recognized = true
	} else if sum.Preset.Kind != opt.Kind {
		return nil, fmt.Errorf("%s: preset %s reads %s, not %s", file, sum.Preset.Name, sum.Preset.Kind, opt.Kind)
	}
	p, err := newRowParser(rd, sum.Preset, opt)
	if err != nil {
		return nil, err
	}
	sum.Unused = p.unused(rd.Header)
	var deferred []Row
	seen := newRowHashes()
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var re *RowError
			if errors.As(err, &re) {
				if row.Values != nil {
					sum.Rows++
				}
				sum.addError(err, opt.MaxErrors)
				sum.addReject(Reject{Line: re.Line, Values: row.Values, Reasons: []string{re.Error()}}, opt)
				continue
			}
			return nil, err
		}
		if totalsRow(row.Values) {
			sum.TotalLines = append(sum.TotalLines, row.Line)
			continue
		}
		if !p.filter.keep(row.Values) {
			sum.Filtered++
			continue
		}
		sum.Rows++
		if first, dup := seen.repeated(row); dup {
			sum.DuplicateCount++
			if len(sum.Duplicates) < opt.MaxErrors {
				sum.Duplicates = append(sum.Duplicates, Duplicate{Line: row.Line, First: first})
			}
			if opt.Dedupe {
				continue
			}
		}
		p.observe(row)
		rec, errs, ambiguous := p.parse(row, false)
		if ambiguous && len(errs) == 0 {
			deferred = append(deferred, Row{Line: row.Line, Values: append([]string(nil), row.Values...)})
			continue
		}
		if err := p.finish(sum, row, rec, errs, emit); err != nil {
			return nil, err
		}
	}
	for _, e := range p.conflicts() {
		sum.addError(e, opt.MaxErrors)
	}
	for _, row := range deferred {
		rec, errs, _ := p.parse(row, true)
		if err := p.finish(sum, row, rec, errs, emit); err != nil {
			return nil, err
		}
	}
	for col, o := range p.decidedOrders() {
		sum.DateOrders[col] = o
	}
	sum.Header = rd.Header
	if rd.json != nil {
		sum.Notes = append(sum.Notes, rd.json.notes()...)
	}
	sum.Notes = append(sum.Notes, p.termsNote()...)
	if err := p.flush(sum, emit); err != nil {
		return nil, err
	}
	// Rows held back for the file's date order, and invoices held until
	// all their lines were read, report out of order: put them back.
	sort.SliceStable(sum.Rejects, func(i, j int) bool { return sum.Rejects[i].Line < sum.Rejects[j].Line })
	sort.SliceStable(sum.Errors, func(i, j int) bool { return errorLine(sum.Errors[i]) < errorLine(sum.Errors[j]) })
	return sum, nil
}

// openSource opens a file as CSV or, when its content is JSON whatever its
// name, as the records of a JSON export read through a mapping; either in
// whichever encoding it was saved.
func openSource(file string, r io.Reader, known KnownColumn, opt Options) (*Reader, error) {
	t, err := decodeText(file, r)
	if err != nil {
		return nil, err
	}
	if IsJSON(t.prefix) {
		return newJSONReader(file, t, opt)
	}
	if opt.Preset != nil && opt.Preset.Records != nil {
		return nil, fmt.Errorf("%s: the mapping's \"records\" names the records of a JSON file, but this file is not JSON", file)
	}
	return newCSVReader(file, t, known)
}

// rowHashes remembers a 64-bit hash of each row read, with its line, to
// find rows that repeat an earlier one: a few dozen bytes a row. Two
// different rows share a hash about once in 10^7 files of a million rows;
// a repeat is reported with both lines, so the user can see it.
type rowHashes struct {
	seed maphash.Seed
	seen map[uint64]int32
}

func newRowHashes() *rowHashes { return &rowHashes{seed: maphash.MakeSeed(), seen: map[uint64]int32{}} }

// repeated reports whether a row repeats an earlier one value for value,
// ignoring surrounding spaces, and the line of the first.
func (h *rowHashes) repeated(row Row) (int, bool) {
	var mh maphash.Hash
	mh.SetSeed(h.seed)
	for _, v := range row.Values {
		mh.WriteString(strings.TrimSpace(v))
		mh.WriteByte(0x1f)
	}
	key := mh.Sum64()
	if first, ok := h.seen[key]; ok {
		return int(first), true
	}
	h.seen[key] = int32(row.Line)
	return 0, false
}

func errorLine(err error) int {
	var fe *FieldError
	var re *RowError
	switch {
	case errors.As(err, &fe):
		return fe.Line
	case errors.As(err, &re):
		return re.Line
	}
	return 0
}

// totalWords begin the totals rows that report exports end with.
var totalWords = map[string]bool{"total": true, "totals": true, "grand total": true, "sum": true, "summe": true, "gesamt": true}

// totalsRow reports whether a row is a report's totals line: its first
// non-blank cell says "Total".
func totalsRow(values []string) bool {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return totalWords[strings.TrimSuffix(strings.ToLower(v), ":")]
		}
	}
	return false
}

// ParseAll parses a whole file and returns its records.
func ParseAll(file string, r io.Reader, opt Options) ([]Record, *Summary, error) {
	var recs []Record
	sum, err := Parse(file, r, opt, func(rec Record) error {
		recs = append(recs, rec)
		return nil
	})
	return recs, sum, err
}

// rowParser turns rows into records of one kind through a preset's bindings.
type rowParser struct {
	file     string
	kind     Kind
	preset   *Preset
	opt      Options
	bind     map[string]binding
	nf       NumberFormat
	currency map[string]string
	domains  map[string]string
	// fileClient is the client named by the file name, if the preset
	// takes it from there.
	fileClient string
	dateCols   []int
	evidence   map[int]*orderEvidence
	firstSeen  map[int][2]int
	hashes     map[string]int
	groups     *groups
	// header is the file's header row; filter the options' filter placed
	// in it.
	header []string
	filter *boundFilter
	// unreadTerms counts the invoices' terms labels no rule reads.
	unreadTerms map[string]int
	// report gathers a security report of accounts or devices.
	report *securityReport

	// per row
	row       Row
	errs      []error
	final     bool
	ambiguous bool
}

func newRowParser(rd *Reader, preset *Preset, opt Options) (*rowParser, error) {
	b, missing, dups := preset.bind(indexHeader(rd.Header))
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: preset %s needs column(s) %s; the header has %s", rd.File, preset.Name, quoteList(missing), quoteList(rd.Header))
	}
	if len(dups) > 0 {
		return nil, duplicateError(rd.File, rd.HeaderLine, rd.Header, dups[0])
	}
	if err := checkKindColumns(rd.File, preset, b); err != nil {
		return nil, err
	}
	if err := checkReportDay(rd.File, preset, b, opt); err != nil {
		return nil, err
	}
	p := &rowParser{
		file: rd.File, kind: preset.Kind, preset: preset, opt: opt, bind: b,
		nf:       NumberFormat{DecimalComma: rd.DecimalComma()},
		currency: map[string]string{},
		domains:  map[string]string{},
		evidence: map[int]*orderEvidence{}, firstSeen: map[int][2]int{},
		hashes: map[string]int{},
		groups: newGroups(),
		header: rd.Header, unreadTerms: map[string]int{},
	}
	var err error
	if p.filter, err = bindFilter(rd.File, opt.Filter, rd.Header); err != nil {
		return nil, err
	}
	for d, c := range preset.ClientDomains {
		p.domains[strings.ToLower(d)] = c
	}
	for d, c := range opt.ClientDomains {
		p.domains[strings.ToLower(d)] = c
	}
	if preset.ClientFromFileName != nil {
		base := strings.TrimSuffix(filepath.Base(rd.File), filepath.Ext(rd.File))
		if m := preset.ClientFromFileName.FindStringSubmatch(base); m != nil {
			p.fileClient = m[1]
		}
	}
	for name, bd := range b {
		switch bd.field.Type {
		case TypeMoney:
			p.currency[name] = HeaderCurrency(bd.header)
		case TypeDate:
			p.dateCols = append(p.dateCols, bd.index)
			p.evidence[bd.index] = &orderEvidence{}
		}
	}
	return p, nil
}

// kindOneOf lists, per kind, fields of which at least one must be mapped:
// requirements a single required flag cannot say.
var kindOneOf = map[Kind][]string{
	KindTime:     {"hours", "minutes"},
	KindInvoices: {"amount", "amount_cents", "line_total", "line_cost"},
	KindPayments: {"amount", "amount_cents"},
}

// missingOneOf returns the kind's one-of fields when none is mapped.
func missingOneOf(k Kind, mapped func(field string) bool) []string {
	fields := kindOneOf[k]
	for _, f := range fields {
		if mapped(f) {
			return nil
		}
	}
	return fields
}

func checkKindColumns(file string, preset *Preset, b map[string]binding) error {
	if m := missingOneOf(preset.Kind, func(f string) bool { _, ok := b[f]; return ok }); m != nil {
		return fmt.Errorf("%s: preset %s: the file needs a column for one of %s", file, preset.Name, strings.Join(m, ", "))
	}
	return nil
}

func (p *rowParser) unused(header []string) []string {
	used := map[int]bool{}
	for _, bd := range p.bind {
		used[bd.index] = true
		for _, i := range bd.fallbacks {
			used[i] = true
		}
	}
	for _, i := range p.filter.indexes() {
		used[i] = true
	}
	var out []string
	for i, h := range header {
		if !used[i] {
			out = append(out, h)
		}
	}
	return out
}

// observe gathers day/month evidence from a row's dates.
func (p *rowParser) observe(row Row) {
	if p.fixedOrder() != DateOrderAuto {
		return
	}
	for _, i := range p.dateCols {
		if i >= len(row.Values) {
			continue
		}
		e := p.evidence[i]
		before := *e
		e.add(strings.TrimPrefix(strings.TrimSpace(row.Values[i]), "'"))
		fs := p.firstSeen[i]
		if e.dayFirst && !before.dayFirst {
			fs[0] = row.Line
		}
		if e.monthFirst && !before.monthFirst {
			fs[1] = row.Line
		}
		p.firstSeen[i] = fs
	}
}

func (p *rowParser) fixedOrder() DateOrder {
	if p.opt.DateOrder != DateOrderAuto {
		return p.opt.DateOrder
	}
	return p.preset.DateOrder
}

// orderFor gives the day/month order for a date column: fixed by option or
// preset, else shown by the column, else (once the whole file is read)
// shown by the file's other date columns.
func (p *rowParser) orderFor(col int) DateOrder {
	if o := p.fixedOrder(); o != DateOrderAuto {
		return o
	}
	if o, _ := p.evidence[col].order(); o != DateOrderAuto || !p.final {
		return o
	}
	var all orderEvidence
	for _, e := range p.evidence {
		all.dayFirst = all.dayFirst || e.dayFirst
		all.monthFirst = all.monthFirst || e.monthFirst
	}
	o, _ := all.order()
	return o
}

func (p *rowParser) decidedOrders() map[string]DateOrder {
	out := map[string]DateOrder{}
	if p.fixedOrder() != DateOrderAuto {
		return out
	}
	for _, bd := range p.bind {
		if e, ok := p.evidence[bd.index]; ok {
			if o, _ := e.order(); o != DateOrderAuto {
				out[bd.header] = o
			}
		}
	}
	return out
}

// conflicts reports date columns holding both day-first and month-first
// dates, which no single order can read.
func (p *rowParser) conflicts() []error {
	var out []error
	for _, f := range Fields(p.kind) {
		bd, ok := p.bind[f.Name]
		if !ok || f.Type != TypeDate {
			continue
		}
		if _, conflict := p.evidence[bd.index].order(); conflict {
			fs := p.firstSeen[bd.index]
			out = append(out, &RowError{File: p.file, Line: min(fs[0], fs[1]), Column: bd.header,
				Msg: fmt.Sprintf("has day-first dates (line %d) and month-first dates (line %d); fix the file or pass --date-order", fs[0], fs[1])})
		}
	}
	return out
}

// finish emits a parsed record or rejects its row.
func (p *rowParser) finish(sum *Summary, row Row, rec Record, errs []error, emit func(Record) error) error {
	if len(errs) == 0 && rec != nil {
		err := emit(rec)
		if !IsRowError(err) {
			if err == nil {
				sum.Records++
			}
			return err
		}
		errs = []error{err}
	}
	if len(errs) == 0 {
		return nil
	}
	rj := Reject{Line: row.Line, Values: append([]string(nil), row.Values...)}
	for _, e := range errs {
		sum.addError(e, p.opt.MaxErrors)
		rj.Reasons = append(rj.Reasons, e.Error())
	}
	sum.addReject(rj, p.opt)
	return nil
}

// termsNote names the terms labels no rule could read: their invoices fall
// due on the client's default terms, else on the day of issue.
func (p *rowParser) termsNote() []string {
	if len(p.unreadTerms) == 0 {
		return nil
	}
	labels := make([]string, 0, len(p.unreadTerms))
	for l, n := range p.unreadTerms {
		labels = append(labels, fmt.Sprintf("%q (%d)", l, n))
	}
	sort.Strings(labels)
	return []string{"payment terms not understood, so those invoices fall due on the client's default terms, else on the day of issue: " + strings.Join(labels, ", ")}
}

// IsRowError reports whether err is about one row (a *FieldError or a
// *RowError). An emit function returns such an error to reject the record
// it was given, for reasons only the writer knows, such as an unknown client.
func IsRowError(err error) bool {
	var fe *FieldError
	var re *RowError
	return err != nil && (errors.As(err, &fe) || errors.As(err, &re))
}

// flush emits what was held back until the end: records gathered from
// several rows.
func (p *rowParser) flush(sum *Summary, emit func(Record) error) error {
	for _, g := range p.groups.order {
		if err := p.finish(sum, Row{Line: g.line, Values: g.values}, g.finish(), nil, emit); err != nil {
			return err
		}
	}
	return nil
}

// builders read one row of each kind into its record.
var builders = map[Kind]func(*rowParser) Record{
	KindSettings:  (*rowParser).setting,
	KindClients:   (*rowParser).client,
	KindTickets:   (*rowParser).ticket,
	KindTime:      (*rowParser).timeEntry,
	KindInvoices:  (*rowParser).invoice,
	KindPayments:  (*rowParser).payment,
	KindIncidents: (*rowParser).incident,
	KindSecurity:  (*rowParser).security,
	KindUpgrades:  (*rowParser).upgrade,
	KindPlans:     (*rowParser).plan,
}

// parse reads one row. With final false, a date whose day/month order the
// file has not yet shown sets ambiguous instead of failing, so the row can
// wait for the rest of the file.
func (p *rowParser) parse(row Row, final bool) (Record, []error, bool) {
	p.row, p.errs, p.final, p.ambiguous = row, nil, final, false
	rec := builders[p.kind](p)
	if p.ambiguous && !final {
		return nil, p.errs, true
	}
	return rec, p.errs, false
}

// raw returns a field's value in the current row and its column name: the
// first column bound to the field, or the first of a mapping's fallbacks
// with a value where that one is blank.
func (p *rowParser) raw(field string) (string, string, bool) {
	bd, ok := p.bind[field]
	if !ok {
		return "", "", false
	}
	v := p.cell(bd.index)
	for _, i := range bd.fallbacks {
		if unguard(v) != "" {
			break
		}
		if alt := p.cell(i); unguard(alt) != "" {
			return alt, p.header[i], true
		}
	}
	return v, bd.header, true
}

// cell returns a column's trimmed value in the current row, blank past its
// end.
func (p *rowParser) cell(i int) string {
	if i >= len(p.row.Values) {
		return ""
	}
	return strings.TrimSpace(p.row.Values[i])
}

// value returns a field's value and column when the row has one: the field
// is mapped and the cell is not blank.
func (p *rowParser) value(field string) (string, string, bool) {
	v, col, ok := p.raw(field)
	return v, col, ok && unguard(v) != ""
}

func (p *rowParser) fail(err error, column, value string) {
	p.errs = append(p.errs, asFieldError(err, p.file, p.row.Line, column, value))
}

func (p *rowParser) require(field string) {
	v, col, ok := p.raw(field)
	if ok && unguard(v) == "" {
		p.errs = append(p.errs, &RowError{File: p.file, Line: p.row.Line, Column: col, Msg: "a value is required"})
	}
}

func (p *rowParser) text(field string) string {
	v, _, _ := p.raw(field)
	return unguard(v)
}

func (p *rowParser) date(field string) (DateTime, bool) {
	v, col, ok := p.value(field)
	if !ok {
		return DateTime{}, false
	}
	dt, err := ParseDate(v, p.orderFor(p.bind[field].index), p.opt.Location)
	if err != nil {
		var ve *errValue
		if !p.final && errors.As(err, &ve) && ve.reason == reasonAmbiguous {
			p.ambiguous = true
			return DateTime{}, false
		}
		p.fail(err, col, v)
		return DateTime{}, false
	}
	return dt, true
}

// when returns a date field's instant, or the zero time when the row has
// none or it could not be read.
func (p *rowParser) when(field string) time.Time {
	dt, _ := p.date(field)
	return dt.Time
}

func (p *rowParser) money(field string) (money.Money, bool) {
	v, col, ok := p.value(field)
	if !ok {
		return money.Money{}, false
	}
	cur := p.currency[field]
	if cur == "" {
		cur = p.opt.Currency
	}
	nf := p.nf
	nf.Cents = p.bind[field].field.Type == TypeCents
	m, err := ParseMoney(v, nf, cur)
	if err != nil {
		p.fail(err, col, v)
		return money.Money{}, false
	}
	return m, true
}

// amount reads a money field given as an amount or in cents.
func (p *rowParser) amount(field, centsField string) (money.Money, bool) {
	if m, ok := p.money(field); ok {
		return m, true
	}
	return p.money(centsField)
}

// duration reads a duration field in seconds.
func (p *rowParser) duration(field string) (int, bool) {
	v, col, ok := p.value(field)
	if !ok {
		return 0, false
	}
	secs, err := ParseDuration(v, p.nf.DecimalComma, p.bind[field].field.Type == TypeMinutes)
	if err == nil && secs > MaxEntryMinutes*60 {
		err = valueErr("a duration", "more than 24 hours in one entry")
	}
	if err != nil {
		p.fail(err, col, v)
		return 0, false
	}
	return secs, true
}

func (p *rowParser) integer(field string) int {
	v, col, ok := p.value(field)
	if !ok {
		return 0
	}
	n, err := ParseInt(v)
	if err != nil {
		p.fail(err, col, v)
	}
	return int(n)
}

func (p *rowParser) decimal(field string, digits int) (int64, bool) {
	v, col, ok := p.value(field)
	if !ok {
		return 0, false
	}
	n, err := parseDecimal(unguard(v), p.nf.DecimalComma, digits)
	if err != nil {
		p.fail(valueErr("a number", ""), col, v)
		return 0, false
	}
	return n, true
}

func (p *rowParser) boolean(field string) *bool {
	v, col, ok := p.value(field)
	if !ok {
		return nil
	}
	b, err := ParseBool(v)
	if err != nil {
		p.fail(err, col, v)
		return nil
	}
	return &b
}

func (p *rowParser) percent(field string) float64 {
	v, col, ok := p.value(field)
	if !ok {
		return 0
	}
	f, err := ParsePercent(v, p.nf.DecimalComma)
	if err != nil {
		p.fail(err, col, v)
	}
	return f
}

// clientRef reads the client columns, falling back to the requester's email
// domain and then to the file name. needed says whether a record of this
// kind must name its client.
func (p *rowParser) clientRef(needed bool) ClientRef {
	ref := ClientRef{ExternalID: p.text("client_id"), Name: p.text("client")}
	if ref.IsZero() {
		ref.Name = p.opt.Client
	}
	if ref.Name == "" {
		email := p.text("requester_email")
		if email == "" {
			email = p.text("account")
		}
		if email != "" {
			if _, domain, ok := strings.Cut(email, "@"); ok {
				domain = strings.ToLower(strings.TrimSpace(domain))
				if name, ok := p.domains[domain]; ok {
					ref.Name = name
				} else {
					ref.EmailDomain = domain
				}
			}
		}
	}
	if ref.IsZero() && p.fileClient != "" {
		ref.Name = p.fileClient
	}
	if ref.IsZero() && needed {
		col := "client"
		if _, c, ok := p.raw("client"); ok {
			col = c
		} else if _, c, ok := p.raw("client_id"); ok {
			col = c
		}
		p.errs = append(p.errs, &RowError{File: p.file, Line: p.row.Line, Column: col, Msg: "no client: the row names none"})
	}
	return ref
}

// contentKey hashes a record's values into a natural key for rows that have
// no id. Identical rows in one file are told apart by their occurrence, so
// two equal time entries stay two entries and a re-import matches both.
func (p *rowParser) contentKey(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0x1f})
	}
	key := "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
	n := p.hashes[key]
	p.hashes[key] = n + 1
	if n > 0 {
		key += fmt.Sprintf("#%d", n+1)
	}
	return key
}

// key returns a record's natural key: its id, else a content key over the
// values parts returns, which are only gathered for rows without an id.
func (p *rowParser) key(id string, parts func() []string) string {
	if id != "" {
		return id
	}
	return p.contentKey(parts()...)
}

func refKey(c ClientRef) string {
	return c.ExternalID + "|" + NormalizeName(c.Name) + "|" + c.EmailDomain
}

func dateKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func (p *rowParser) source(key string) Source { return Source{NaturalKey: key, SourceLine: p.row.Line} }
