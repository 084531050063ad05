package casefile_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/importer"
	"offboard/store"
)

// importBenchAsOf is the last day of the benchmark export's history.
var importBenchAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// benchExport is the large demo portfolio's export and the databases an
// import of each kind starts from.
type benchExport struct {
	// dir holds the files; work the databases, for as long as the
	// benchmark runs.
	dir, work string
	// before holds, by kind, a database holding what the kind's import
	// needs: the clients for tickets, the clients and tickets for time.
	before map[importer.Kind]string
}

// importBenchExport returns the files `offboard demo --clients 2000
// --months 36` then `offboard export` write (707,674 tickets and 1,003,300
// time entries). Writing them takes about a minute, so they are kept in the
// system's temporary folder between runs; OFFBOARD_BENCH_EXPORT names a
// folder written by `offboard export` to use instead.
func importBenchExport(b *testing.B) benchExport {
	b.Helper()
	dir := os.Getenv("OFFBOARD_BENCH_EXPORT")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "offboard-bench-export-2000x36-"+store.Date(importBenchAsOf))
		if _, err := os.Stat(filepath.Join(dir, "time.csv")); err != nil {
			writeBenchExport(b, dir)
		}
	}
	work := b.TempDir()
	ex := benchExport{dir: dir, work: work, before: map[importer.Kind]string{}}
	clients := filepath.Join(work, "clients.db")
	benchImport(b, clients, ex.file(importer.KindClients), importer.KindClients)
	tickets := filepath.Join(work, "tickets.db")
	copyFile(b, clients, tickets)
	benchImport(b, tickets, ex.file(importer.KindTickets), importer.KindTickets)
	ex.before[importer.KindTickets], ex.before[importer.KindTime] = clients, tickets
	return ex
}

func (ex benchExport) file(k importer.Kind) string { return filepath.Join(ex.dir, string(k)+".csv") }

// writeBenchExport writes the demo portfolio and exports its clients,
// tickets and time entries to dir, as the two commands do.
func writeBenchExport(b *testing.B, dir string) {
	ctx := context.Background()
	tmp := dir + ".partial"
	if err := os.RemoveAll(tmp); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(tmp, "demo.db"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Generate(ctx, st, demo.Options{Clients: 2000, Months: 36, Seed: 1, AsOf: importBenchAsOf}); err != nil {
		b.Fatal(err)
	}
	d := &casefile.Desk{Store: st, Now: time.Now}
	for _, k := range []importer.Kind{importer.KindClients, importer.KindTickets, importer.KindTime} {
		f, err := os.Create(filepath.Join(tmp, string(k)+".csv"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.ExportKind(ctx, k, f, 0); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(filepath.Join(tmp, "demo.db"+suffix))
	}
	if err := os.Rename(tmp, dir); err != nil {
		b.Fatal(err)
	}
}

// benchImport imports a file into the database at path, as `offboard
// import` does, and returns how long the import took from the first byte
// read to the commit.
func benchImport(b *testing.B, path, file string, kind importer.Kind) (time.Duration, *casefile.ImportResult) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	d := &casefile.Desk{Store: st, Now: time.Now}
	start := time.Now()
	res, err := d.Import(ctx, filepath.Base(file), f, casefile.ImportOptions{Kind: kind})
	took := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	return took, res
}

// copyFile copies a closed database file with its write-ahead log, if it
// left one.
func copyFile(b *testing.B, from, to string) {
	b.Helper()
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(from + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
		out, err := os.Create(to + suffix)
		if err == nil {
			_, err = io.Copy(out, in)
		}
		in.Close()
		if err == nil {
			err = out.Close()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport imports the large demo portfolio's tickets and time
// entries side by side with the sqlite3 shell loading the same file. For
// each kind, in this order:
//
//   - sqlite3: the shell's `.import --csv FILE t` into a new database file
//     (a bare table made from the header: no key, no index, no checks),
//     the yardstick; skipped when there is no sqlite3.
//   - driver: the floor under any import through the pure-Go driver: the
//     file's cells, read with encoding/csv, into a bare table of the same
//     shape as the shell's, a multi-row INSERT of 100 rows at a time in one
//     transaction, in WAL mode as offboard's databases are; x_sqlite3 is
//     its time over the shell's.
//   - first: `offboard import` of the file into a database holding what it
//     needs (the clients; for time entries, the tickets too), from the first
//     byte read to the commit; x_sqlite3 is its time over the shell's just
//     before.
//   - again: the same file imported again into that database; x_first is
//     its time over the first import's just before.
//
// A database file on both sides is the fair comparison: both write the rows
// to disk and commit. Run it with -benchtime 1x and -count for medians.
func BenchmarkImport(b *testing.B) {
	ex := importBenchExport(b)
	for _, kind := range []importer.Kind{importer.KindTickets, importer.KindTime} {
		file := ex.file(kind)
		var shell, first time.Duration
		b.Run(string(kind)+"/sqlite3", func(b *testing.B) {
			sqlite3, err := exec.LookPath("sqlite3")
			if err != nil {
				b.Skip("no sqlite3 shell on PATH to compare with")
			}
			shell = timeOps(b, func(i int) time.Duration {
				db := filepath.Join(b.TempDir(), fmt.Sprintf("shell%d.db", i))
				start := time.Now()
				if out, err := exec.Command(sqlite3, db, ".import --csv "+file+" t").CombinedOutput(); err != nil {
					b.Fatalf("sqlite3: %v\n%s", err, out)
				}
				return time.Since(start)
			})
		})
		b.Run(string(kind)+"/driver", func(b *testing.B) {
			driver := timeOps(b, func(i int) time.Duration {
				return bareDriverImport(b, filepath.Join(b.TempDir(), fmt.Sprintf("driver%d.db", i)), file)
			})
			if shell > 0 {
				b.ReportMetric(driver.Seconds()/shell.Seconds(), "x_sqlite3")
			}
		})
		var db string
		b.Run(string(kind)+"/first", func(b *testing.B) {
			first = timeOps(b, func(i int) time.Duration {
				db = filepath.Join(ex.work, fmt.Sprintf("%s%d.db", kind, i))
				copyFile(b, ex.before[kind], db)
				took, res := benchImport(b, db, file, kind)
				if res.New != res.Records || res.New == 0 {
					b.Fatalf("%d new of %d records", res.New, res.Records)
				}
				return took
			})
			if shell > 0 {
				b.ReportMetric(first.Seconds()/shell.Seconds(), "x_sqlite3")
			}
		})
		b.Run(string(kind)+"/again", func(b *testing.B) {
			if db == "" {
				b.Skip("run with the first import")
			}
			again := timeOps(b, func(int) time.Duration {
				took, res := benchImport(b, db, file, kind)
				if res.Unchanged != res.Records {
					b.Fatalf("%d unchanged of %d records", res.Unchanged, res.Records)
				}
				return took
			})
			b.ReportMetric(again.Seconds()/first.Seconds(), "x_first")
		})
	}
}

// timeOps runs op b.N times and reports as ns/op only what op says it
// took, not its set-up (copying a database, opening it), and returns the
// time of one op.
func timeOps(b *testing.B, op func(i int) time.Duration) time.Duration {
	var total time.Duration
	for i := 0; i < b.N; i++ {
		total += op(i)
	}
	per := total / time.Duration(b.N)
	b.ReportMetric(float64(per.Nanoseconds()), "ns/op")
	return per
}

// bareDriverImport loads a CSV file's cells, as text, into a new table of
// a new database at path through modernc.org/sqlite, with nothing checked,
// converted, keyed or indexed, and returns how long it took from the first
// byte read to the commit.
func bareDriverImport(b *testing.B, path, file string) time.Duration {
	b.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		b.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	start := time.Now()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		b.Fatal(err)
	}
	cols := make([]string, len(header))
	for i := range header {
		cols[i] = fmt.Sprintf("c%d", i)
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE t ("+strings.Join(cols, ", ")+")"); err != nil {
		b.Fatal(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	const rows = 100
	insert := func(n int) string {
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		return "INSERT INTO t VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	}
	full, err := tx.PrepareContext(ctx, insert(rows))
	if err != nil {
		b.Fatal(err)
	}
	args := make([]any, 0, rows*len(cols))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, v := range rec {
			args = append(args, v)
		}
		if len(args) == cap(args) {
			if _, err := full.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
			args = args[:0]
		}
	}
	if len(args) > 0 {
		if _, err := tx.ExecContext(ctx, insert(len(args)/len(cols)), args...); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
