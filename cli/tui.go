package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/charmbracelet/lipgloss"

	"offboard/tui"
)

type tuiOptions struct {
	scoringFlags
	noMouse bool
}

func rootFlags(env Env, o *tuiOptions) *flag.FlagSet {
	fs := newFlags(env, "offboard", "[--db FILE | --demo] [--config FILE] [--as-of DATE] [--no-mouse] | COMMAND [flags]",
		"Opens the workbench. Run 'offboard help' for the commands.")
	o.register(fs)
	o.registerAsOf(fs)
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
	// A configuration mistake is reported here, before the screen is taken
	// over; the workbench layers the database's settings over the file's
	// contents on every load.
	st, setup, err := o.open(ctx, env, fs)
	if err != nil {
		return err
	}
	defer st.Close()
	if setup.desk.Letters, err = newRenderer(env); err != nil {
		return err
	}
	keys, err := tui.LoadKeyMap(setup.desk.ConfigFile, setup.desk.ConfigPath)
	if err != nil {
		return err
	}
	changes, err := st.Watch(ctx)
	if err != nil {
		return err
	}
	defer changes.Close()
	common := &tui.Common{Ctx: ctx, Changes: changes, Desk: setup.desk, Theme: tui.DefaultTheme(), Keys: keys, MarkdownStyle: markdownStyle(env), Getenv: env.Getenv, Output: os.Stdout}
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
