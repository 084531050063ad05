package tui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/store"
)

// benchAsOf is the last day of the benchmark portfolio's history.
var benchAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// benchDB returns the large demo portfolio the performance targets are set
// on (2,000 clients, 36 months, about a million time entries). Generating
// it takes a while, so it is kept in the system's temporary folder between
// runs; OFFBOARD_BENCH_DB names another file to use.
func benchDB(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("OFFBOARD_BENCH_DB"); p != "" {
		return p
	}
	path := filepath.Join(os.TempDir(), "offboard-bench-2000x36-"+store.Date(benchAsOf)+".db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".partial"
	os.Remove(tmp)
	st, err := store.Open(context.Background(), tmp)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), st, demo.Options{Clients: 2000, Months: 36, Seed: 1, AsOf: benchAsOf}); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchCommon(st *store.Store) *Common {
	return &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return benchAsOf.Add(9 * time.Hour) }}, Theme: DefaultTheme(), Keys: DefaultKeyMap()}
}

// firstFrame does what the workbench does before its first full frame:
// open the store, load and score the portfolio, lay out the list and draw.
func firstFrame(b *testing.B, path string) (*ClientList, *store.Store) {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	c := benchCommon(st)
	snap, err := LoadSnapshot(ctx, c)
	if err != nil {
		b.Fatal(err)
	}
	m := NewClientList(c)
	m.SetSize(98, 25)
	m.setSnapshot(snap)
	if m.View() == "" {
		b.Fatal("empty first frame")
	}
	return m, st
}

// BenchmarkFirstFrame measures the client list's first frame on the large
// demo portfolio: open, load, score, lay out, draw. Target: under 300 ms.
func BenchmarkFirstFrame(b *testing.B) {
	path := benchDB(b)
	b.ResetTimer()
	for b.Loop() {
		_, st := firstFrame(b, path)
		st.Close()
	}
}

// BenchmarkListKeyPress measures one key press on the loaded list of 2,000
// clients: Update and the View that follows. Target: under 5 ms. The keys
// mix moving, sorting (the heaviest) and filtering.
func BenchmarkListKeyPress(b *testing.B) {
	m, st := firstFrame(b, benchDB(b))
	defer st.Close()
	keys := []string{"j", "j", "s", "G", "k", "g", "f", "v", "ctrl+d"}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(keyMsg(keys[i%len(keys)]))
		_ = m.View()
		i++
	}
}

// BenchmarkListFilterKeystroke measures typing one letter of the name
// filter, which re-filters and re-sorts all 2,000 clients.
func BenchmarkListFilterKeystroke(b *testing.B) {
	m, st := firstFrame(b, benchDB(b))
	defer st.Close()
	press(m, "/")
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i%4 == 3 {
			press(m, "backspace", "backspace", "backspace")
		} else {
			m.Update(keyMsg(string(rune('a' + i%3))))
		}
		_ = m.View()
		i++
	}
}

// BenchmarkMemory reports the heap the workbench holds once the large
// portfolio is loaded and drawn (heap-MB). Target: under 150 MB.
func BenchmarkMemory(b *testing.B) {
	path := benchDB(b)
	var peak uint64
	for b.Loop() {
		m, st := firstFrame(b, path)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		runtime.KeepAlive(m)
		st.Close()
	}
	b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
}
