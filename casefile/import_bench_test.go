package casefile

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"offboard/importer"
	"offboard/store"
)

// benchClients and benchRows size the benchmark like the large demo
// portfolio: 2,000 clients and a million time entries.
const (
	benchClients = 2000
	benchRows    = 1_000_000
)

// writeTimeCSV writes a deterministic time-entry file in the generic format
// offboard export produces, with a right-skewed spread of minutes.
func writeTimeCSV(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "external_id,client_id,client,ticket,date,minutes,billable,technician,notes")
	techs := []string{"Anna Lee", "Ben Ode", "Chris Park", "Dana Ortiz", "Eli Stone"}
	x := uint32(2463534242)
	for i := 0; i < benchRows; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		c := int(x % benchClients)
		minutes := 15 * (1 + int(x>>8%7)*int(x>>16%3+1)/2)
		day := 1 + int(x>>4%28)
		month := 1 + i*36/benchRows
		fmt.Fprintf(w, "E-%d,C-%04d,Client %04d,,%d-%02d-%02d,%d,%t,%s,Routine maintenance\n",
			i, c, c, 2023+(month-1)/12, 1+(month-1)%12, day, minutes, x%5 != 0, techs[x%5])
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImportTimeEntries imports a million time entries into a database
// holding their clients, as `offboard import time` does: parse, resolve
// clients, write idempotently in one transaction, rebuild the roll-up.
// Compare with the sqlite3 shell's .import of the same file into a bare
// table (README, "Import speed").
func BenchmarkImportTimeEntries(b *testing.B) {
	dir := b.TempDir()
	csvPath := filepath.Join(dir, "time.csv")
	writeTimeCSV(b, csvPath)
	if st, err := os.Stat(csvPath); err == nil {
		b.SetBytes(st.Size())
	}
	if out := os.Getenv("OFFBOARD_BENCH_CSV"); out != "" {
		data, err := os.ReadFile(csvPath)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		s := &Desk{Store: st, Now: time.Now}
		err = st.Tx(ctx, func(tx *sql.Tx) error {
			for c := 0; c < benchClients; c++ {
				if _, err := store.InsertClient(ctx, tx, store.Client{ExternalID: fmt.Sprintf("C-%04d", c), Name: fmt.Sprintf("Client %04d", c)}, importNow); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Open(csvPath)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.Import(ctx, "time.csv", f, ImportOptions{Kind: importer.KindTime})
		b.StopTimer()
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if res.New != benchRows {
			b.Fatalf("%d new, want %d", res.New, benchRows)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
