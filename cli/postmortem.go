package cli

import (
	"context"
	"fmt"

	"offboard/casefile"
	"offboard/textsafe"
)

func postmortemCommand() *Command {
	c := &Command{
		Name:    "postmortem",
		Summary: "take stock of how a client came to be let go",
		Usage:   "postmortem CLIENT [--lessons TEXT] [-o FILE] [--db FILE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		// seed 002: take stock of how you got there.
		fs := newFlags(env, c.Name, c.Usage, "Prints the post-mortem note of a client given notice, to take stock of how you got\n"+
			"there: when each red flag first appeared and how long until action was taken, with your\n"+
			"notes on what to change. In --lessons, lines starting with - are changes to make; the\n"+
			"rest are notes. -o writes the note to a file and records it.")
		lessons := fs.String("lessons", "", "save your notes on what to change (replaces earlier notes)")
		out := fs.String("o", "", "write the note to `file` and record it")
		db := storeFlag(fs)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		desk, cl, err := openDesk(ctx, env, db, fs, name)
		if err != nil {
			return err
		}
		defer desk.Store.Close()
		if *lessons != "" {
			if err := desk.SaveLessons(ctx, cl.ID, *lessons); err != nil {
				return err
			}
		}
		note, err := desk.PostMortem(ctx, cl.ID, casefile.CivilDay(env.Now()))
		if err != nil {
			return err
		}
		path := *out
		if path == "" {
			path = "-"
		}
		if err := emitDocument(ctx, env, desk, note.Document, path); err != nil || path == "-" {
			return err
		}
		fmt.Fprintf(env.Stdout, "Post-mortem of %s written to %s\n", textsafe.Line(cl.Name), *out)
		return nil
	}
	return c
}
