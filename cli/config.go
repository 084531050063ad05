package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// scoringSetup is the desk a scoring command works at, with the setup it
// resolved on opening: the effective configuration, where each value came
// from, and the moment of the assessment.
type scoringSetup struct {
	casefile.Setup
	desk *casefile.Desk
}

// scoringFlags are the flags of the commands that score: which database,
// which configuration file.
type scoringFlags struct {
	storeFlags
	config string
	// asOf is --as-of, for the commands that register it.
	asOf string
}

// registerAsOf adds --as-of to fs.
func (o *scoringFlags) registerAsOf(fs *flag.FlagSet) {
	fs.StringVar(&o.asOf, "as-of", "", "judge the portfolio as it stood at the end of `DATE` (YYYY-MM-DD): an archive's later tickets, payments, incidents and snapshots do not count")
}

// register adds --db, --demo and --config to fs.
func (o *scoringFlags) register(fs *flag.FlagSet) {
	o.storeFlags.register(fs)
	fs.StringVar(&o.config, "config", "", "scoring configuration `file` (default: $OFFBOARD_CONFIG, else $XDG_CONFIG_HOME/offboard/config.toml)")
}

// configPath picks the configuration file: the --config flag, OFFBOARD_CONFIG,
// or the XDG config folder. explicit is true when the user named the file,
// so that a missing one is an error rather than "use the defaults".
func configPath(flagValue string, getenv func(string) string) (path string, explicit bool) {
	if flagValue != "" {
		return flagValue, true
	}
	if p := getenv("OFFBOARD_CONFIG"); p != "" {
		return p, true
	}
	if d := getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "offboard", "config.toml"), false
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "offboard", "config.toml"), false
	}
	return "", false
}

// loadScoring reads the configuration file and resolves, through the desk,
// the scoring configuration from the defaults, that file and the database's
// settings, and the assessment date.
func loadScoring(ctx context.Context, env Env, st *store.Store, configFlagValue string, asOf time.Time) (scoringSetup, error) {
	setup := scoringSetup{desk: &casefile.Desk{Store: st, Now: env.Now, AsOf: asOf}}
	path, explicit := configPath(configFlagValue, env.Getenv)
	if path != "" {
		b, err := os.ReadFile(path)
		switch {
		case err == nil:
			setup.desk.ConfigFile, setup.desk.ConfigPath = b, path
		case errors.Is(err, fs.ErrNotExist) && !explicit:
		default:
			return setup, fmt.Errorf("read configuration: %w", err)
		}
	}
	var err error
	setup.Setup, err = setup.desk.Setup(ctx)
	return setup, err
}

// openScoring opens the database at dbPath (or the default) and resolves
// the scoring setup against it; the caller closes the store.
func openScoring(ctx context.Context, env Env, dbPath, cfgPath string, opts ...store.Option) (*store.Store, scoringSetup, error) {
	st, err := openStore(ctx, env, dbPath, opts...)
	return withSetup(ctx, env, st, err, cfgPath, time.Time{})
}

// open opens the database the flags name, the demo's with --demo, and
// resolves the scoring setup against it.
func (o scoringFlags) open(ctx context.Context, env Env, fs *flag.FlagSet) (*store.Store, scoringSetup, error) {
	asOf, err := o.asOfDate(env, fs)
	if err != nil {
		return nil, scoringSetup{}, err
	}
	st, err := o.storeFlags.open(ctx, env, fs)
	return withSetup(ctx, env, st, err, o.config, asOf)
}

// openRead is open for a command that only reads.
func (o scoringFlags) openRead(ctx context.Context, env Env, fs *flag.FlagSet) (*store.Store, scoringSetup, error) {
	asOf, err := o.asOfDate(env, fs)
	if err != nil {
		return nil, scoringSetup{}, err
	}
	st, err := o.storeFlags.openRead(ctx, env, fs)
	return withSetup(ctx, env, st, err, o.config, asOf)
}

// asOfDate reads --as-of: zero when not given; a day to come is refused,
// since nothing is known of it.
func (o scoringFlags) asOfDate(env Env, fs *flag.FlagSet) (time.Time, error) {
	asOf, err := dateFlag(fs, "as-of", o.asOf, time.Time{})
	if err == nil && asOf.After(env.Now()) {
		err = usagef(fs, "--as-of %s is still to come: judge the portfolio as of today or an earlier day", o.asOf)
	}
	return asOf, err
}

// withSetup completes an open: it resolves the scoring setup, closing the
// store if that fails.
func withSetup(ctx context.Context, env Env, st *store.Store, err error, cfgPath string, asOf time.Time) (*store.Store, scoringSetup, error) {
	if err != nil {
		return nil, scoringSetup{}, err
	}
	setup, err := loadScoring(ctx, env, st, cfgPath, asOf)
	if err != nil {
		st.Close()
		return nil, scoringSetup{}, err
	}
	return st, setup, nil
}

func configCommand() *Command {
	c := &Command{
		Name:    "config",
		Summary: "show the effective settings and where each came from, or store one",
		Usage:   "config [--db FILE | --demo] [--config FILE] [--docs] [set KEY VALUE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, c.Summary+`.

Scoring values come from the defaults, then the configuration file (TOML),
then the database, where 'config set' stores them. Our company's details
(company.*) live only in the database.`)
		var o scoringFlags
		o.register(fs)
		docs := fs.Bool("docs", false, "also say what each key means and which values it allows")
		rest, err := parseInterspersed(env, fs, args)
		if err != nil {
			return err
		}
		switch {
		case len(rest) == 0:
		case rest[0] == "set" && len(rest) == 3:
		case rest[0] == "set":
			return usagef(fs, "config set needs a KEY and a VALUE")
		default:
			return usagef(fs, "unexpected argument %q", rest[0])
		}
		open := o.open
		if len(rest) == 0 {
			open = o.openRead
		}
		st, setup, err := open(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		if len(rest) == 0 {
			return printConfig(env.Stdout, setup, *docs)
		}
		key, value := rest[1], rest[2]
		// A value that is refused is a mistake on the command line; a
		// failure to store it is not.
		cfg := setup.Config
		if err := casefile.CheckSetting(&cfg, key, value); err != nil {
			return usagef(fs, "%v", err)
		}
		changed, err := setup.desk.ChangeSettings(ctx, []store.SettingChange{{Key: key, Value: value}})
		if err != nil {
			return err
		}
		if len(changed) == 0 {
			fmt.Fprintf(env.Stdout, "%s = %s (unchanged, in %s)\n", key, value, st.Path())
			return nil
		}
		fmt.Fprintf(env.Stdout, "%s = %s (stored in %s; the change is in the record)\n", key, value, st.Path())
		return nil
	}
	return c
}

// printConfig lists every key with its effective value and source, our
// company's details first; with docs, each key's meaning and allowed values
// follow it.
func printConfig(w io.Writer, setup scoringSetup, docs bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(p scoring.Param, value string, source string) {
		if docs {
			fmt.Fprintf(w, "%s = %s (%s)\n    %s\n    Allowed: %s.\n\n", p.Key, value, source, p.Doc, p.Allowed)
			return
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Key, value, source)
	}
	if !docs {
		fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	}
	for _, p := range casefile.CompanyKeys {
		if value, ok := setup.DB[p.Key]; ok {
			row(p, oneLine(value), "database")
		} else {
			row(p, "(not set)", "-")
		}
	}
	for _, s := range setup.Settings {
		row(s.Param, s.Value, string(s.Source))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	file := setup.desk.ConfigPath
	if file == "" {
		file = "none"
	}
	_, err := fmt.Fprintf(w, "\nConfiguration file: %s. Change a value with 'offboard config set KEY VALUE'.\n", file)
	return err
}

// oneLine shows a multi-line value (an address) on one table row.
func oneLine(s string) string {
	return strings.ReplaceAll(s, "\n", `\n`)
}
