package cli

import (
	"context"
	"fmt"
	"sort"

	"offboard/casefile"
	"offboard/letters"
)

func purgeCommand() *Command {
	c := &Command{
		Name:    "purge",
		Summary: "remove a client's personal data after its retention deadline, with a certificate",
		Usage:   "purge CLIENT --by NAME [--force --reason TEXT] [-o FILE] [--db FILE | --demo]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		// seed 001: confidentiality and the disposal of personal information.
		fs := newFlags(env, c.Name, c.Usage, `Disposes of a client's personal information once the retention deadline the
notice of termination set has passed: contact names, email addresses, phone
numbers and addresses, and the free text of tickets, incidents, communications
and documents. Amounts, dates and counts stay, so scores are unchanged, and the
record's hashes stay, so 'offboard verify' still passes. Writes a certificate of
destruction (by default exports/<client>-certificate-of-destruction-<date>.md)
and records it. Refused before the deadline unless --force with a --reason.`)
		by := fs.String("by", "", "who removes the data, as the certificate names them")
		force := fs.Bool("force", false, "remove the data before its retention deadline (needs --reason)")
		reason := fs.String("reason", "", "why the data is removed early, kept in the record")
		out := fs.String("o", "", "write the certificate to `file`")
		db := storeFlag(fs)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		if *out == "-" {
			// The record keeps the certificate's hash and verify checks it
			// against the file, so a certificate only printed would leave
			// the record pointing at nothing.
			return usagef(fs, "the certificate is kept as a file the record checks: give -o a file name")
		}
		st, cl, err := openClient(ctx, env, db, fs, name)
		if err != nil {
			return err
		}
		defer st.Close()
		path := *out
		if path == "" {
			path = letters.DefaultExportPath(letters.Kind("certificate-of-destruction"), cl.Name, env.Now())
		}
		desk := &casefile.Desk{Store: st, Now: env.Now}
		p, err := desk.Purge(ctx, casefile.PurgeRequest{ClientID: cl.ID, By: *by, Force: *force, Reason: *reason, CertificatePath: path})
		if err != nil {
			return fmt.Errorf("purge %s: %w", cl.Name, err)
		}
		kinds := make([]string, 0, len(p.Removed))
		for k := range p.Removed {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, p.Removed[k]))
		}
		sort.Strings(kinds)
		fmt.Fprintf(env.Stdout, "Removed the personal data of %s (%s).\nCertificate of destruction: %s (SHA-256 %s)\n",
			cl.Name, joinOr(kinds, "nothing held personal data"), p.CertificatePath, p.CertificateSHA256)
		return nil
	}
	return c
}

func joinOr(items []string, none string) string {
	if len(items) == 0 {
		return none
	}
	s := items[0]
	for _, it := range items[1:] {
		s += ", " + it
	}
	return s
}
