package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"offboard/demo"
	"offboard/store"
)

func demoCommand() *Command {
	c := &Command{Name: "demo", Summary: "write the demo portfolio into its own database",
		Usage: "demo [--db FILE] [--clients N] [--months M] [--seed S]"}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, "Writes a realistic, fictional portfolio: healthy clients and one planted client\n"+
			"for each red flag. The same seed gives the same data on the same day. An earlier demo\n"+
			"database is replaced; any other database is refused unless it is empty.")
		db := fs.String("db", "", "database `file` (default: demo.db beside your database, never your database itself)")
		clients := fs.Int("clients", demo.DefaultClients, "how many clients (`N`), the planted ones included")
		months := fs.Int("months", demo.DefaultMonths, "`M` months of history up to today")
		seed := fs.Int64("seed", defaultDemoSeed, "random seed `S`: the same seed gives the same portfolio")
		if err := parse(env, fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef(fs, "unexpected argument %q", fs.Arg(0))
		}
		if *clients < demo.MinClients {
			return usagef(fs, "--clients %d is too few: the planted clients alone need %d", *clients, demo.MinClients)
		}
		if *months < demo.MinMonths || *months > demo.MaxMonths {
			return usagef(fs, "--months %d is out of range: use %d to %d", *months, demo.MinMonths, demo.MaxMonths)
		}
		path := *db
		if path == "" {
			var err error
			if path, err = store.DemoPath(env.Getenv); err != nil {
				return err
			}
		}
		start := time.Now()
		sum, err := writeDemo(ctx, env, path, demo.Options{Clients: *clients, Months: *months, Seed: *seed})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "demo portfolio in %s: %d clients, %d tickets, %d time entries, %d invoices in %.1fs\n",
			path, sum.Clients, sum.Tickets, sum.TimeEntries, sum.Invoices, time.Since(start).Seconds())
		return nil
	}
	return c
}

// errNotDemo reports a database that holds real work, which the demo must
// never overwrite.
var errNotDemo = errors.New("not a demo database")

// writeDemo writes a fresh portfolio at path, ending today. An earlier demo
// there is replaced; a database with anything else in it is refused and
// left as it was.
func writeDemo(ctx context.Context, env Env, path string, opts demo.Options) (demo.Summary, error) {
	st, kind, err := openForDemo(ctx, env, path)
	if err != nil {
		return demo.Summary{}, err
	}
	if kind == demoFile {
		st.Close()
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
				return demo.Summary{}, fmt.Errorf("replace the demo database: %w", err)
			}
		}
		if st, err = store.Open(ctx, path, store.WithClock(env.Now)); err != nil {
			return demo.Summary{}, err
		}
	}
	defer st.Close()
	opts.AsOf = lastDemoDay(env.Now())
	return demo.Generate(ctx, st, opts)
}

// What openForDemo found at a path.
const (
	emptyFile = iota // no file, or a database with nothing in it
	demoFile         // a database the demo wrote
)

// openForDemo opens path and says whether it is empty or an earlier demo;
// any other database is closed and refused with errNotDemo.
func openForDemo(ctx context.Context, env Env, path string) (*store.Store, int, error) {
	st, err := store.Open(ctx, path, store.WithClock(env.Now))
	if err != nil {
		return nil, 0, err
	}
	_, isDemo, err := st.Setting(ctx, store.SettingDemoSeed)
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	if isDemo {
		return st, demoFile, nil
	}
	var rows int
	if err := st.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM settings)
        + (SELECT count(*) FROM imports)`).Scan(&rows); err != nil {
		st.Close()
		return nil, 0, fmt.Errorf("inspect %s: %w", path, err)
	}
	if rows > 0 {
		st.Close()
		return nil, 0, fmt.Errorf("%s holds your own data (%w); it was left untouched. Choose another --db file", path, errNotDemo)
	}
	return st, emptyFile, nil
}

// defaultDemoSeed is the seed `offboard demo` uses unless told otherwise,
// and the one the workbench's --demo opens.
const defaultDemoSeed = 1

// openDemo opens the demo database for the workbench. A demo written today
// with the default seed is kept as it is, so work done in it survives a
// restart the same day; any other demo (an earlier day's, or another
// seed's) is replaced by today's, and an empty file is filled.
func openDemo(ctx context.Context, env Env) (*store.Store, error) {
	path, err := store.DemoPath(env.Getenv)
	if err != nil {
		return nil, err
	}
	st, kind, err := openForDemo(ctx, env, path)
	if err != nil {
		return nil, err
	}
	if kind == demoFile {
		today, err := isTodaysDemo(ctx, st, env.Now())
		if err != nil {
			st.Close()
			return nil, err
		}
		if today {
			return st, nil
		}
	}
	st.Close()
	fmt.Fprintln(env.Stderr, "Writing today's demo portfolio…")
	if _, err := writeDemo(ctx, env, path, demo.Options{Seed: defaultDemoSeed}); err != nil {
		return nil, err
	}
	return store.Open(ctx, path, store.WithClock(env.Now))
}

// isTodaysDemo reports whether the demo in st was written with the default
// seed and ends on the calendar day of now.
func isTodaysDemo(ctx context.Context, st *store.Store, now time.Time) (bool, error) {
	settings, err := st.Settings(ctx)
	if err != nil {
		return false, err
	}
	return settings[store.SettingDemoSeed] == strconv.Itoa(defaultDemoSeed) &&
		settings[store.SettingDemoAsOf] == store.Date(lastDemoDay(now)), nil
}

// lastDemoDay is the last day of the demo's history: yesterday, the last
// complete day, so the demo is assessed as of today like a real portfolio.
func lastDemoDay(now time.Time) time.Time { return now.AddDate(0, 0, -1) }
