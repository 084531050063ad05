package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"offboard/store"
)

// importFailure is an import that fails, or only looks, with its exit
// status and the words its messages must hold: the problem, and what to do
// next.
type importFailure struct {
	name string
	args []string
	code int
	msgs []string
}

// importFailures lists them; inputs is the folder writeInputs filled.
func importFailures(inputs string) []importFailure {
	badMap := filepath.Join(inputs, "bad.map.json")
	return []importFailure{
		{"JSON without a mapping", []string{"tickets", fixture("connectwise/project-tickets.json")}, 1, []string{
			"a JSON file is read through a mapping file (--map)", "its records hold: _info.dateEntered",
			`"kind": "tickets"`, "see 'offboard help import' for how a mapping file is written"}},
		{"UTF-16 JSON without a mapping", []string{"tickets", fixture("encodings/tickets-utf16le.json")}, 1, []string{
			"tickets-utf16le.json: a JSON file is read through a mapping file (--map)", "its records hold: client.name, dateclosed"}},
		{"a file that is not there", []string{"time", filepath.Join(inputs, "missing.csv")}, 1, []string{
			"missing.csv: no such file; check its name and folder", "1 of 1 file not imported"}},
		{"a folder for a file", []string{"time", inputs}, 1, []string{
			"is a folder; name the export files in it, such as " + filepath.Join(inputs, "*.csv")}},
		{"an unknown kind", []string{"bananas", fixture("offboard/time.csv")}, 2, []string{
			`unknown kind "bananas"`, "see 'offboard help import'"}},
		{"a header no preset reads", []string{"time", fixture("pitfalls/unknown-columns.csv")}, 1, []string{
			"no time preset matches this file's header", `columns no preset could place: "Work Day"`,
			"pass it with --map", "'offboard import --list-presets' for the columns each preset reads"}},
		{"a mapping that is not JSON", []string{"time", fixture("offboard/time.csv"), "--map", badMap}, 1, []string{
			"mapping " + badMap + ": line 3, column 1: not valid JSON", "see 'offboard help import' for how a mapping file is written"}},
		{"a mapping of another kind", []string{"tickets", fixture("offboard/time.csv"), "--map", fixture("pitfalls/mapping-time.json")}, 1, []string{
			`mapping-time.json is for time, not tickets: import the files as time, or change the mapping's "kind"`}},
		{"a mapping file that is not there", []string{"time", fixture("offboard/time.csv"), "--map", filepath.Join(inputs, "none.json")}, 1, []string{
			"mapping file " + filepath.Join(inputs, "none.json") + ": no such file; check its name and folder"}},
		{"rows naming unknown clients", []string{"tickets", fixture("connectwise/project-tickets.json"), "--map", fixture("connectwise/project-tickets.map.json")}, 1, []string{
			"nothing was imported", `unknown client "Tailspin Toys"`, "pass --create-clients"}},
		{"a row that cannot be read", []string{"invoices", fixture("pitfalls/bad-date.csv"), "--create-clients"}, 1, []string{
			`bad-date.csv:3: column "Due Date": cannot read "31/02/2024" as a date`, "nothing was imported", "pass --skip-bad"}},
		{"a configuration that is not there", []string{"time", fixture("offboard/time.csv"), "--create-clients", "--config", filepath.Join(inputs, "none.toml")}, 1, []string{
			"none.toml"}},
		{"a dry run that would succeed", []string{"time", fixture("offboard/time.csv"), "--create-clients", "--dry-run"}, 0, []string{
			"nothing was written"}},
		{"a dry run that fails", []string{"tickets", fixture("connectwise/project-tickets.json"), "--map", fixture("connectwise/project-tickets.map.json"), "--dry-run"}, 1, []string{
			`unknown client "Tailspin Toys"`}},
	}
}

// filesIn lists the files and folders under dir, relative to it.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeInputs writes the files the failures read: a mapping file that is
// not JSON, and an empty folder beside it.
func writeInputs(t *testing.T) string {
	t.Helper()
	inputs := t.TempDir()
	if err := os.WriteFile(filepath.Join(inputs, "bad.map.json"), []byte("{\n  \"kind\": \"time\",\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return inputs
}

// An import that fails, or only looks, where there is no database yet
// leaves none behind: no file, no -wal or -shm, not even its folder.
func TestFailedImportCreatesNoDatabase(t *testing.T) {
	inputs := writeInputs(t)
	for _, tt := range importFailures(inputs) {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			env := map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data")}
			code, out, errs := run(t, env, append([]string{"import"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errs)
			}
			for _, m := range tt.msgs {
				if !strings.Contains(out+errs, m) {
					t.Errorf("the messages lack %q:\n%s%s", m, out, errs)
				}
			}
			if left := filesIn(t, home); len(left) != 0 {
				t.Errorf("left behind: %q", left)
			}
		})
	}
}

// dbState is what a failed import must leave as it was: the file's bytes,
// the record of imports, and the rows of each kind.
type dbState struct {
	sha256  string
	imports []store.Import
	rows    map[string]int
}

func readState(t *testing.T, path string) dbState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	s := dbState{sha256: hex.EncodeToString(sum[:]), rows: map[string]int{}}
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s.imports, err = st.Imports(ctx); err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		if s.rows[k], err = st.ExportRows(ctx, k, 0, func([]string) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// A failed import into a database that is there changes nothing in it, and
// it stays where it is.
func TestFailedImportLeavesTheDatabaseAsItWas(t *testing.T) {
	inputs := writeInputs(t)
	home := t.TempDir()
	db := filepath.Join(home, "data", "offboard", "offboard.db")
	env := map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data")}
	if code, out, errs := run(t, env, "import", "clients", fixture("connectwise/companies.csv")); code != 0 {
		t.Fatalf("import clients: exit %d\n%s%s", code, out, errs)
	}
	before := readState(t, db)
	if len(before.imports) != 1 || before.rows["clients"] != 2 {
		t.Fatalf("the database to fail against holds %d imports and %d clients, want 1 and 2", len(before.imports), before.rows["clients"])
	}
	for _, tt := range importFailures(inputs) {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, env, append([]string{"import"}, tt.args...)...)
			if code == 0 && !strings.Contains(tt.name, "dry run") {
				t.Fatalf("the import succeeded:\n%s", errs)
			}
			if after := readState(t, db); !reflect.DeepEqual(after, before) {
				t.Errorf("the database changed:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// Where one file of several came in, the database the command created
// holds it and stays, though the command fails for the other.
func TestPartlyFailedImportKeepsWhatCameIn(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "data", "offboard", "offboard.db")
	env := map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data")}
	code, _, errs := run(t, env, "import", "clients", fixture("connectwise/companies.csv"), filepath.Join(home, "missing.csv"))
	if code != 1 || !strings.Contains(errs, "1 of 2 files not imported") {
		t.Fatalf("exit %d, want 1 and one file of two not imported:\n%s", code, errs)
	}
	if s := readState(t, db); len(s.imports) != 1 || s.rows["clients"] != 2 {
		t.Errorf("the database holds %d imports and %d clients, want 1 and 2", len(s.imports), s.rows["clients"])
	}
}
