package importer

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestDuplicateHeaderIsAnError checks that a field whose column name the
// header holds twice is refused with both columns named, since either
// could hold the field.
func TestDuplicateHeaderIsAnError(t *testing.T) {
	f, err := os.Open(fixture("pitfalls/duplicate-headers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = ParseAll("duplicate-headers.csv", f, Options{Kind: KindTime})
	if err == nil {
		t.Fatal("a header with two notes columns was read without complaint")
	}
	for _, want := range []string{"duplicate-headers.csv:1:", `5 "notes"`, `6 "notes (2)"`, "notes", "--map"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

// TestDuplicateHeaderNormalisedAlike checks that names differing only in
// case and punctuation count as the same column.
func TestDuplicateHeaderNormalisedAlike(t *testing.T) {
	in := "date,client,Hours,hours:\n2024-01-15,Acme,1,2\n"
	_, _, err := ParseAll("t.csv", strings.NewReader(in), Options{Kind: KindTime})
	if err == nil || !strings.Contains(err.Error(), `3 "Hours" and 4 "hours:"`) {
		t.Fatalf("err = %v, want both hours columns named", err)
	}
}

// TestDuplicateHeaderUnusedIsFine checks that twin columns no field reads
// do not stop an import.
func TestDuplicateHeaderUnusedIsFine(t *testing.T) {
	in := "date,client,hours,Remark,Remark\n2024-01-15,Acme,1,a,b\n"
	recs, _, err := ParseAll("t.csv", strings.NewReader(in), Options{Kind: KindTime})
	if err != nil || len(recs) != 1 {
		t.Fatalf("records %d, err %v; want 1 record", len(recs), err)
	}
}

// TestMappingPicksADuplicate checks that a mapping naming a column as the
// header shows it ("notes (2)") reads that column and no other.
func TestMappingPicksADuplicate(t *testing.T) {
	for _, tt := range []struct{ column, want string }{{"notes (2)", "second notes"}, {"notes", "first notes"}} {
		m, err := ReadMapping("m.json", strings.NewReader(`{"kind": "time", "columns": {"date": "date", "client": "client", "hours": "hours", "notes": "`+tt.column+`"}}`))
		if err != nil {
			t.Fatal(err)
		}
		recs, _ := parseFixture(t, "pitfalls/duplicate-headers.csv", Options{Kind: KindTime, Preset: m.Preset("m.json")})
		if len(recs) != 2 || recs[0].(TimeRecord).Notes != tt.want {
			t.Errorf("mapping %q: notes of the first row = %q, want %q", tt.column, recs[0].(TimeRecord).Notes, tt.want)
		}
	}
}

// TestNULIsRejected checks that a NUL byte in a value rejects its row with
// the file, the physical line, the column and where on the line it is.
func TestNULIsRejected(t *testing.T) {
	in := "date,client,hours,notes\n" +
		"2024-01-15,Acme,1,fine\n" +
		"2024-01-16,Acme,1,\"two\nli\x00nes\"\n" +
		"2024-01-17,Ac\x00me,1,x\n"
	recs, sum, err := ParseAll("nul.csv", strings.NewReader(in), Options{Kind: KindTime})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Errorf("%d records read, want only the first row", len(recs))
	}
	want := []string{
		`nul.csv:4: column "notes": a NUL byte at byte 3 of the line`,
		`nul.csv:5: column "client": a NUL byte at byte 14 of the line`,
	}
	if len(sum.Errors) != len(want) {
		t.Fatalf("errors %v, want %q", sum.Errors, want)
	}
	for i, w := range want {
		if sum.Errors[i].Error() != w {
			t.Errorf("error %d = %q, want %q", i, sum.Errors[i], w)
		}
	}
}

// TestNULInHeaderRefusesTheFile checks that a header holding NUL bytes, as
// a UTF-16 file without its byte-order mark has, refuses the whole file.
func TestNULInHeaderRefusesTheFile(t *testing.T) {
	_, _, err := ParseAll("u16.csv", strings.NewReader("d\x00a\x00t\x00e\x00,\x00h\x00\n\x00"), Options{Kind: KindTime})
	var re *RowError
	if !errors.As(err, &re) || re.File != "u16.csv" || re.Line != 1 || !strings.Contains(err.Error(), "NUL") {
		t.Fatalf("err = %v, want a NUL error at u16.csv:1", err)
	}
}
