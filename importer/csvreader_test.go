package importer

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func knownSet(names ...string) KnownColumn {
	set := map[string]bool{}
	for _, n := range names {
		set[NormalizeHeader(n)] = true
	}
	return func(n string) bool { return set[n] }
}

func readAll(t *testing.T, rd *Reader) []Row {
	t.Helper()
	var rows []Row
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, Row{Line: row.Line, Values: append([]string(nil), row.Values...)})
	}
}

func TestReader(t *testing.T) {
	known := knownSet("Date", "Client", "Hours", "Notes", "Amount")
	tests := []struct {
		name       string
		in         string
		delim      rune
		header     []string
		headerLine int
		lines      []int
		first      []string
	}{
		{
			name:  "banner, blank line and section label before the header",
			in:    "Time Report\nJan 2024\n\nDetailed entries\nDate,Client,Hours\n2024-01-15,Acme,1.5\n",
			delim: ',', header: []string{"Date", "Client", "Hours"}, headerLine: 5, lines: []int{6},
			first: []string{"2024-01-15", "Acme", "1.5"},
		},
		{
			name:  "byte-order mark and CRLF",
			in:    "\ufeffDate,Client,Hours\r\n2024-01-15,Acme,1.5\r\n2024-01-16,Acme,2\r\n",
			delim: ',', header: []string{"Date", "Client", "Hours"}, headerLine: 1, lines: []int{2, 3},
			first: []string{"2024-01-15", "Acme", "1.5"},
		},
		{
			name:  "semicolons in a decimal-comma locale",
			in:    "Date;Client;Amount\n15.01.2024;Acme;1.020,50\n",
			delim: ';', header: []string{"Date", "Client", "Amount"}, headerLine: 1, lines: []int{2},
			first: []string{"15.01.2024", "Acme", "1.020,50"},
		},
		{
			name:  "tabs",
			in:    "Date\tClient\tHours\n2024-01-15\tAcme, Inc.\t1.5\n",
			delim: '\t', header: []string{"Date", "Client", "Hours"}, headerLine: 1, lines: []int{2},
			first: []string{"2024-01-15", "Acme, Inc.", "1.5"},
		},
		{
			name:  "quoted newlines keep the physical line of each record",
			in:    "Date,Client,Notes\n2024-01-15,Acme,\"one\ntwo\nthree\"\n2024-01-16,Acme,x\n",
			delim: ',', header: []string{"Date", "Client", "Notes"}, headerLine: 1, lines: []int{2, 5},
			first: []string{"2024-01-15", "Acme", "one\ntwo\nthree"},
		},
		{
			name:  "duplicate and blank header names, more values than headers",
			in:    "Date,Notes,notes,,Client\n2024-01-15,a,b,c,Acme,extra\n",
			delim: ',', header: []string{"Date", "Notes", "notes (2)", "Column 4", "Client", "Column 6"}, headerLine: 1, lines: []int{2},
			first: []string{"2024-01-15", "a", "b", "c", "Acme", "extra"},
		},
		{
			name:  "Excel's sep= line",
			in:    "sep=;\r\nDate;Client;Amount\r\n15.01.2024;Acme;12,50\r\n",
			delim: ';', header: []string{"Date", "Client", "Amount"}, headerLine: 2, lines: []int{3},
			first: []string{"15.01.2024", "Acme", "12,50"},
		},
		{
			name:  "Windows-1252 from a spreadsheet",
			in:    "Date,Client,Notes\n2024-01-15,M\xfcller GmbH,Pr\xfcfung \x80 50\n",
			delim: ',', header: []string{"Date", "Client", "Notes"}, headerLine: 1, lines: []int{2},
			first: []string{"2024-01-15", "Müller GmbH", "Prüfung € 50"},
		},
		{
			name:  "blank and empty rows are skipped",
			in:    "Date,Client,Hours\n,,\n2024-01-15,Acme,1\n\n",
			delim: ',', header: []string{"Date", "Client", "Hours"}, headerLine: 1, lines: []int{3},
			first: []string{"2024-01-15", "Acme", "1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := NewReader("f.csv", strings.NewReader(tt.in), known)
			if err != nil {
				t.Fatal(err)
			}
			rows := readAll(t, rd)
			if rd.Delimiter != tt.delim {
				t.Errorf("delimiter = %q, want %q", rd.Delimiter, tt.delim)
			}
			if !reflect.DeepEqual(rd.Header, tt.header) {
				t.Errorf("header = %q, want %q", rd.Header, tt.header)
			}
			if rd.HeaderLine != tt.headerLine {
				t.Errorf("header line = %d, want %d", rd.HeaderLine, tt.headerLine)
			}
			var lines []int
			for _, r := range rows {
				lines = append(lines, r.Line)
			}
			if !reflect.DeepEqual(lines, tt.lines) {
				t.Errorf("lines = %v, want %v", lines, tt.lines)
			}
			if len(rows) > 0 && !reflect.DeepEqual(rows[0].Values, tt.first) {
				t.Errorf("first row = %q, want %q", rows[0].Values, tt.first)
			}
		})
	}
}

// utf16 encodes s as UTF-16 with its byte-order mark, as Excel saves
// "Unicode text".
func utf16(s string, bigEndian bool) string {
	var b strings.Builder
	if bigEndian {
		b.WriteString("\xfe\xff")
	} else {
		b.WriteString("\xff\xfe")
	}
	for _, r := range s {
		lo, hi := byte(r), byte(r>>8)
		if bigEndian {
			lo, hi = hi, lo
		}
		b.WriteByte(lo)
		b.WriteByte(hi)
	}
	return b.String()
}

func TestReaderEncodings(t *testing.T) {
	for _, tt := range []struct {
		name, in string
	}{
		{"UTF-16 little-endian", utf16("Date\tClient\tHours\r\n2024-01-15\tAcmé\t1.5\r\n", false)},
		{"UTF-16 big-endian", utf16("Date\tClient\tHours\r\n2024-01-15\tAcmé\t1.5\r\n", true)},
	} {
		rd, err := NewReader("u.txt", strings.NewReader(tt.in), knownSet("Date", "Client", "Hours"))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		rows := readAll(t, rd)
		eq(t, tt.name+" encoding", rd.Encoding, "UTF-16")
		eq(t, tt.name+" header", strings.Join(rd.Header, "|"), "Date|Client|Hours")
		eq(t, tt.name+" rows", len(rows), 1)
		eq(t, tt.name+" value", rows[0].Values[1], "Acmé")
	}
}

func TestHeaderIsNeverADataRow(t *testing.T) {
	tests := []struct {
		name, in string
		known    KnownColumn
		header   string
		line     int
	}{
		{"a report's title lines above a header no preset knows",
			"Northwind IT Services\nInvoice List\n\"January 1 - December 31, 2024\"\n\nWhen,Kind,No.,Customer,Open\n01/15/2024,Invoice,1001,Acme,\"$1,200.00\"\n",
			knownSet("Date"), "When|Kind|No.|Customer|Open", 5},
		{"a data row wider than the header, with blank values",
			"Report\nWhen,Who,What\nMonday,Acme,,,\nTuesday,Acme,call,,\n",
			knownSet("Date"), "When|Who|What", 2},
		{"the row naming the most known columns",
			"Client,Amount\nDate,Client,Hours,Notes\n",
			knownSet("Date", "Client", "Hours", "Notes", "Amount"), "Date|Client|Hours|Notes", 2},
		{"a data row holding known names and a date is data",
			"Invoice List\nDate,Num,Customer\nDate,2024-01-15,Client Notes Hours\n",
			knownSet("Date", "Customer"), "Date|Num|Customer", 2},
		{"a file of data alone has its first row stand in",
			"2024-01-15,Acme,1.50\n2024-01-16,Acme,2.00\n",
			knownSet("Date"), "2024-01-15|Acme|1.50", 1},
	}
	for _, tt := range tests {
		rd, err := NewReader("r.csv", strings.NewReader(tt.in), tt.known)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		eq(t, tt.name+": header", strings.Join(rd.Header, "|"), tt.header)
		eq(t, tt.name+": header line", rd.HeaderLine, tt.line)
	}
}

func TestReaderErrors(t *testing.T) {
	if _, err := NewReader("e.csv", strings.NewReader(""), knownSet("Date")); err == nil {
		t.Error("empty file: want an error")
	}
	rd, err := NewReader("q.csv", strings.NewReader("Date,Client\n2024-01-01,\"Acme\n"), knownSet("Date", "Client"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rd.Read()
	if err == nil || !strings.HasPrefix(err.Error(), "q.csv:2: malformed CSV") {
		t.Errorf("unterminated quote: err = %v", err)
	}
}

func TestHeaderNormalisation(t *testing.T) {
	tests := map[string]string{
		"[required] Title":   "title",
		"Amount (EUR)":       "amount",
		"Total ($)":          "total",
		"Duration (h)":       "duration h",
		"Duration (min)":     "duration min",
		"Billable?":          "billable",
		"Ticket #":           "ticket #",
		"Create Date/Time":   "create date/time",
		"  Invoice   Total ": "invoice total",
		"external_id":        "external id",
	}
	for in, want := range tests {
		if got := NormalizeHeader(in); got != want {
			t.Errorf("NormalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Amount (EUR)": "EUR", "Total (€)": "EUR", "Total ($)": "", "Duration (min)": "", "Billable Rate (USD)": "USD", "Amount": ""} {
		if got := HeaderCurrency(in); got != want {
			t.Errorf("HeaderCurrency(%q) = %q, want %q", in, got, want)
		}
	}
}
