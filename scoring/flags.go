package scoring

import (
	"fmt"
	"math"
	"offboard/money"
	"strings"
	"time"
)

// FlagID identifies a red flag.
type FlagID string

// The red flags, each grounded in the seed articles named in its comment.
const (
	FlagLatePayment    FlagID = "late_payment"    // seeds 001, 003
	FlagResourceDrain  FlagID = "resource_drain"  // seed 002
	FlagUnprofitable   FlagID = "unprofitable"    // seeds 000, 002, 004
	FlagAfterHours     FlagID = "after_hours"     // seed 000
	FlagStaffAbuse     FlagID = "staff_abuse"     // seeds 000, 001, 003
	FlagSecurity       FlagID = "security"        // seeds 000, 001
	FlagDataCompliance FlagID = "data_compliance" // seed 001
	FlagScopeCreep     FlagID = "scope_creep"     // seeds 001, 003
	FlagModernization  FlagID = "modernization"   // seeds 000, 003
	FlagCriminal       FlagID = "criminal"        // seed 003
)

// Category groups red flags by what they threaten.
type Category string

// The categories of red flags.
const (
	CategoryMoney    Category = "money"    // cash flow and profit
	CategoryWorkload Category = "workload" // the team's time
	CategoryConduct  Category = "conduct"  // how the client behaves
	CategoryRisk     Category = "risk"     // security, compliance and legal exposure
)

// Flag is one red flag raised on a client, with the numbers behind it.
type Flag struct {
	ID       FlagID   `json:"id"`
	Title    string   `json:"title"` // as shown to the owner: "Late payment"
	Category Category `json:"category"`
	// Severity is 0–100: 25 where the flag's concern threshold is crossed,
	// 100 at its severe threshold or beyond.
	Severity int `json:"severity"`
	// Points is what the flag adds to the score: weight × severity / 100.
	Points float64 `json:"points"`
	// Evidence is one sentence with the real numbers and time window.
	Evidence string `json:"evidence"`
	// ZeroTolerance flags recommend offboarding at once (seed 003).
	ZeroTolerance bool `json:"zero_tolerance"`
}

// FlagInfo describes a red flag of the catalogue.
type FlagInfo struct {
	ID       FlagID
	Title    string   // as shown to the owner
	Category Category // what the flag threatens
}

// detection is what a flag's detector found; severity 0 means no flag.
type detection struct {
	severity float64
	evidence string
	zero     bool
}

type flagDef struct {
	FlagInfo
	weight func(*Config) float64
	detect func(c *clientCalc, p *portfolioCtx) detection
}

var flagDefs = []flagDef{
	{FlagInfo{FlagLatePayment, "Late payment", CategoryMoney}, func(c *Config) float64 { return c.LatePayment.Weight }, detectLatePayment},
	{FlagInfo{FlagResourceDrain, "Resource drain", CategoryWorkload}, func(c *Config) float64 { return c.ResourceDrain.Weight }, detectResourceDrain},
	{FlagInfo{FlagUnprofitable, "Unprofitable", CategoryMoney}, func(c *Config) float64 { return c.Unprofitable.Weight }, detectUnprofitable},
	{FlagInfo{FlagAfterHours, "After-hours urgency", CategoryWorkload}, func(c *Config) float64 { return c.AfterHours.Weight }, detectAfterHours},
	{FlagInfo{FlagStaffAbuse, "Mistreatment of staff", CategoryConduct}, func(c *Config) float64 { return c.StaffAbuse.Weight }, detectStaffAbuse},
	{FlagInfo{FlagSecurity, "Security noncompliance", CategoryRisk}, func(c *Config) float64 { return c.Security.Weight }, detectSecurity},
	{FlagInfo{FlagDataCompliance, "Data-compliance violations", CategoryRisk}, func(c *Config) float64 { return c.DataCompliance.Weight }, detectDataCompliance},
	{FlagInfo{FlagScopeCreep, "Scope creep", CategoryWorkload}, func(c *Config) float64 { return c.ScopeCreep.Weight }, detectScopeCreep},
	{FlagInfo{FlagModernization, "Resistance to modernization", CategoryConduct}, func(c *Config) float64 { return c.Modernization.Weight }, detectModernization},
	{FlagInfo{FlagCriminal, "Criminal activity", CategoryRisk}, func(c *Config) float64 { return c.Criminal.Weight }, detectCriminal},
}

// Catalogue lists the ten red flags in a stable order.
func Catalogue() []FlagInfo {
	out := make([]FlagInfo, len(flagDefs))
	for i, d := range flagDefs {
		out[i] = d.FlagInfo
	}
	return out
}

// raiseFlags runs every detector on one client.
func raiseFlags(c *clientCalc, p *portfolioCtx) []Flag {
	var flags []Flag
	for _, d := range flagDefs {
		det := d.detect(c, p)
		if det.severity <= 0 {
			continue
		}
		sev := int(math.Round(math.Min(100, det.severity)))
		flags = append(flags, Flag{
			ID: d.ID, Title: d.Title, Category: d.Category,
			Severity:      sev,
			Points:        math.Round(d.weight(p.cfg)*float64(sev)/10) / 10,
			Evidence:      det.evidence,
			ZeroTolerance: det.zero,
		})
	}
	return flags
}

// latePaymentSeverity is the late-payment severity (0–100) of the paid
// invoices in w and an overdue balance worth overdueMonths of recurring
// revenue: the worst of the days to pay, the share of invoices paid more
// than 15 days late, and the overdue balance, each through its band. Making
// any invoice later, or the overdue balance larger, never lowers it.
func latePaymentSeverity(w totals, overdueMonths float64, cfg *Config) float64 {
	lp := cfg.LatePayment
	sev := lp.OverdueMonths.Severity(overdueMonths)
	if paid := w.paid(); paid >= lp.MinInvoices {
		daysToPay := float64(lp.TermsDays) + float64(w.DaysLateSum)/float64(paid)
		seriously := float64(w.PaidLate16to30+w.PaidLateOver30) / float64(paid)
		sev = max(sev, lp.DaysToPay.Severity(daysToPay), lp.SeriouslyLate.Severity(seriously))
	}
	return sev
}

// paymentGrade grades paid invoices A to F from their days-late bands, as
// client payment scorecards do; "" when too few invoices were paid.
func paymentGrade(w totals, cfg *Config) string {
	if w.paid() < cfg.LatePayment.MinInvoices {
		return ""
	}
	mean := w.bandMean()
	for i, cut := range cfg.LatePayment.GradeCutoffs {
		if mean <= cut {
			return string("ABCD"[i])
		}
	}
	return "F"
}

// overdueMonths expresses the overdue balance in months of recurring
// revenue, or of average monthly invoicing for a client without any.
func overdueMonths(c *clientCalc) float64 {
	if c.f.Overdue <= 0 {
		return 0
	}
	base := float64(c.f.MRR)
	if base <= 0 && c.span.window.months > 0 {
		base = float64(c.span.window.Invoiced) / float64(c.span.window.months)
	}
	if base <= 0 {
		return math.Inf(1)
	}
	return float64(c.f.Overdue) / base
}

func detectLatePayment(c *clientCalc, p *portfolioCtx) detection {
	w := c.span.window
	months := overdueMonths(c)
	sev := latePaymentSeverity(w, months, p.cfg)
	if sev == 0 {
		return detection{}
	}
	var parts []string
	if grade := paymentGrade(w, p.cfg); grade != "" {
		s := fmt.Sprintf("%d of %d paid invoices issued %s were paid late, %d more than 30 days late",
			w.late(), w.paid(), c.window.Phrase(), w.PaidLateOver30)
		if w.late() > 0 {
			s += fmt.Sprintf("; the late ones averaged %.0f days late", float64(w.DaysLateSum)/float64(w.late()))
		}
		parts = append(parts, s, "payment grade "+grade)
	} else {
		parts = append(parts, fmt.Sprintf("%s paid %s, too few to grade", count(w.paid(), "invoice"), c.window.Phrase()))
	}
	if c.f.Overdue > 0 {
		s := fmt.Sprintf("%s overdue on %s", money.Grouped(c.f.Overdue, ""), count(c.f.OverdueInvoices, "invoice"))
		if !math.IsInf(months, 1) {
			s += fmt.Sprintf(" (%.1f months of recurring revenue)", months)
		}
		parts = append(parts, s)
	} else {
		parts = append(parts, "nothing overdue")
	}
	return detection{severity: sev, evidence: sentence(parts)}
}

// detectResourceDrain follows seed 002 to the letter: a client beyond the
// normal range "in terms of time spent and number of issues", both at once.
// Either alone is common in a large portfolio with right-skewed workloads;
// together they mark the client that costs money to support.
func detectResourceDrain(c *clientCalc, p *portfolioCtx) detection {
	if !c.rated {
		return detection{}
	}
	lines := []struct {
		idx  int
		unit string
	}{{mHoursPerSeat, "hours"}, {mTicketsPerSeat, "tickets"}}
	zmin := math.Inf(1)
	parts := make([]string, 0, len(lines))
	for i, l := range lines {
		r, v := p.norms[l.idx], c.values[l.idx]
		if r.Marker(v) != "H" {
			return detection{}
		}
		zmin = min(zmin, r.Z(v))
		when := ""
		if i == 0 {
			when = " " + c.window.Phrase()
		}
		parts = append(parts, fmt.Sprintf("%.2f %s per seat per month%s, above the normal range %.2f–%.2f (z = %.1f)", v, l.unit, when, r.Low, r.High, r.Z(v)))
	}
	k := p.cfg.Stats.K
	sev := 50 + 50*math.Min(1, (zmin-k)/(p.cfg.ResourceDrain.SevereZ-k))
	parts[len(parts)-1] += fmt.Sprintf(" (%s)", p.norms[mHoursPerSeat].Describe())
	return detection{severity: sev, evidence: sentence(parts)}
}

func detectUnprofitable(c *clientCalc, p *portfolioCtx) detection {
	pr := c.profit
	if !c.enough || pr.Hours == 0 {
		return detection{}
	}
	margin := math.Inf(-1)
	if pr.Revenue > 0 {
		margin = pr.Margin
	}
	sev := p.cfg.Unprofitable.Margin.Severity(margin)
	if sev == 0 {
		return detection{}
	}
	parts := []string{
		fmt.Sprintf("gross margin %s %s: %s invoiced against %s of labour (%.1f hours at %s an hour)",
			marginWords(pr), c.window.Phrase(), money.Grouped(pr.Revenue, ""), money.Grouped(pr.LabourCost, ""), pr.Hours, money.Grouped(p.cfg.LoadedCostPerHour, "")),
		fmt.Sprintf("effective rate %s an hour against our standard %s", money.Grouped(pr.EffectiveRate, ""), money.Grouped(p.cfg.StandardRatePerHour, "")),
		fmt.Sprintf("at a %s margin the break-even price is %s a month against %s MRR", percentOf1(p.cfg.TargetMargin), money.Grouped(pr.BreakEvenMonthly, ""), money.Grouped(c.f.MRR, "")),
	}
	return detection{severity: sev, evidence: sentence(parts)}
}

func marginWords(pr Profit) string {
	if pr.Revenue == 0 {
		return "undefined (nothing invoiced)"
	}
	return percentOf1(pr.Margin)
}

func detectAfterHours(c *clientCalc, p *portfolioCtx) detection {
	ah := p.cfg.AfterHours
	w := c.span.window
	incidents, _ := c.incidents(IncidentAfterHours)
	sev := ah.Incidents.Severity(float64(incidents))
	var parts []string
	if w.Tickets > 0 {
		share := float64(w.AfterHoursTickets) / float64(w.Tickets)
		urgent := float64(w.UrgentTickets) / float64(w.Tickets)
		if c.enough && w.Tickets >= ah.MinTickets {
			sev = max(sev, ah.Share.Severity(share), ah.UrgentShare.Severity(urgent))
		}
		parts = append(parts, fmt.Sprintf("%s of %d tickets %s were opened after hours (%d) and %s at urgent priority (%d)",
			percentOf1(share), w.Tickets, c.window.Phrase(), w.AfterHoursTickets, percentOf1(urgent), w.UrgentTickets))
	}
	if sev == 0 {
		return detection{}
	}
	if incidents > 0 {
		parts = append(parts, fmt.Sprintf("%s in %s", count(incidents, "after-hours demand incident"), p.incidentPhrase))
	}
	return detection{severity: sev, evidence: sentence(parts)}
}

// incidentSeverity grows with the worst incident's severity (1–5) and with
// every further incident.
func incidentSeverity(n, worst int) float64 {
	if n == 0 {
		return 0
	}
	return math.Min(100, 25+75*float64(worst-1)/4+10*float64(n-1))
}

// incidentEvidence describes the incidents of one kind and the worst of them.
func incidentEvidence(n int, worst Incident, what, window string) string {
	which := "of"
	if n > 1 {
		which = "the worst of"
	}
	// The quote is for people, not Go: no escaped quote marks, and no full
	// stop of its own before the one that ends the sentence.
	quote := strings.TrimSuffix(clip(worst.Description, 90), ".")
	s := fmt.Sprintf("%s in %s, %s severity %d of 5 on %s", count(n, what), window, which, worst.Severity,
		worst.At.Format(time.DateOnly))
	if quote == "" {
		// Disposal removed the words and kept the numbers.
		return s
	}
	return s + `: "` + quote + `"`
}

func detectStaffAbuse(c *clientCalc, p *portfolioCtx) detection {
	n, worst := c.incidents(IncidentAbuse)
	if n == 0 {
		return detection{}
	}
	d := detection{
		severity: incidentSeverity(n, worst.Severity),
	}
	parts := []string{incidentEvidence(n, worst, "abuse incident", p.incidentPhrase)}
	if zt := p.cfg.StaffAbuse.ZeroToleranceSeverity; worst.Severity >= zt {
		d.severity, d.zero = 100, true
		parts = append(parts, fmt.Sprintf("mistreatment of staff at severity %d or above is zero-tolerance", zt))
	}
	d.evidence = sentence(parts)
	return d
}

func detectDataCompliance(c *clientCalc, p *portfolioCtx) detection {
	n, worst := c.incidents(IncidentDataCompliance)
	if n == 0 {
		return detection{}
	}
	return detection{
		severity: incidentSeverity(n, worst.Severity),
		evidence: sentence([]string{incidentEvidence(n, worst, "data-compliance incident", p.incidentPhrase)}),
	}
}

func detectCriminal(c *clientCalc, p *portfolioCtx) detection {
	n, worst := c.incidents(IncidentCriminal)
	if n == 0 {
		return detection{}
	}
	return detection{
		severity: 100,
		zero:     true,
		evidence: sentence([]string{incidentEvidence(n, worst, "criminal-activity incident", p.incidentPhrase), "criminal activity is zero-tolerance"}),
	}
}

// backupSeverity rates a backup state: failing backups are nearly as bad
// as none at all; a warning, which any healthy client sees now and then,
// is shown in the evidence but raises nothing by itself.
var backupSeverity = map[BackupStatus]float64{BackupFailing: 80, BackupNone: 100}

func detectSecurity(c *clientCalc, p *portfolioCtx) detection {
	sc := p.cfg.Security
	n, worst := c.incidents(IncidentSecurity)
	sev := incidentSeverity(n, worst.Severity)
	var parts []string
	if s := c.f.Security; s != nil {
		sev = max(sev, s.severity(sc))
		parts = append(parts, s.evidence(sc))
		if f := c.f.FirstSecurity; f != nil {
			if t := travel(f, s); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return withIncidents(sev, parts, n, worst, "security incident", p)
}

// withIncidents completes a detection whose evidence ends with a summary of
// the incidents that fed it.
func withIncidents(sev float64, parts []string, n int, worst Incident, what string, p *portfolioCtx) detection {
	if sev == 0 {
		return detection{}
	}
	if n > 0 {
		parts = append(parts, incidentEvidence(n, worst, what, p.incidentPhrase))
	}
	return detection{severity: sev, evidence: sentence(parts)}
}

func detectScopeCreep(c *clientCalc, p *portfolioCtx) detection {
	w := c.span.window
	n, worst := c.incidents(IncidentScope)
	sev := incidentSeverity(n, worst.Severity)
	var parts []string
	if w.MinutesWorked > 0 {
		share := float64(w.OutOfScopeMinutes) / float64(w.MinutesWorked)
		if c.enough && w.OutOfScopeTickets >= p.cfg.ScopeCreep.MinTickets {
			sev = max(sev, p.cfg.ScopeCreep.HoursShare.Severity(share))
		}
		parts = append(parts, fmt.Sprintf("%.1f of %.1f hours (%s) %s were out of scope, on %d of %d tickets",
			float64(w.OutOfScopeMinutes)/60, w.hours(), percentOf1(share), c.window.Phrase(), w.OutOfScopeTickets, w.Tickets))
	}
	return withIncidents(sev, parts, n, worst, "scope incident", p)
}

func detectModernization(c *clientCalc, p *portfolioCtx) detection {
	var decided int
	var declined []string
	for _, u := range c.f.Upgrades {
		if u.Decision == UpgradePending || u.Decided.Before(p.incidentsFrom) || u.Decided.After(p.asOf) {
			continue
		}
		decided++
		if u.Decision == UpgradeDeclined {
			declined = append(declined, u.Title)
		}
	}
	refusals, _ := c.incidents(IncidentDeclinedUpgrade)
	naive, _ := c.incidents(IncidentNaivete)
	sev := p.cfg.Modernization.Declined.Severity(float64(len(declined) + refusals + naive))
	if sev == 0 {
		return detection{}
	}
	s := fmt.Sprintf("%d of %s decided in %s were declined", len(declined), count(decided, "upgrade recommendation"), p.incidentPhrase)
	if len(declined) > 0 {
		s += " (" + clip(strings.Join(declined, ", "), 90) + ")"
	}
	parts := []string{s}
	if refusals > 0 {
		parts = append(parts, count(refusals, "other refused upgrade"))
	}
	if naive > 0 {
		parts = append(parts, count(naive, "technological-naivete incident"))
	}
	return detection{severity: sev, evidence: sentence(parts)}
}

// count writes "1 invoice" or "3 invoices".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// sentence joins clauses with semicolons and capitalises the first letter.
func sentence(parts []string) string {
	s := strings.Join(parts, "; ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
