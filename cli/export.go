package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"offboard/casefile"
	"offboard/importer"
)

func exportCommand() *Command {
	c := &Command{Name: "export", Summary: "write every kind of record as CSV in the generic format",
		Usage: "export DIR [--db FILE] [--client NAME]"}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, `Writes settings.csv, clients.csv, tickets.csv, time.csv, invoices.csv,
payments.csv, incidents.csv, security.csv, upgrades.csv and plans.csv to DIR in the
generic offboard format, which 'offboard import' reads back: to move your
data anywhere, or, with --client, to hand a departing client its records
(without our settings).`)
		db := storeFlag(fs)
		client := fs.String("client", "", "write only this client's records (a name or external id)")
		pos, err := parseInterspersed(env, fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usagef(fs, "export needs exactly one DIR")
		}
		dir := pos[0]
		st, err := db.openRead(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		var clientID int64
		if *client != "" {
			c, err := findClient(ctx, st, *client)
			if err != nil {
				return err
			}
			clientID = c.ID
		}
		desk := &casefile.Desk{Store: st, Now: env.Now}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, k := range importer.Kinds() {
			path := filepath.Join(dir, string(k)+".csv")
			n, err := writeAtomically(path, func(f *os.File) (int, error) { return desk.ExportKind(ctx, k, f, clientID) })
			if err != nil {
				return fmt.Errorf("export %s: %w", path, err)
			}
			fmt.Fprintf(env.Stdout, "%s: %s\n", path, count(n, "row", "rows"))
		}
		return nil
	}
	return c
}

// writeAtomically writes a file under a temporary name and renames it into
// place, so an interrupted export never leaves half a file; the file is
// readable by its owner only, as client data should be.
func writeAtomically(path string, write func(f *os.File) (int, error)) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	n, err := write(tmp)
	if err != nil {
		tmp.Close()
		return 0, err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), path)
}
