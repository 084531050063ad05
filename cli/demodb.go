package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"

	"offboard/store"
	"offboard/store/demo"
)

// demoSeed is the seed of the demo portfolio that --demo opens.
const demoSeed = 1

// openDemo opens the demo portfolio in its own file (store.DemoPath). The
// file is kept while it holds today's demo with the default seed, so what
// the owner does in the demo survives a restart the same day; otherwise it
// is generated afresh. A file there that is not a demo database is refused
// and left alone.
func openDemo(ctx context.Context, env Env) (*store.Store, error) {
	path, err := store.DemoPath(env.Getenv)
	if err != nil {
		return nil, err
	}
	today := store.Date(env.Now())
	st, err := store.Open(ctx, path, store.WithClock(env.Now))
	if err != nil {
		return nil, fmt.Errorf("demo portfolio: %w", err)
	}
	current, err := isCurrentDemo(ctx, st, today)
	if err != nil {
		st.Close()
		return nil, err
	}
	if current {
		return st, nil
	}
	if err := st.Close(); err != nil {
		return nil, fmt.Errorf("demo portfolio: %w", err)
	}
	if err := regenerateDemo(ctx, env, path); err != nil {
		return nil, err
	}
	return store.Open(ctx, path, store.WithClock(env.Now))
}

// isCurrentDemo reports whether st holds the demo of today with the default
// seed. An empty database is not current; a database with clients but no
// demo seed is someone's data, and an error.
func isCurrentDemo(ctx context.Context, st *store.Store, today string) (bool, error) {
	seed, isDemo, err := st.Setting(ctx, store.SettingDemoSeed)
	if err != nil {
		return false, err
	}
	if !isDemo {
		var n int
		if err := st.DB().QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
			return false, fmt.Errorf("demo portfolio: %w", err)
		}
		if n > 0 {
			return false, fmt.Errorf("%s holds %d clients but is not a demo database; it was left untouched: move it away to use --demo", st.Path(), n)
		}
		return false, nil
	}
	asOf, _, err := st.Setting(ctx, store.SettingDemoAsOf)
	if err != nil {
		return false, err
	}
	return seed == strconv.Itoa(demoSeed) && asOf == today, nil
}

// regenerateDemo writes a fresh demo beside path and then moves it into
// place, so a failure half way leaves the previous demo as it was.
func regenerateDemo(ctx context.Context, env Env, path string) error {
	tmp := path + ".new"
	if err := removeDatabase(tmp); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "Preparing the demo portfolio…")
	st, err := store.Open(ctx, tmp, store.WithClock(env.Now))
	if err != nil {
		return fmt.Errorf("demo portfolio: %w", err)
	}
	_, genErr := demo.Generate(ctx, st, demo.Options{Seed: demoSeed, AsOf: env.Now()})
	closeErr := st.Close()
	if err := errors.Join(genErr, closeErr); err != nil {
		removeDatabase(tmp)
		return fmt.Errorf("demo portfolio: %w", err)
	}
	// The old file's write-ahead log must go before the new file takes its
	// name, or SQLite would replay it into the new database.
	if err := removeDatabase(path); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("demo portfolio: %w", err)
	}
	return nil
}

// removeDatabase deletes a SQLite file with its write-ahead log and shared
// memory index; missing files are fine.
func removeDatabase(path string) error {
	for _, p := range []string{path + "-wal", path + "-shm", path} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("demo portfolio: %w", err)
		}
	}
	return nil
}
