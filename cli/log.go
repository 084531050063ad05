package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"offboard/casefile"
	"offboard/money"
	"offboard/store"
)

func logCommand() *Command {
	c := &Command{
		Name:    "log",
		Summary: "write down a call, email, meeting, note, incident or agreement change",
		Usage: "log CLIENT --kind call|email|meeting|note|incident|edit --summary TEXT [--at \"YYYY-MM-DD HH:MM\"] " +
			"[--direction inbound|outbound|internal] [--body TEXT] [--attach FILE] [--category FLAG --severity 1-5 --who NAME] " +
			"[--seats N] [--mrr AMOUNT] [--notice-days N] [--clause TEXT] [--term-end DATE] [--contact NAME] [--email ADDR] " +
			"[--phone NUMBER] [--corrects ENTRY] [--db FILE | --demo]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, `Keeps what happened in the record, chained like everything else there (seed 001:
keep a record of every communication). --summary is what happened as you write
it; for an incident its description, for an edit the reason. --at is in the
client's time zone (else this machine's); it defaults to now and may not be in
the future. An incident counts in the client's score at once: abuse of
severity 4 or 5 is zero tolerance. --corrects names the record entry (its
number in 'offboard record') that this one corrects; nothing is ever changed
in place.`)
		var o scoringFlags
		o.register(fs)
		var e casefile.Entry
		fs.StringVar(&e.Kind, "kind", "", "what to write down: "+strings.Join(casefile.EntryKinds, ", "))
		at := fs.String("at", "", "when it happened, `YYYY-MM-DD HH:MM` (default now)")
		fs.StringVar(&e.Summary, "summary", "", "what happened, as you would write it")
		fs.StringVar(&e.Body, "body", "", "the fuller text of a communication")
		fs.StringVar(&e.Direction, "direction", "outbound", "of a call, email or meeting: inbound, outbound or internal")
		fs.StringVar(&e.Attachment, "attach", "", "a `file` kept with a communication by its path and SHA-256")
		fs.StringVar(&e.Category, "category", "", "of an incident: "+strings.Join(casefile.IncidentCategories, ", "))
		fs.IntVar(&e.Severity, "severity", 0, "of an incident, 1 (minor) to 5 (grave)")
		fs.StringVar(&e.Who, "who", "", "who reported the incident")
		fs.Int64Var(&e.Corrects, "corrects", 0, "the record `entry` this one corrects")
		edit := registerEdit(fs)
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
		if e.At, err = entryTime(fs, *at, cl, env.Now()); err != nil {
			return err
		}
		if e.Edit, err = edit.values(fs, cl.Currency); err != nil {
			return err
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

// entryTime reads --at in the client's time zone, else the machine's.
func entryTime(fs *flag.FlagSet, value string, cl store.Client, now time.Time) (time.Time, error) {
	if value == "" {
		return now, nil
	}
	loc := time.Local
	if l, err := time.LoadLocation(cl.TimeZone); err == nil && cl.TimeZone != "" {
		loc = l
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, value, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef(fs, "--at %q is not a time like 2026-12-03 14:20", value)
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

// editFlags are the fields of the client and its agreement an edit changes.
type editFlags struct {
	seats, notice                               int
	mrr, clause, termEnd, contact, email, phone string
}

func registerEdit(fs *flag.FlagSet) *editFlags {
	f := &editFlags{}
	fs.IntVar(&f.seats, "seats", -1, "an edit: the seats the agreement covers")
	fs.StringVar(&f.mrr, "mrr", "", "an edit: the monthly fee, such as 4200.00")
	fs.IntVar(&f.notice, "notice-days", -1, "an edit: the agreement's notice period in days")
	fs.StringVar(&f.clause, "clause", "", "an edit: the agreement's termination clause")
	fs.StringVar(&f.termEnd, "term-end", "", "an edit: the end of the agreement's term, `YYYY-MM-DD`")
	fs.StringVar(&f.contact, "contact", "", "an edit: the client's contact person")
	fs.StringVar(&f.email, "email", "", "an edit: the contact's email")
	fs.StringVar(&f.phone, "phone", "", "an edit: the contact's phone number")
	return f
}

// values turns the edit flags given into a store edit; unset flags stay nil.
func (f *editFlags) values(fs *flag.FlagSet, currency string) (store.ClientEdit, error) {
	var e store.ClientEdit
	if f.seats >= 0 {
		e.Seats = &f.seats
	}
	if f.notice >= 0 {
		e.NoticeDays = &f.notice
	}
	if f.mrr != "" {
		m, err := money.Parse(f.mrr, currency)
		if err != nil {
			return e, usagef(fs, "--mrr: %v", err)
		}
		e.MRRMinor = &m.Minor
	}
	if f.termEnd != "" {
		t, err := dateFlag(fs, "term-end", f.termEnd, time.Time{})
		if err != nil {
			return e, err
		}
		e.TermEnd = &t
	}
	for _, s := range []struct {
		v   string
		dst **string
	}{{f.clause, &e.TerminationClause}, {f.contact, &e.ContactName}, {f.email, &e.ContactEmail}, {f.phone, &e.Phone}} {
		if s.v != "" {
			v := s.v
			*s.dst = &v
		}
	}
	return e, nil
}
