package importer

import (
	"bytes"
	"errors"
	"io"
	"offboard/money"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixtureFiles returns the contents of every CSV fixture, to seed fuzzing.
func fixtureFiles(f *testing.F) [][]byte {
	f.Helper()
	paths, err := filepath.Glob(fixture("*/*.csv"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// fixtureValues returns every field of every fixture, to seed the value
// parsers with what real exports hold.
func fixtureValues(f *testing.F) []string {
	var out []string
	for _, b := range fixtureFiles(f) {
		for _, line := range strings.Split(string(b), "\n") {
			for _, v := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' }) {
				out = append(out, strings.Trim(v, `"`))
			}
		}
	}
	return out
}

func FuzzParseRows(f *testing.F) {
	for i, b := range fixtureFiles(f) {
		f.Add(b, uint8(i))
	}
	kinds := Kinds()
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := kinds[int(k)%len(kinds)]
		rd, err := NewReader("fuzz.csv", bytes.NewReader(data), knownColumns(PresetsFor(kind)))
		if err == nil {
			last := rd.HeaderLine
			for {
				row, err := rd.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					continue
				}
				if row.Line <= last {
					t.Fatalf("row line %d after line %d", row.Line, last)
				}
				last = row.Line
				if len(rd.Header) < len(row.Values) {
					t.Fatalf("header %d names for %d values", len(rd.Header), len(row.Values))
				}
			}
		}
		recs, sum, err := ParseAll("fuzz.csv", bytes.NewReader(data), Options{Kind: kind})
		if err != nil {
			return
		}
		if sum.Records != len(recs) {
			t.Fatalf("summary counts %d records, %d emitted", sum.Records, len(recs))
		}
		for _, r := range recs {
			if r.Key() == "" && kind != KindInvoices {
				t.Fatalf("record at line %d has no key", r.Line())
			}
			if r.Kind() != kind {
				t.Fatalf("record of kind %s in a %s parse", r.Kind(), kind)
			}
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, v := range fixtureValues(f) {
		f.Add(v, false)
	}
	for _, v := range []string{"$13.50", "($400.00)", "$-142.85", "1,020.00", "2.000,0", "'13.50", "1350", "€ 12,50"} {
		f.Add(v, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		m, err := ParseMoney(s, NumberFormat{DecimalComma: decimalComma}, "")
		if err != nil {
			return
		}
		// The canonical form of a parsed amount must read back the same.
		canon := money.Plain(m.Minor, m.Currency)
		back, err := ParseMoney(canon, NumberFormat{}, m.Currency)
		if err != nil || back.Minor != m.Minor {
			t.Fatalf("%q -> %d -> %q -> %d, %v", s, m.Minor, canon, back.Minor, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, v := range fixtureValues(f) {
		f.Add(v, uint8(0))
	}
	for _, v := range []string{"2/29/2020", "Jan 28 2021", "09/Oct/25 1:42 PM", "2024-01-05T18:42:10Z", "31/02/2024", "15.01.2024 13:20"} {
		f.Add(v, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, order uint8) {
		o := DateOrder(order % 3)
		dt, err := ParseDate(s, o, time.UTC)
		if err != nil {
			return
		}
		// A parsed instant must survive a round trip through RFC 3339.
		canon := dt.Time.Format(time.RFC3339Nano)
		back, err := ParseDate(canon, DateOrderAuto, time.UTC)
		if err != nil || !back.Time.Equal(dt.Time) {
			t.Fatalf("%q -> %s -> %v, %v", s, canon, back.Time, err)
		}
	})
}
