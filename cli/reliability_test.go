package cli

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"offboard/store"
)

// The reliability suite: an import killed at random points, and the files
// a user may point offboard at by mistake or share between two processes.

// killTrials is how many imports TestKillDuringImport kills: a few in every
// test run, more with OFFBOARD_KILL_TRIALS=100 (see README, Safety).
func killTrials(t *testing.T) int {
	if v := os.Getenv("OFFBOARD_KILL_TRIALS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("OFFBOARD_KILL_TRIALS=%q is not a positive number", v)
		}
		return n
	}
	return 3
}

// TestKillHelper is not a test: TestKillDuringImport runs the test binary
// with OFFBOARD_KILL_HELPER set, and this runs offboard's command line in
// that child process, which is then killed.
func TestKillHelper(t *testing.T) {
	if os.Getenv("OFFBOARD_KILL_HELPER") == "" {
		t.Skip("runs only as TestKillDuringImport's child process")
	}
	args := strings.Split(os.Getenv("OFFBOARD_KILL_HELPER"), "\x1f")
	os.Exit(Main(context.Background(), args, OSEnv()))
}

// timeCSV writes n time entries for client C-1 in the generic format.
func timeCSV(t *testing.T, path string, n int) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("external_id,client_id,date,minutes,billable,technician,notes\n")
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "E-%d,C-1,%s,%d,yes,Ana Ruiz,entry %d\n", i, day.AddDate(0, 0, i%700).Format(time.DateOnly), 15+i%240, i)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestKillDuringImport kills an import with SIGKILL at a random moment, and
// checks the database is whole and holds all of the import or none of it,
// then that importing again completes. The import is one transaction in
// WAL mode: a kill before the commit leaves uncommitted pages in the -wal,
// which the next open ignores.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const rows = 20000
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "o.db"), filepath.Join(dir, "time.csv")
	clients := filepath.Join(dir, "clients.csv")
	os.WriteFile(clients, []byte("external_id,name\nC-1,Acme Dental\n"), 0o600)
	if code, out, errs := run(t, nil, "import", "clients", clients, "--db", db); code != 0 {
		t.Fatalf("import clients: %s%s", out, errs)
	}
	timeCSV(t, csv, rows)
	pristine, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// How long a whole import takes here sets the range the kill falls in.
	probe := filepath.Join(dir, "probe.db")
	os.WriteFile(probe, pristine, 0o600)
	began := time.Now()
	if err := child(probe, csv).Run(); err != nil {
		t.Fatalf("an import left alone failed: %v", err)
	}
	full := time.Since(began)
	trials := killTrials(t)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	outcomes := map[string]int{}
	for trial := range trials {
		os.WriteFile(db, pristine, 0o600)
		os.Remove(db + "-wal")
		os.Remove(db + "-shm")
		cmd := child(db, csv)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		after := time.Duration(rng.Int64N(int64(full + full/4)))
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		n := checkWhole(t, db)
		t.Logf("trial %d: killed after %s, %d entries", trial, after.Round(time.Millisecond), n)
		switch n {
		case 0:
			outcomes["none"]++
		case rows:
			outcomes["all"]++
		default:
			t.Fatalf("trial %d, killed after %s: %d of %d entries are in the database", trial, after, n, rows)
		}
		if code, out, errs := run(t, nil, "import", "time", csv, "--db", db); code != 0 {
			t.Fatalf("trial %d: importing again after the kill: %s%s", trial, out, errs)
		}
		if n := checkWhole(t, db); n != rows {
			t.Fatalf("trial %d: %d entries after importing again, want %d", trial, n, rows)
		}
	}
	t.Logf("%d kills within %s (a whole import's time and a quarter): %d before the commit, %d after",
		trials, full+full/4, outcomes["none"], outcomes["all"])
}

// child is the command that imports csv into db in a child process.
func child(db, csv string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
	cmd.Env = append(os.Environ(), "OFFBOARD_KILL_HELPER="+strings.Join([]string{"import", "time", csv, "--db", db}, "\x1f"))
	return cmd
}

// checkWhole opens db as offboard does, checks SQLite finds it sound and
// the record intact, and returns how many time entries it holds.
func checkWhole(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer st.Close()
	var check string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM time_entries").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, nil, "verify", "--db", db); code != 0 {
		t.Fatalf("verify after the kill: %s%s", out, errs)
	}
	return n
}

// TestForeignAndNewerFilesAreRefusedUntouched runs a writing and a reading
// command on another program's SQLite file and on a database from a newer
// offboard: both refuse, and the file keeps its bytes.
func TestForeignAndNewerFilesAreRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "photos.db")
	newer := filepath.Join(dir, "newer.db")
	for path, stmts := range map[string][]string{
		foreign: {"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO photos (name) VALUES ('cat.jpg')"},
		newer:   {"CREATE TABLE settings (key TEXT)", "CREATE TABLE clients (id INT)", "CREATE TABLE time_entries (id INT)", "PRAGMA user_version = 999"},
	} {
		sqlDB, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range stmts {
			if _, err := sqlDB.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		sqlDB.Close()
	}
	clients := filepath.Join(dir, "clients.csv")
	os.WriteFile(clients, []byte("name\nAcme Dental\n"), 0o600)
	for path, want := range map[string]string{foreign: "--adopt", newer: "upgrade offboard"} {
		before, _ := os.ReadFile(path)
		for _, args := range [][]string{{"import", "clients", clients, "--db", path}, {"score", "--db", path}} {
			code, _, errs := run(t, nil, args...)
			if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, "left untouched") {
				t.Errorf("%v: exit %d, stderr %q; want a refusal saying %q", args, code, errs, want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("%v changed the file", args)
			}
			if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%v left a -wal beside the file", args)
			}
		}
	}
	code, out, errs := run(t, nil, "import", "clients", clients, "--db", foreign, "--adopt")
	if code != 0 || !strings.Contains(out, "1 new") {
		t.Errorf("import --adopt: exit %d\n%s%s", code, out, errs)
	}
}

// TestReadOnlyCommandsOnAProtectedDatabase makes the database chmod 400 in
// a read-only folder and runs the commands that only read; afterwards, the
// file writable again, an import works.
func TestReadOnlyCommandsOnAProtectedDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db := filepath.Join(dir, "o.db")
	for _, k := range kinds {
		if code, out, errs := run(t, nil, "import", k, fixture("offboard/"+k+".csv"), "--db", db); code != 0 {
			t.Fatalf("import %s: %s%s", k, out, errs)
		}
	}
	before, _ := os.ReadFile(db)
	os.Chmod(db, 0o400)
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(db, 0o600) })
	out := t.TempDir()
	for _, args := range [][]string{
		{"score"}, {"score", "--json"}, {"score", "--client", "Acme Dental"}, {"whatif", "Acme Dental"},
		{"record", "Acme Dental", "-o", "-"}, {"verify"}, {"config"}, {"export", filepath.Join(out, "x")},
	} {
		if code, o, e := run(t, nil, append(args, "--db", db)...); code != 0 {
			t.Errorf("%v on a read-only database: exit %d\n%s%s", args, code, o, e)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a reading command changed the database")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the database", len(entries))
	}
	os.Chmod(dir, 0o700)
	os.Chmod(db, 0o600)
	if code, o, e := run(t, nil, "log", "Acme Dental", "--kind", "note", "--summary", "after the read-only spell", "--db", db); code != 0 {
		t.Errorf("a write after the read-only commands: exit %d\n%s%s", code, o, e)
	}
}

// TestSecondWriterWaitsThenSaysWhatToDo holds the write lock as another
// process would, and runs an import: it says it waits, then gives up
// naming the file, without SQLite's raw message.
func TestSecondWriterWaitsThenSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	holder, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin(context.Background(), holder.DB())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	env := map[string]string{"HOME": t.TempDir(), "OFFBOARD_LOCK_WAIT": "700ms"}
	began := time.Now()
	code, _, errs := run(t, env, "import", "clients", fixture("offboard/clients.csv"), "--db", db)
	if code != 1 {
		t.Fatalf("import under another's lock: exit %d\n%s", code, errs)
	}
	if time.Since(began) < 600*time.Millisecond {
		t.Errorf("gave up after %s, before the lock wait", time.Since(began))
	}
	for _, want := range []string{"waiting for another offboard process to finish with " + db, "is in use by another offboard process", "try again"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not say %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "SQLITE_BUSY") || strings.Contains(errs, "database is locked") {
		t.Errorf("stderr shows SQLite's raw message:\n%s", errs)
	}
	tx.Rollback()
	if code, out, errs := run(t, env, "import", "clients", fixture("offboard/clients.csv"), "--db", db); code != 0 {
		t.Errorf("import once the lock is released: exit %d\n%s%s", code, out, errs)
	}
}
