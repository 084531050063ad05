package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"offboard/casefile"
	"offboard/store"
)

func logCommand() *Command {
	c := &Command{
		Name:    "log",
		Summary: "write down a call, email, meeting, note, incident or agreement change",
		Usage: "log CLIENT --kind call|email|meeting|note|incident|edit --summary TEXT [--at \"YYYY-MM-DD HH:MM\"] " +
			"[--direction inbound|outbound|internal] [--body TEXT] [--attach FILE] [--category FLAG --severity 1-5 --who NAME] " +
			"[--seats N] [--mrr AMOUNT] [--notice-days N] [--clause TEXT] [--term-end DATE] [--contact NAME] [--email ADDR] " +
			"[--phone NUMBER] [--licence \"QTY x PRODUCT until DATE annual|monthly\"] [--corrects ENTRY] [--db FILE | --demo]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		// seed 001: keep a record of every communication.
		fs := newFlags(env, c.Name, c.Usage, `Keeps what happened in the record, chained like everything else there. --summary
is what happened as you write it; for an incident its description, for an edit
the reason. --at is in the client's time zone (else business.time_zone); it defaults
to now and may not be in the future. An incident counts in the client's score at
once: abuse of severity 4 or 5 is zero tolerance. --corrects names the record
entry (its number in 'offboard record') that this one corrects; nothing is ever
changed in place.`)
		var o scoringFlags
		o.register(fs)
		var d casefile.EntryDraft
		fs.StringVar(&d.Kind, "kind", "", "what to write down: "+strings.Join(casefile.EntryKinds, ", "))
		fs.StringVar(&d.At, "at", "", "when it happened, `YYYY-MM-DD HH:MM` (default now)")
		fs.StringVar(&d.Summary, "summary", "", "what happened, as you would write it")
		fs.StringVar(&d.Body, "body", "", "the fuller text of a communication")
		fs.StringVar(&d.Direction, "direction", "outbound", "of a call, email or meeting: inbound, outbound or internal")
		fs.StringVar(&d.Attachment, "attach", "", "a `file` kept with a communication by its path and SHA-256")
		fs.StringVar(&d.Category, "category", "", "of an incident: "+strings.Join(casefile.IncidentCategories, ", "))
		fs.StringVar(&d.Severity, "severity", "", "of an incident, 1 (minor) to 5 (grave)")
		fs.StringVar(&d.Who, "who", "", "who reported the incident")
		fs.StringVar(&d.Corrects, "corrects", "", "the record `entry` this one corrects")
		registerEdit(fs, &d.Edit)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		st, setup, err := o.open(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		cl, err := findClient(ctx, st, name)
		if err != nil {
			return err
		}
		e, err := d.Entry(cl, casefile.ClientZone(cl, setup.Config), env.Now())
		if err != nil {
			return fmt.Errorf("log %s: %w", cl.Name, err)
		}
		desk := setup.desk
		said, err := desk.Log(ctx, cl.ID, e)
		if err != nil {
			return fmt.Errorf("log %s: %w", cl.Name, err)
		}
		fmt.Fprintln(env.Stdout, said)
		return printStanding(ctx, env, desk, cl)
	}
	return c
}

// printStanding prints the client's score and recommendation after an
// entry, so the owner sees at once what it changed.
func printStanding(ctx context.Context, env Env, desk *casefile.Desk, cl store.Client) error {
	p, err := desk.Assess(ctx)
	if err != nil {
		return err
	}
	for _, a := range p.Assessments {
		if a.Client.ID == cl.ID {
			fmt.Fprintf(env.Stdout, "%s now scores %d: %s.\n", cl.Name, a.Score, a.Recommendation.Title())
		}
	}
	return nil
}

// registerEdit binds the flags of an edit to the client and its agreement.
func registerEdit(fs *flag.FlagSet, d *casefile.EditDraft) {
	fs.StringVar(&d.Seats, "seats", "", "an edit: the seats the agreement covers")
	fs.StringVar(&d.MRR, "mrr", "", "an edit: the monthly fee, such as 4200.00")
	fs.StringVar(&d.NoticeDays, "notice-days", "", "an edit: the agreement's notice period in days")
	fs.StringVar(&d.Clause, "clause", "", "an edit: the agreement's termination clause")
	fs.StringVar(&d.TermEnd, "term-end", "", "an edit: the end of the agreement's term, `YYYY-MM-DD`")
	fs.StringVar(&d.Contact, "contact", "", "an edit: the client's contact person")
	fs.StringVar(&d.Email, "email", "", "an edit: the contact's email")
	fs.StringVar(&d.Phone, "phone", "", "an edit: the contact's phone number")
	fs.StringVar(&d.Licence, "licence", "", "an edit: a `licence` we manage for the client, listed in its letter, as \"42 x Microsoft 365 Business Premium until 2027-04-30 annual\" (or monthly)")
}
