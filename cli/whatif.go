package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"offboard/casefile"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// whatIfSchema is the version of the JSON that `offboard whatif --json`
// prints. It changes only when a field is renamed or removed or its meaning
// changes; new fields may appear without a change.
//
//	schema     1
//	as_of      RFC 3339 instant of the assessment
//	clients    one per client asked, in order:
//	  client   {id, name, status, seats, mrr, currency, since}
//	  months   the window the monthly averages cover
//	  now      the client today: a load (below)
//	  before   the serviced portfolio today: a load with concentration
//	  options  four outcomes (below): keep, reprice, narrow, let_go
//	together   with several clients, the outcome of letting all go at once; else null
//
// A load is an average month of the window: {mrr, annual_revenue,
// labour_hours, labour_cost, margin, tickets, after_hours_tickets}; the
// portfolio's adds concentration {top_share, top_clients, clients,
// hours_share, top_hours, total_hours}. An outcome is {option, client (a
// load), increase, increase_percent, portfolio, mrr_change, margin_change,
// hours_freed, hours_freed_per_technician (0 unless business.technicians is
// set), tickets_removed, after_hours_removed, after_hours_share, and for
// narrow only excluded}. Narrowing the scope removes the out-of-scope
// tickets and the user-support ones (their category, by
// importer.UserSupport) with their hours, a ticket that is both once:
// excluded is {out_of_scope_hours, out_of_scope_tickets, user_support_hours,
// user_support_tickets, both_hours, both_tickets} a month, and hours_freed
// and tickets_removed are out of scope + user support − both. Its
// after_hours_removed and after_hours_share are null because those tickets
// are not counted by time of day.
//
// Money is in minor units; margins, shares and changes are fractions (0.042
// is 4.2%, or 4.2 points for margin_change).
const whatIfSchema = 1

func whatIfCommand() *Command {
	c := &Command{
		Name:    "whatif",
		Summary: "what keeping, re-pricing, narrowing or letting clients go does to the business",
		Usage:   "whatif CLIENT... [--db FILE | --demo] [--config FILE] [--json] [--recommended offboard]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, c.Summary+`.

For each client, four options side by side: keep as is; re-price to the
break-even fee for the target margin; narrow the scope (the out-of-scope
tickets and those whose category is user support leave with their hours, a
ticket that is both once); let go. Each shows the fee and annual revenue,
labour hours a month, the work narrowing leaves out, the client's and the
portfolio's margin after, hours freed, after-hours tickets removed and the
portfolio's concentration after, as an average month of the assessment
window. With several clients (or --recommended), also the portfolio after
letting all of them go at once. These figures are for the owner only.`)
		var o scoringFlags
		o.register(fs)
		asJSON := fs.Bool("json", false, "print JSON instead of text")
		recommended := fs.String("recommended", "", "add every client whose recommendation in force is `REC` (keep, watch, remediate or offboard)")
		names, err := parseInterspersed(env, fs, args)
		if err != nil {
			return err
		}
		var rec scoring.Recommendation
		if *recommended != "" {
			if rec, err = scoring.ParseRecommendation(*recommended); err != nil {
				return usagef(fs, "--recommended: %v", err)
			}
		}
		if len(names) == 0 && rec == "" {
			return usagef(fs, "name at least one client, or use --recommended")
		}
		st, setup, err := o.openRead(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		w, err := whatIfOf(ctx, st, setup, names, rec)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, struct {
				Schema   int                    `json:"schema"`
				AsOf     time.Time              `json:"as_of"`
				Clients  []scoring.ClientWhatIf `json:"clients"`
				Together *scoring.Outcome       `json:"together"`
			}{whatIfSchema, w.Portfolio.AsOf, w.Clients, w.Together})
		}
		return writeWhatIf(env.Stdout, w, &setup.Config)
	}
	return c
}

// whatIfOf finds the clients named, adds those recommended rec, and weighs
// their options against one assessment.
func whatIfOf(ctx context.Context, st *store.Store, setup scoringSetup, names []string, rec scoring.Recommendation) (*casefile.WhatIf, error) {
	ids := make([]int64, 0, len(names))
	for _, n := range names {
		cl, err := findClient(ctx, st, n)
		if err != nil {
			return nil, err
		}
		ids = append(ids, cl.ID)
	}
	d := *setup.desk
	d.Now = func() time.Time { return setup.AsOf }
	p, err := d.Assess(ctx)
	if err != nil {
		return nil, err
	}
	if rec != "" {
		more := p.Recommended(rec)
		if len(more) == 0 && len(ids) == 0 {
			return nil, fmt.Errorf("no client is recommended %s", rec.Title())
		}
		ids = append(ids, more...)
	}
	return p.WhatIf(ids...)
}

// writeWhatIf prints each client's options as columns, then the portfolio
// after letting them all go.
func writeWhatIf(w io.Writer, wi *casefile.WhatIf, cfg *scoring.Config) error {
	for i := range wi.Clients {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := writeClientWhatIf(w, &wi.Clients[i], cfg); err != nil {
			return err
		}
	}
	if t := wi.Together; t != nil {
		names := make([]string, len(wi.Clients))
		for i := range wi.Clients {
			names[i] = wi.Clients[i].Client.Name
		}
		fmt.Fprintf(w, "\nLetting all %d go at once (%s): %s\n", len(names), strings.Join(names, ", "), casefile.LetGoSummary(*t, cfg))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range casefile.PortfolioFigures(cfg) {
			fmt.Fprintf(tw, "  %s\t%s\n", r.Label, r.Cell(*t))
		}
		return tw.Flush()
	}
	return nil
}

func writeClientWhatIf(w io.Writer, c *scoring.ClientWhatIf, cfg *scoring.Config) error {
	fmt.Fprintf(w, "%s: what if (an average month of the last %s; money in %s)\n\n", c.Client.Name, plural(c.Months, "month"), c.Client.Currency)
	rows := append(casefile.ClientFigures(), casefile.PortfolioFigures(cfg)...)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, " ")
	for _, o := range c.Options {
		fmt.Fprintf(tw, "\t%s", strings.ToUpper(o.Option.Title()))
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		fmt.Fprint(tw, r.Label)
		for _, o := range c.Options {
			fmt.Fprintf(tw, "\t%s", r.Cell(o))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nToday the portfolio's MRR is %s at a %.1f%% margin (target %.0f%%).\n", money.Grouped(c.Before.MRR, ""), c.Before.Margin*100, cfg.TargetMargin*100)
	fmt.Fprintln(w, casefile.NarrowingCaveat)
	if hint := casefile.TechniciansHint(cfg); hint != "" {
		fmt.Fprintln(w, hint)
	}
	return nil
}
