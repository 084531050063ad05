// Package cli parses offboard's command line and runs its subcommands. It
// is main's wiring, split by command so each can be tested in process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"offboard/store"
	"offboard/textsafe"
)

// Env is everything a command may touch of the outside world, so tests can
// run commands against buffers, a fake clock and a temporary environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time
	// IsTerminal reports whether stdout is an interactive terminal; commands
	// use it to choose between progress bars and plain summaries.
	IsTerminal bool
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		Now:        time.Now,
		IsTerminal: isTerminal(os.Stdout),
	}
}

// Command is one subcommand.
type Command struct {
	Name    string
	Summary string
	// Usage is the synopsis line after "offboard ".
	Usage string
	// Run executes the command with the arguments that follow its name.
	Run func(ctx context.Context, env Env, args []string) error
}

// commands is the table of subcommands; help is generated from it.
func commands() []*Command {
	return []*Command{
		importCommand(),
		exportCommand(),
		scoreCommand(),
		configCommand(),
		versionCommand(),
		helpCommand(),
		planCommand(),
		letterCommand(),
		checklistCommand(),
		postmortemCommand(),
		whatIfCommand(),
		demoCommand(),
		logCommand(),
		purgeCommand(),
		recordCommand(),
		verifyCommand(),
	}
}

// UsageError is a mistake on the command line: it exits with status 2 and
// prints the command's usage.
type UsageError struct {
	Cmd *flag.FlagSet
	Err error
}

func (e *UsageError) Error() string { return e.Err.Error() }

func (e *UsageError) Unwrap() error { return e.Err }

// usagef builds a UsageError for the command whose flags are fs.
func usagef(fs *flag.FlagSet, format string, args ...any) error {
	return &UsageError{Cmd: fs, Err: fmt.Errorf(format, args...)}
}

// Main runs offboard with args (without the program name) and returns the
// process exit status: 0 success, 1 runtime failure, 2 usage error.
func Main(ctx context.Context, args []string, env Env) int {
	// Output and errors quote client names, file names and imported
	// values; all of it leaves through these writers, so escapes in them
	// are shown, never obeyed, whichever line printed them.
	stdout, stderr := textsafe.NewWriter(env.Stdout), textsafe.NewWriter(env.Stderr)
	defer stdout.Flush()
	defer stderr.Flush()
	env.Stdout, env.Stderr = stdout, stderr
	err := dispatch(ctx, args, env)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		// One line and where to read more: the whole usage would push the
		// mistake itself off the screen.
		fmt.Fprintf(env.Stderr, "offboard: %s\nsee '%s'\n", ue.Err, helpHint(ue.Cmd))
		return 2
	}
	if store.IsLocked(err) && !errors.Is(err, store.ErrLocked) {
		// A single statement outside the store's transactions met the
		// lock: say what to do rather than SQLite's "database is locked".
		err = fmt.Errorf("the database is in use by another offboard process; let it finish, or close it, and try again: %w", store.ErrLocked)
	}
	fmt.Fprintf(env.Stderr, "offboard: %s\n", err)
	return 1
}

// helpHint is the command that shows the usage of the command whose flags
// are fs: the overview for the workbench's own flags.
func helpHint(fs *flag.FlagSet) string {
	if fs == nil || fs.Name() == "offboard" {
		return "offboard help"
	}
	return "offboard help " + fs.Name()
}

func dispatch(ctx context.Context, args []string, env Env) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		for _, c := range commands() {
			if c.Name == args[0] {
				return c.Run(ctx, env, args[1:])
			}
		}
		return usagef(rootFlags(env, new(tuiOptions)), "unknown command %q", args[0])
	}
	return runTUI(ctx, env, args)
}

// newFlags makes a command's flag set with a usage message that shows its
// synopsis and flags, written to the command's stderr.
func newFlags(env Env, name, usage, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: offboard %s\n", usage)
		if summary != "" {
			fmt.Fprintf(w, "\n%s\n", summary)
		}
		printFlags(w, fs)
	}
	return fs
}

// printFlags lists the flags GNU-style (--name, and -o for one letter), as
// README writes them; the flag package accepts one dash or two.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprintln(w, "\nflags:")
			first = false
		}
		name, usage := flag.UnquoteUsage(f)
		arg := ""
		if name != "" {
			arg = " " + strings.ToUpper(name)
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		fmt.Fprintf(w, "  %s%s%s\n        %s%s\n", dash, f.Name, arg, usage, def)
	})
}

// parse parses args, turning a flag error into a UsageError (flag already
// printed nothing, because the output is silenced for errors) and leaving
// -h as flag.ErrHelp after printing usage to stdout.
func parse(env Env, fs *flag.FlagSet, args []string) error {
	var msg strings.Builder
	fs.SetOutput(&msg)
	err := fs.Parse(args)
	fs.SetOutput(env.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(env.Stdout)
		fs.Usage()
		return err
	case err != nil:
		return &UsageError{Cmd: fs, Err: err}
	}
	return nil
}

// dbUsage describes --db wherever it appears.
const dbUsage = "database `file` (default: $OFFBOARD_DB, else $XDG_DATA_HOME/offboard/offboard.db)"

// storeFlags are --db, --demo and --adopt, which every command that reads
// the data shares, so anything tried on the demo works the same on real data.
type storeFlags struct {
	db    string
	demo  bool
	adopt bool
}

// register adds --db, --demo and --adopt to fs.
func (o *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.db, "db", "", dbUsage)
	fs.BoolVar(&o.demo, "demo", false, "use the built-in demo portfolio, writing it first if there is none")
	fs.BoolVar(&o.adopt, "adopt", false, "add offboard's tables to a SQLite file that holds another program's (refused otherwise)")
}

// storeFlag registers --db and --demo on a command's flags.
func storeFlag(fs *flag.FlagSet) *storeFlags {
	o := new(storeFlags)
	o.register(fs)
	return o
}

// openRead opens the database the flags choose for reading only, so a
// command that only reads works on a read-only file or folder and never
// waits for a writer.
func (o storeFlags) openRead(ctx context.Context, env Env, fs *flag.FlagSet) (*store.Store, error) {
	return o.open(ctx, env, fs, store.ReadOnly())
}

// open opens the database the flags choose, for reading and writing unless
// opts say otherwise: the demo's with --demo, else --db, OFFBOARD_DB or the
// default.
func (o storeFlags) open(ctx context.Context, env Env, fs *flag.FlagSet, opts ...store.Option) (*store.Store, error) {
	switch {
	case o.demo && o.db != "":
		return nil, usagef(fs, "--demo and --db cannot be used together: the demo has its own file")
	case o.demo:
		return openDemo(ctx, env)
	}
	if o.adopt {
		opts = append(opts, store.Adopt())
	}
	return openStore(ctx, env, o.db, opts...)
}

// openStore opens the database chosen by --db, OFFBOARD_DB or the default.
// A write that finds the file locked by another offboard process says on
// stderr that it waits, and gives up after the lock wait
// ($OFFBOARD_LOCK_WAIT, a duration such as 2m; 30s by default). A database
// the command creates is provisional: a command that fails before writing
// anything in it, or only looks, leaves no empty database behind.
func openStore(ctx context.Context, env Env, dbPath string, opts ...store.Option) (*store.Store, error) {
	path, err := store.ResolvePath(dbPath, env.Getenv)
	if err != nil {
		return nil, err
	}
	wait := store.DefaultLockWait
	if v := env.Getenv("OFFBOARD_LOCK_WAIT"); v != "" {
		if wait, err = time.ParseDuration(v); err != nil || wait < 0 {
			return nil, fmt.Errorf("OFFBOARD_LOCK_WAIT=%q is not a duration such as 30s or 2m", v)
		}
	}
	notice := func() {
		fmt.Fprintf(env.Stderr, "waiting for another offboard process to finish with %s… (up to %s)\n", textsafe.Line(path), wait)
	}
	opts = append([]store.Option{store.WithClock(env.Now), store.WithLockWait(wait, notice), store.Provisional()}, opts...)
	return store.Open(ctx, path, opts...)
}

// Version is offboard's version, set at build time with
// -ldflags "-X offboard/cli.Version=v1.2.3".
var Version = "dev"

func versionCommand() *Command {
	c := &Command{Name: "version", Summary: "print the version", Usage: "version"}
	c.Run = func(_ context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, c.Summary)
		if err := parse(env, fs, args); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "offboard %s (schema %d)\n", Version, store.SchemaVersion())
		return nil
	}
	return c
}

func helpCommand() *Command {
	c := &Command{Name: "help", Summary: "show the commands, or one command's usage", Usage: "help [COMMAND]"}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, c.Summary)
		if err := parse(env, fs, args); err != nil {
			return err
		}
		if fs.NArg() == 1 {
			for _, cmd := range commands() {
				if cmd.Name == fs.Arg(0) {
					return cmd.Run(ctx, env, []string{"-h"})
				}
			}
			return usagef(fs, "unknown command %q", fs.Arg(0))
		}
		writeOverview(env.Stdout)
		return nil
	}
	return c
}

func writeOverview(w io.Writer) {
	fmt.Fprint(w, `offboard: decide, client by client, whether to keep, fix or let go of a managed-services client.

usage:
  offboard [--db FILE] [--config FILE] [--demo] [--no-mouse]   open the workbench
  offboard COMMAND [flags]                                     run one command

commands:
`)
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name < cmds[j].Name })
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range cmds {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Name, c.Summary)
	}
	tw.Flush()
	fmt.Fprint(w, "\nRun 'offboard COMMAND -h' for a command's flags. The database is --db, else $OFFBOARD_DB,\nelse $XDG_DATA_HOME/offboard/offboard.db.\n")
}
