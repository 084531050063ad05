package cli

import (
	"context"
	"fmt"

	"offboard/casefile"
)

func verifyCommand() *Command {
	c := &Command{
		Name:    "verify",
		Summary: "check that the record has not been altered since it was written",
		Usage:   "verify [--db FILE | --demo]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, `Checks the record kept for a dispute: every decision, communication, document,
incident and edit is an entry chained to the one before by SHA-256. verify
recomputes the chain, compares every row with what its latest entry recorded,
and every exported document's file with the hash recorded when it was written.
It names the first broken entry and exits 1 when anything was altered.`)
		db := storeFlag(fs)
		if err := parse(env, fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef(fs, "unexpected argument %q", fs.Arg(0))
		}
		st, err := db.openRead(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		desk := &casefile.Desk{Store: st, Now: env.Now}
		v, err := desk.Verify(ctx)
		if err != nil {
			return err
		}
		switch n := len(v.Warnings); {
		case n > 3:
			fmt.Fprintf(env.Stdout, "warning: %s, and %d more like it\n", v.Warnings[0], n-1)
		default:
			for _, w := range v.Warnings {
				fmt.Fprintf(env.Stdout, "warning: %s\n", w)
			}
		}
		for _, p := range v.Problems {
			fmt.Fprintf(env.Stdout, "broken: %s\n", p.What)
		}
		if !v.OK() {
			return fmt.Errorf("the record of %s was altered: %s, the first: %s", st.Path(), plural(len(v.Problems), "problem"), v.Problems[0].What)
		}
		fmt.Fprintf(env.Stdout, "The record of %s is intact: %d entries chained, %d exported documents checked.\n",
			st.Path(), v.Entries, v.Documents)
		return nil
	}
	return c
}
