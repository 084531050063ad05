package cli

import (
	"context"
	"fmt"

	"offboard/letters"
	"offboard/store"
)

func recordCommand() *Command {
	c := &Command{
		Name:    "record",
		Summary: "write out a client's whole history, with its hashes, for a dispute",
		Usage:   "record CLIENT [-o FILE] [--db FILE | --demo]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		// seed 001: keep records of every communication, for an audit trail if
		// there is a dispute.
		fs := newFlags(env, c.Name, c.Usage, `Writes the client's record as Markdown, the audit trail if there is a dispute:
where the client stands and its red flags, then every decision, communication,
document, incident, edit and checklist step in the order it was recorded, each
with its hash, and the result of verifying the whole record. By default to
exports/<client>-record-<date>.md; -o - prints it.`)
		var o scoringFlags
		o.register(fs)
		out := fs.String("o", "", "write the record to `file` (- prints it)")
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		st, setup, err := o.openRead(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		cl, err := findClient(ctx, st, name)
		if err != nil {
			return err
		}
		desk := setup.desk
		md, v, err := desk.ClientRecord(ctx, cl.ID)
		if err != nil {
			return err
		}
		path := *out
		if path == "-" {
			_, err := fmt.Fprint(env.Stdout, md)
			return err
		}
		if path == "" {
			path = letters.DefaultExportPath(letters.Kind("record"), cl.Name, env.Now())
		}
		if err := store.WriteExportFile(path, md, true); err != nil {
			return err
		}
		state := "intact"
		if !v.OK() {
			state = "NOT intact: run 'offboard verify'"
		}
		fmt.Fprintf(env.Stdout, "Record of %s written to %s (%s).\n", cl.Name, path, state)
		return nil
	}
	return c
}
