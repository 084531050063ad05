package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// sniffRecords is how many records may precede the header row.
const sniffRecords = 40

// Row is one record of a CSV file with the physical line it starts on, so an
// error in a record holding a quoted newline still points at the right line.
type Row struct {
	Line   int
	Values []string
}

// Reader reads a CSV export as found in the wild: lines before the header,
// a byte-order mark, ";" or tab delimiters, CRLF line ends, quoted fields
// holding newlines, duplicate or blank header names and rows longer than
// the header.
type Reader struct {
	// File names the file in error messages.
	File string
	// Delimiter is the field separator found by sniffing.
	Delimiter rune
	// Header holds the column names as shown to the user: trimmed, blank
	// ones named "Column N", duplicates suffixed " (2)", and extended with
	// "Column N" for values beyond the header.
	Header []string
	// HeaderLine is the physical line of the header row.
	HeaderLine int
	// Encoding is "UTF-8", "UTF-16" for a file that starts with its
	// byte-order mark, or "Windows-1252" for a file that is not valid
	// UTF-8, as spreadsheets on Windows save CSV.
	Encoding string
	// Format is "CSV" or "JSON".
	Format string
	csv    *csv.Reader
	json   *jsonRecords
}

// KnownColumn reports whether a normalised header name belongs to some
// preset or mapping; the header row is the one naming the most of them.
type KnownColumn func(normalized string) bool

// NewReader finds the encoding, the delimiter and the header row of r and
// returns a reader positioned at the first data row.
func NewReader(file string, r io.Reader, known KnownColumn) (*Reader, error) {
	t, err := decodeText(file, r)
	if err != nil {
		return nil, err
	}
	return newCSVReader(file, t, known)
}

// newCSVReader reads decoded text as CSV.
func newCSVReader(file string, t *text, known KnownColumn) (*Reader, error) {
	delim, index, ok := sniff(t.prefix, known)
	if !ok {
		return nil, fmt.Errorf("%s: the file is empty", file)
	}
	cr := csv.NewReader(t.r)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd := &Reader{File: file, Delimiter: delim, Encoding: t.encoding, Format: "CSV", csv: cr}
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if err != nil {
			return nil, rd.wrap(err)
		}
		if i == index {
			rd.HeaderLine, _ = cr.FieldPos(0)
			rd.Header = headerNames(rec)
			if err := rd.checkNUL(rec); err != nil {
				return nil, fmt.Errorf("%w in its header row: is it a CSV file?", err)
			}
			return rd, nil
		}
	}
}

// DecimalComma reports whether the file's delimiter implies a locale that
// writes decimals with a comma.
func (r *Reader) DecimalComma() bool { return r.Delimiter == ';' }

// Read returns the next non-blank row, or io.EOF. Values are only valid
// until the next call.
func (r *Reader) Read() (Row, error) {
	if r.json != nil {
		return r.json.read()
	}
	for {
		rec, err := r.csv.Read()
		if err != nil {
			return Row{}, r.wrap(err)
		}
		line, _ := r.csv.FieldPos(0)
		if blank(rec) {
			continue
		}
		for len(r.Header) < len(rec) {
			r.Header = append(r.Header, "Column "+strconv.Itoa(len(r.Header)+1))
		}
		if err := r.checkNUL(rec); err != nil {
			return Row{}, err
		}
		return Row{Line: line, Values: rec}, nil
	}
}

// checkNUL refuses a record holding a NUL byte, naming the line and column
// where it is: no export writes one in text, so the file is binary, UTF-16
// without its byte-order mark, or damaged, and SQLite or a C library
// reading the value later would cut it short there.
func (r *Reader) checkNUL(rec []string) error {
	for i, v := range rec {
		at := strings.IndexByte(v, 0)
		if at < 0 {
			continue
		}
		line, col := r.csv.FieldPos(i)
		line += strings.Count(v[:at], "\n")
		if nl := strings.LastIndexByte(v[:at], '\n'); nl >= 0 {
			col = at - nl
		} else {
			col += at
		}
		return &RowError{File: r.File, Line: line, Column: r.Header[i],
			Msg: fmt.Sprintf("a NUL byte at byte %d of the line", col)}
	}
	return nil
}

func (r *Reader) wrap(err error) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &RowError{File: r.File, Line: pe.StartLine, Msg: "malformed CSV: " + pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", r.File, err)
}

// filled counts a record's non-blank values.
func filled(rec []string) int {
	n := 0
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// sniff tries each delimiter on the start of the file and picks the record
// naming the most known columns; ties go to the delimiter splitting the
// header into more fields, then to the earlier row. When no row names a
// known column, the first of the rows with the most non-blank values is
// the header (a data row leaves some blank more often than a header), so
// that a report's title lines above it (a company name, "Invoice List", a
// date range) are passed over and the user hears which columns could not
// be placed. A row holding a date or an amount is data, never the header.
func sniff(prefix []byte, known KnownColumn) (delim rune, index int, ok bool) {
	bestScore, bestFields := 0, 0
	widest, first, firstDelim := 0, 0, ','
	for _, d := range []rune{',', ';', '\t', '|'} {
		cr := csv.NewReader(bytes.NewReader(prefix))
		cr.Comma = d
		cr.FieldsPerRecord = -1
		for i := 0; i < sniffRecords; i++ {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if i == 0 && len(rec) > first {
				first, firstDelim = len(rec), d
			}
			if blank(rec) || looksLikeData(rec) {
				continue
			}
			if w := filled(rec); w > widest && bestScore == 0 {
				widest, delim, index = w, d, i
			}
			score := 0
			for _, f := range rec {
				if known(NormalizeHeader(f)) {
					score++
				}
			}
			if score > bestScore || (score == bestScore && score > 0 && len(rec) > bestFields) {
				bestScore, bestFields, delim, index = score, len(rec), d, i
			}
		}
	}
	if widest == 0 {
		// Every row is data: the file has no header, and its first row
		// stands in for one so that the error names its values.
		return firstDelim, 0, first > 0
	}
	return delim, index, true
}

// dataCell matches the values a header row never holds: a date such as
// 2024-01-31 or 1/31/2024, or an amount with cents such as $1,020.00 or
// (400,00).
var dataCell = regexp.MustCompile(`^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b.*|\(?[-+]?[$€£]?\s?[-+]?\d[\d,.' ]*[.,]\d{2}\)?)$`)

// looksLikeData reports whether a record holds a date or an amount, which
// makes it a data row.
func looksLikeData(rec []string) bool {
	for _, v := range rec {
		if dataCell.MatchString(strings.TrimSpace(v)) {
			return true
		}
	}
	return false
}

// headerNames makes the header row's names unique and non-blank.
func headerNames(rec []string) []string {
	names := make([]string, len(rec))
	seen := map[string]int{}
	for i, h := range rec {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h == "" {
			h = "Column " + strconv.Itoa(i+1)
		}
		key := strings.ToLower(h)
		seen[key]++
		if n := seen[key]; n > 1 {
			h += " (" + strconv.Itoa(n) + ")"
		}
		names[i] = h
	}
	return names
}

// NormalizeHeader reduces a column name to the form presets match on:
// lower case, single spaces, without Autotask's "[required]" marker, a
// currency in parentheses, or punctuation other than "#" and "%".
func NormalizeHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	s = strings.TrimSpace(strings.TrimPrefix(s, "[required]"))
	if inner, ok := headerParen(s); ok && (inner == "$" || HeaderCurrency(s) != "") {
		s = s[:strings.LastIndexByte(s, '(')]
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '#' || r == '%' || r == '/' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && r != '\u00a0':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// HeaderCurrency returns the ISO code a column name states in parentheses,
// as in "Amount (EUR)" or "Total (€)", or "" when it names none. "($)" names
// no currency: many share the sign.
func HeaderCurrency(name string) string {
	inner, ok := headerParen(name)
	if !ok {
		return ""
	}
	if r := []rune(inner); len(r) == 1 {
		return currencySymbols[r[0]]
	}
	if up := strings.ToUpper(inner); isoCurrencies[up] {
		return up
	}
	return ""
}

// isoCurrencies are the codes recognised in a column name; a list, because
// "(min)" or "(hrs)" in a header are units, not currencies.
var isoCurrencies = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "CAD": true, "AUD": true, "NZD": true, "CHF": true,
	"JPY": true, "SEK": true, "NOK": true, "DKK": true, "PLN": true, "CZK": true, "HUF": true,
	"ZAR": true, "INR": true, "SGD": true, "HKD": true, "MXN": true, "BRL": true, "ILS": true,
	"AED": true, "ISK": true, "KRW": true, "RON": true, "TRY": true, "PHP": true,
}

// headerParen returns what a trailing "(...)" of a column name holds.
func headerParen(name string) (string, bool) {
	name = strings.TrimSpace(name)
	i := strings.LastIndexByte(name, '(')
	if i < 0 || !strings.HasSuffix(name, ")") {
		return "", false
	}
	return strings.TrimSpace(name[i+1 : len(name)-1]), true
}
