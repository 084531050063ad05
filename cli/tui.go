package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/charmbracelet/lipgloss"

	"offboard/store"
	"offboard/tui"
)

type tuiOptions struct {
	db      string
	demo    bool
	noMouse bool
}

func rootFlags(env Env, o *tuiOptions) *flag.FlagSet {
	fs := newFlags(env, "offboard", "[--db FILE] [--demo] [--no-mouse] | COMMAND [flags]",
		"Opens the workbench. Run 'offboard help' for the commands.")
	fs.StringVar(&o.db, "db", "", "database `file` (default: $OFFBOARD_DB, else $XDG_DATA_HOME/offboard/offboard.db)")
	fs.BoolVar(&o.demo, "demo", false, "open a built-in demo portfolio in its own file, never your database")
	fs.BoolVar(&o.noMouse, "no-mouse", false, "leave the mouse to the terminal, so text can be selected")
	return fs
}

func runTUI(ctx context.Context, env Env, args []string) error {
	var o tuiOptions
	fs := rootFlags(env, &o)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef(fs, "unexpected argument %q", fs.Arg(0))
	}
	if o.demo && o.db != "" {
		return usagef(fs, "--demo and --db cannot be used together: the demo has its own file")
	}
	if !env.IsTerminal {
		return fmt.Errorf("the workbench needs a terminal; for scripts use the commands in 'offboard help'")
	}
	var st *store.Store
	var err error
	if o.demo {
		st, err = openDemo(ctx, env)
	} else {
		st, err = openStore(ctx, env, o.db)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	renderer, err := newRenderer(env)
	if err != nil {
		return err
	}
	common := &tui.Common{Store: st, Now: env.Now, Theme: tui.DefaultTheme(), Keys: tui.DefaultKeyMap(),
		Letters: renderer, MarkdownStyle: markdownStyle(env), Getenv: env.Getenv, Output: os.Stdout}
	app := tui.NewApp(common, tui.NewClientList(common))
	return tui.Run(ctx, app, tui.RunOptions{Mouse: !o.noMouse})
}

// markdownStyle picks the glamour style of the previews once, before the
// program starts: plain text under NO_COLOR, else the dark or light style
// for the terminal's background.
func markdownStyle(env Env) string {
	switch {
	case env.Getenv("NO_COLOR") != "":
		return "notty"
	case lipgloss.HasDarkBackground():
		return "dark"
	default:
		return "light"
	}
}
