package cli

import (
	"context"
	"fmt"

	"offboard/store"
)

func postmortemCommand() *Command {
	c := &Command{
		Name:    "postmortem",
		Summary: "take stock of how a client came to be let go",
		Usage:   "postmortem CLIENT [--lessons TEXT] [-o FILE] [--db FILE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, "Prints the post-mortem note of a client given notice (seed 002: take stock of how you got\n"+
			"there): when each red flag first appeared and how long until action was taken, with your\n"+
			"notes on what to change. In --lessons, lines starting with - are changes to make; the\n"+
			"rest are notes. -o writes the note to a file and records it.")
		lessons := fs.String("lessons", "", "save your notes on what to change (replaces earlier notes)")
		out := fs.String("o", "", "write the note to `file` and record it")
		db := dbFlag(fs)
		pos, err := parseInterspersed(env, fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usagef(fs, "name one client (got %d arguments)", len(pos))
		}
		st, err := openStore(ctx, env, *db)
		if err != nil {
			return err
		}
		defer st.Close()
		cl, err := findClient(ctx, st, pos[0])
		if err != nil {
			return err
		}
		if *lessons != "" {
			if err := st.SaveLessons(ctx, cl.ID, *lessons); err != nil {
				return err
			}
		}
		in, err := st.PostMortemInput(ctx, cl, today(env.Now()))
		if err != nil {
			return err
		}
		r, err := newRenderer(env)
		if err != nil {
			return err
		}
		md, err := r.PostMortem(in)
		if err != nil {
			return err
		}
		if *out == "" || *out == "-" {
			_, err := fmt.Fprint(env.Stdout, md)
			return err
		}
		if _, err := st.RecordExport(ctx, store.Document{ClientID: cl.ID, Kind: "postmortem",
			Title: "Post-mortem of " + cl.Name, Markdown: md, ExportedPath: *out}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Post-mortem of %s written to %s\n", cl.Name, *out)
		return nil
	}
	return c
}
