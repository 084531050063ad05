package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"offboard/money"
	"offboard/scoring"
	"offboard/textsafe"
)

// jsonSchema is the version of the JSON that `offboard score --json`
// prints. It changes only when a field is renamed or removed or its meaning
// changes; new fields may appear without a change. Version 2 removed the
// seeds of each flag: where a rule comes from is documentation, not output.
//
// The portfolio (without --client) is one object:
//
//	schema          2
//	as_of           RFC 3339 instant of the assessment
//	window          {from, to, months}: the calendar months the rates cover
//	method, k       "sd" or "robust", and the half-width of the normal ranges
//	norms           metric id → {low, high, center, spread, n, method, k, mean_ad_fallback}
//	concentration   {top_share, top_clients, clients, hours_share, top_hours, total_hours}
//	counts          {keep, watch, remediate, offboard}: clients per recommendation in force
//	clients         assessments, highest score first
//
// An assessment (each element of clients, or the whole output with
// --client, which adds schema, as_of, method and k beside it) is:
//
//	client          {id, name, status, seats, mrr, currency, since}
//	window          {from, to, months}; history_months; rated (false: some rates not judged)
//	records_from    first month of the records when they begin after the client, so history counts
//	                from there; absent when the history starts with the client
//	unrated         why not: "too little history (N months)", "… (N months of records)" or
//	                "no seat count"; absent when rated
//	flags           [{id, title, category, severity 0–100, points, evidence, zero_tolerance}]
//	score           0–100
//	computed        the policy's recommendation: keep, watch, remediate or offboard
//	recommendation  the one in force: the owner's override when there is one
//	reasons         sentences saying why
//	override        null or {recommendation, reason, at}
//	payment_grade   "A"–"F", or "" with too few paid invoices
//	profit          {months, revenue, hours, labour_cost, margin, effective_rate, break_even_monthly}
//	lab             [{metric, label, known, value, display, judged, unjudged, range, range_text, marker "H"/"L"/"",
//	                  z, your_norm, industry_norm, method, trend {direction, previous, recent}}]
//
// Money is in minor units of the client's currency; shares and margins are
// fractions (0.25 is 25%); MFA coverage and patch compliance are percentages.
const jsonSchema = 2

func scoreCommand() *Command {
	c := &Command{
		Name:    "score",
		Summary: "score every client: red flags, normal ranges and a recommendation",
		Usage:   "score [--db FILE | --demo] [--config FILE] [--as-of DATE] [--json] [--client NAME]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, c.Summary+`.

Without --client, a table of every client sorted by score. With --client, the
full assessment: red flags with their evidence, the lab panel against the
portfolio's normal ranges, profitability and the reasons for the
recommendation. --json prints the same as a stable, versioned document.
--as-of judges an archive as it stood at the end of a past day.`)
		var o scoringFlags
		o.register(fs)
		o.registerAsOf(fs)
		asJSON := fs.Bool("json", false, "print JSON instead of text")
		name := fs.String("client", "", "print the full assessment of the client whose name matches `NAME`")
		if err := parse(env, fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef(fs, "unexpected argument %q", fs.Arg(0))
		}
		st, setup, err := o.openRead(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		assessed, err := setup.desk.Assess(ctx)
		if err != nil {
			return err
		}
		p := assessed.Portfolio
		if *name == "" {
			if *asJSON {
				return writeJSON(env.Stdout, struct {
					Schema int `json:"schema"`
					scoring.Portfolio
				}{jsonSchema, p})
			}
			return writeTable(env.Stdout, &p)
		}
		a, err := p.Find(*name)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.Stdout, struct {
				Schema int                 `json:"schema"`
				AsOf   time.Time           `json:"as_of"`
				Method scoring.StatsMethod `json:"method"`
				K      float64             `json:"k"`
				*scoring.Assessment
			}{jsonSchema, p.AsOf, p.Method, p.K, a})
		}
		return writeAssessment(env.Stdout, &p, a, &assessed.Setup.Config)
	}
	return c
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeTable prints the portfolio, one client a line, highest score first.
func writeTable(w io.Writer, p *scoring.Portfolio) error {
	if len(p.Assessments) == 0 {
		_, err := fmt.Fprintln(w, "No clients yet: import your PSA's exports, or try 'offboard score --demo' on the built-in demo portfolio.")
		return err
	}
	fmt.Fprintln(w, portfolioHeadline(p))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CLIENT\tRECOMMENDATION\tSCORE\tMRR\tMARGIN\tTOP FLAGS")
	overridden := false
	for i := range p.Assessments {
		a := &p.Assessments[i]
		rec := a.Recommendation.Title()
		if a.Override != nil {
			rec += "*"
			overridden = true
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", textsafe.Line(a.Client.Name), rec, a.Score,
			money.Grouped(a.Client.MRR, ""), marginText(a.Profit), topFlags(a.Flags, 2))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if overridden {
		fmt.Fprintln(w, "\n* the owner's override; 'offboard score --client NAME' shows the reason.")
	}
	return nil
}

// portfolioHeadline sums the portfolio up in one line.
func portfolioHeadline(p *scoring.Portfolio) string {
	parts := []string{fmt.Sprintf("%d clients as of %s", len(p.Assessments), asOfText(p.AsOf))}
	for _, r := range []scoring.Recommendation{scoring.Offboard, scoring.Remediate, scoring.Watch, scoring.Keep} {
		parts = append(parts, fmt.Sprintf("%d %s", p.Counts[r], r.Title()))
	}
	c := p.Concentration
	parts = append(parts, fmt.Sprintf("top %d%% of clients use %.0f%% of hours", int(c.TopShare*100+0.5), c.HoursShare*100))
	return strings.Join(parts, " · ")
}

func marginText(pr scoring.Profit) string {
	if pr.Revenue == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", pr.Margin*100)
}

// topFlags names the heaviest flags with their severities.
func topFlags(flags []scoring.Flag, n int) string {
	var parts []string
	for _, f := range flags[:min(n, len(flags))] {
		parts = append(parts, fmt.Sprintf("%s %d", f.Title, f.Severity))
	}
	if len(flags) > n {
		parts = append(parts, fmt.Sprintf("+%d", len(flags)-n))
	}
	return strings.Join(parts, ", ")
}

// asOfText words the moment of an assessment: an archive or the demo,
// judged at midnight, as the end of the day before ("the end of
// 2025-06-30", as --as-of was given), any other moment as its date.
func asOfText(t time.Time) string {
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return "the end of " + t.AddDate(0, 0, -1).Format(time.DateOnly)
	}
	return t.Format(time.DateOnly)
}

// windowText words the months a client's rates cover: "over
// 2025-11–2026-10", "over 2026-10", or none at all when its history holds
// no complete month.
func windowText(w scoring.Window) string {
	last := w.To.AddDate(0, -1, 0).Format("2006-01")
	switch w.Months {
	case 0:
		return "with no complete month to rate"
	case 1:
		return "over " + last
	}
	return "over " + w.From.Format("2006-01") + "–" + last
}

// writeAssessment prints one client's assessment in full.
func writeAssessment(w io.Writer, p *scoring.Portfolio, a *scoring.Assessment, cfg *scoring.Config) error {
	c := a.Client
	fmt.Fprintf(w, "%s: %s (score %d)\n", textsafe.Line(c.Name), a.Recommendation.Title(), a.Score)
	fmt.Fprintf(w, "%s · %d seats · MRR %s %s · %s · assessed as of %s %s\n\n",
		c.Status, c.Seats, money.Grouped(c.MRR, ""), c.Currency, a.HistoryText(), asOfText(p.AsOf), windowText(a.Window))

	fmt.Fprintln(w, "Why")
	for _, r := range a.Reasons {
		fmt.Fprintf(w, "  %s\n", textsafe.Line(r))
	}

	fmt.Fprintln(w, "\nRed flags")
	if len(a.Flags) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, f := range a.Flags {
		zero := ""
		if f.ZeroTolerance {
			zero = " · ZERO TOLERANCE"
		}
		fmt.Fprintf(w, "  %s: severity %d, %.1f points · %s%s\n    %s\n", f.Title, f.Severity, f.Points, f.Category, zero, textsafe.Line(f.Evidence))
	}

	fmt.Fprintf(w, "\nLab panel (normal range: %s)\n", p.Norms[scoring.MetricHoursPerSeat].Describe())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  METRIC\tVALUE\tNORMAL RANGE\t\tZ\tTREND\tINDUSTRY NORM")
	for _, r := range a.Lab {
		rng, z := r.RangeText, ""
		switch {
		case !r.Judged:
			rng = "not judged: " + r.Unjudged
		case rng == "":
			rng = r.YourNorm
		case r.Known && r.Range.Spread > 0:
			z = fmt.Sprintf("%+.1f", r.Z)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Label, r.Display, rng, r.Marker, z, r.Trend.Direction, r.IndustryNorm)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if note := a.RecordsNote(); note != "" {
		fmt.Fprintf(w, "  %s\n", note)
	}

	pr := a.Profit
	fmt.Fprintf(w, "\nProfitability over %s\n", plural(pr.Months, "month"))
	fmt.Fprintf(w, "  Revenue           %s\n", money.Grouped(pr.Revenue, ""))
	fmt.Fprintf(w, "  Labour cost       %s (%.1f hours at %s)\n", money.Grouped(pr.LabourCost, ""), pr.Hours, money.Grouped(cfg.LoadedCostPerHour, ""))
	fmt.Fprintf(w, "  Margin            %s (target %.0f%%)\n", marginText(pr), cfg.TargetMargin*100)
	fmt.Fprintf(w, "  Effective rate    %s an hour (standard %s)\n", money.Grouped(pr.EffectiveRate, ""), money.Grouped(cfg.StandardRatePerHour, ""))
	fmt.Fprintf(w, "  Break-even price  %s a month for a %.0f%% margin (MRR %s)\n", money.Grouped(pr.BreakEvenMonthly, ""), cfg.TargetMargin*100, money.Grouped(c.MRR, ""))
	return nil
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
