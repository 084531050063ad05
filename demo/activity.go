package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"offboard/importer"
	"offboard/store"
)

// payStyle is how a client settles its invoices.
type payStyle int

const (
	payPrompt      payStyle = iota // within terms, now and then a few days late
	payAutopay                     // collected on the due date
	payChronicLate                 // seeds 001, 003: later and later, a balance left open
	paySlow                        // one to six weeks late
)

// posture bounds a client's quarterly security snapshots.
type posture struct {
	mfa, patch [2]float64 // percent ranges
	eol        [2]float64 // share of devices past end of life
	eolMax     int        // at most this many, whatever the fleet's size; 0 for no limit
	failing    float64    // chance a snapshot's backups are failing
	warning    float64    // chance they show a warning
}

// healthyPosture is a well-kept client: a legacy device or two at most,
// whatever its size, and backups that warn now and then.
var healthyPosture = posture{mfa: [2]float64{90, 100}, patch: [2]float64{95, 100}, eol: [2]float64{0, 0.04}, eolMax: 2,
	warning: 0.06}

// profile is everything that shapes one client's activity.
type profile struct {
	c   store.Client
	loc *time.Location
	// from and to bound the activity: the client's first day with us (or the
	// start of history) and the end of history (or the end of service).
	from, to time.Time

	ticketRate     float64 // tickets per seat per month
	hoursPerTicket float64 // mean reactive hours per ticket
	proactive      float64 // hours per seat per month not tied to a ticket
	afterHours     float64 // share of tickets opened after hours
	urgent         float64 // share of business-hours tickets raised as urgent
	urgentAfter    float64 // share of after-hours tickets raised as urgent
	oos            float64 // share of tickets out of scope
	oosHours       float64 // out-of-scope tickets take this many times longer
	oosUnbilled    bool    // out-of-scope work is done for free (seed 003)

	// change is when a remediation plan took hold; from then on the
	// after-hours shares are changed ones.
	change                           time.Time
	changedAfterHours, changedUrgent float64

	// gapFrom and gapTo bound a spell without service (let go and taken
	// back, seed 002); after it the ticket rate is scaled by rateAfterGap.
	gapFrom, gapTo time.Time
	rateAfterGap   float64
	mrrBeforeGap   int64
	// prior is the client as it stood before the gap, for the notice letter.
	prior *store.Client

	pay     payStyle
	posture posture
	// upgrades overrides the random healthy recommendations when set.
	upgrades []upgrade
}

type upgrade struct {
	title          string
	estimate       int64
	proposed       time.Time
	decided        time.Time // zero while pending
	decision, note string
}

func healthyProfile(r *rand.Rand) profile {
	return profile{
		ticketRate:     logNormal(r, 0.34, 0.22),
		hoursPerTicket: logNormal(r, 0.85, 0.18),
		proactive:      logNormal(r, 0.07, 0.3),
		afterHours:     0.03 + 0.06*r.Float64(),
		urgent:         0.02 + 0.03*r.Float64(),
		urgentAfter:    0.15,
		oos:            0.03 * r.Float64(),
		oosHours:       1.5,
		pay:            payPrompt,
		posture:        healthyPosture,
	}
}

// logNormal draws from a log-normal distribution with the given median:
// right-skewed, as hours and ticket counts are.
func logNormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

func poisson(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		return max(0, int(math.Round(mean+math.Sqrt(mean)*r.NormFloat64())))
	}
	limit, p, k := math.Exp(-mean), 1.0, 0
	for {
		p *= r.Float64()
		if p <= limit {
			return k
		}
		k++
	}
}

// quarterHours rounds minutes to the PSA's 15-minute increments, at least one.
func quarterHours(minutes float64) int {
	return max(15, int(math.Round(minutes/15))*15)
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// afterHours judges a local time against our business hours.
func afterHours(local time.Time) bool {
	wd := local.Weekday()
	return wd == time.Saturday || wd == time.Sunday || local.Hour() < businessStart || local.Hour() >= businessEnd
}

// businessHourWeights spread daytime tickets over 08:00–17:59, busiest in
// the morning as help desks see them.
var businessHourWeights = []int{9, 14, 13, 11, 7, 9, 10, 9, 8, 5}

// nightHourWeights spread after-hours tickets on weekdays: mostly evenings,
// a few in the small hours. Index 0 is 18:00.
var nightHourWeights = []int{9, 7, 6, 4, 3, 2, 1, 1, 1, 1, 1, 1, 2, 4}

func weighted(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return 0
}

// openedAt picks when a ticket was opened, on a local day between lo and
// hi, inside business hours or outside them.
func openedAt(r *rand.Rand, loc *time.Location, lo, hi time.Time, after bool) time.Time {
	// Days are taken from the UTC calendar so that a western zone's evening
	// before lo never counts: every US local day starts after its UTC midnight.
	days := max(1, int(hi.Sub(lo).Hours()/24))
	day := time.Date(lo.Year(), lo.Month(), lo.Day()+r.IntN(days), 0, 0, 0, 0, loc)
	wd := int(day.Weekday())
	weekend := wd == 0 || wd == 6
	toWeekday := func() { day = day.AddDate(0, 0, -((wd+6)%7)+r.IntN(5)) }
	var hour int
	switch {
	case !after:
		if weekend {
			toWeekday()
		}
		hour = businessStart + weighted(r, businessHourWeights)
	case r.Float64() < 0.45:
		if !weekend {
			day = day.AddDate(0, 0, 6-wd+r.IntN(2))
		}
		hour = 7 + r.IntN(16)
	default:
		if weekend {
			toWeekday()
		}
		hour = (businessEnd + weighted(r, nightHourWeights)) % 24
	}
	y, m, d := day.Date()
	return time.Date(y, m, d, hour, r.IntN(60), r.IntN(60), 0, loc)
}

// inSpan brings back into [lo, hi) a time that openedAt's move to a
// weekday or a weekend pushed out of it, a week at a time so the weekday
// and the hour stay; ok is false when the span is too short for that, and
// the time is dropped. Keeping every row inside its span keeps each month,
// and the periods before and after a remediation meeting, exact.
func inSpan(t, lo, hi time.Time) (time.Time, bool) {
	for t.Before(lo) && t.AddDate(0, 0, 7).Before(hi) {
		t = t.AddDate(0, 0, 7)
	}
	for !t.Before(hi) && !t.AddDate(0, 0, -7).Before(lo) {
		t = t.AddDate(0, 0, -7)
	}
	return t, !t.Before(lo) && t.Before(hi)
}

// activity writes a client's tickets, time entries, invoices, payments,
// security snapshots and upgrade recommendations.
func (g *gen) activity(r *rand.Rand, id int64, p *profile) error {
	seats := float64(p.c.Seats)
	for m := monthStart(p.from); m.Before(p.to); m = m.AddDate(0, 1, 0) {
		next := m.AddDate(0, 1, 0)
		spans := p.spans(m, next)
		for _, sp := range spans {
			frac := sp.hi.Sub(sp.lo).Hours() / next.Sub(m).Hours()
			for range poisson(r, p.ticketRate*sp.rate*seats*frac) {
				if err := g.ticket(r, id, p, sp.lo, sp.hi); err != nil {
					return err
				}
			}
			if err := g.proactive(r, id, p, sp.lo, sp.hi, seats*frac*p.proactive); err != nil {
				return err
			}
		}
		if len(spans) > 0 {
			if err := g.invoice(r, id, p, spans[0].lo); err != nil {
				return err
			}
		}
	}
	if err := g.snapshots(r, id, p); err != nil {
		return err
	}
	return g.upgrades(r, id, p)
}

// span is a stretch of service inside a month with one ticket-rate
// multiplier and one after-hours behaviour.
type span struct {
	lo, hi time.Time
	rate   float64
}

// spans cuts [lo, hi) at the edges of service, the gap and the change, and
// leaves out the gap.
func (p *profile) spans(lo, hi time.Time) []span {
	lo, hi = later(lo, p.from), earlier(hi, p.to)
	if !hi.After(lo) {
		return nil
	}
	cuts := []time.Time{lo}
	for _, t := range []time.Time{p.gapFrom, p.gapTo, p.change} {
		if t.After(lo) && t.Before(hi) {
			cuts = append(cuts, t)
		}
	}
	slices.SortFunc(cuts, time.Time.Compare)
	cuts = append(cuts, hi)
	var out []span
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		sp := span{lo: a, hi: b, rate: 1}
		if !p.gapFrom.IsZero() {
			if !a.Before(p.gapFrom) && a.Before(p.gapTo) {
				continue
			}
			if !a.Before(p.gapTo) {
				sp.rate = p.rateAfterGap
			}
		}
		out = append(out, sp)
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func (g *gen) ticket(r *rand.Rand, clientID int64, p *profile, lo, hi time.Time) error {
	share, urgentAfter := p.afterHours, p.urgentAfter
	if !p.change.IsZero() && !lo.Before(p.change) {
		share, urgentAfter = p.changedAfterHours, p.changedUrgent
	}
	opened, ok := inSpan(openedAt(r, p.loc, lo, hi, r.Float64() < share), lo, hi)
	if !ok {
		return nil
	}
	local := opened.In(p.loc)
	ah := afterHours(local)
	priority := "normal"
	switch x := r.Float64(); {
	case ah && x < urgentAfter, !ah && x < p.urgent:
		priority = "urgent"
	case x < 0.20:
		priority = "high"
	case x > 0.82:
		priority = "low"
	}
	oos := r.Float64() < p.oos
	var s subject
	if oos {
		s = pick(r, outOfScopeSubjects)
	} else {
		s = pick(r, subjects)
	}
	summary := s.text
	if strings.Contains(summary, "%s") {
		summary = fmt.Sprintf(summary, pick(r, firstNames))
	}
	scope := store.TicketScope{OutOfScope: oos, UserSupport: importer.UserSupport(s.category)}
	resolve := 6.0
	switch priority {
	case "urgent":
		resolve = 2
	case "high":
		resolve = 4
	case "low":
		resolve = 20
	}
	closed := opened.Add(time.Duration(logNormal(r, resolve, 1.0) * float64(time.Hour)))
	var closedAt any
	status := "In Progress"
	if closed.Before(g.end) {
		closedAt, status = store.Timestamp(closed), "Closed"
	}
	g.ticketID++
	g.ticketNo++
	ref := fmt.Sprintf("T%06d", g.ticketNo)
	if err := g.w.tickets.add(g.ticketID, clientID, ref, store.Timestamp(opened), p.loc.String(), closedAt,
		priority, status, ah, oos, summary, s.category, scope.UserSupport); err != nil {
		return err
	}
	g.sums.AddTicket(clientID, store.Timestamp(opened), priority, ah, scope)
	mean := p.hoursPerTicket * 60
	if oos {
		mean *= p.oosHours
	}
	// Log-normal with the given mean: the median sits below it, a few
	// tickets run long.
	total := quarterHours(mean * math.Exp(0.8*r.NormFloat64()-0.32))
	parts := 1
	if total > 60 {
		parts = 1 + r.IntN(min(3, total/30))
	}
	billable := !(oos && p.oosUnbilled) && r.Float64() > 0.03
	each := max(15, total/parts/15*15)
	for i := range parts {
		minutes := each
		if i == parts-1 {
			minutes = max(15, total-each*(parts-1))
		}
		day := local.AddDate(0, 0, i*r.IntN(2))
		if !day.Before(g.end) {
			day = local
		}
		tech, note := pickTechnician(r), pick(r, ticketNotes)
		// A part longer than an entry may be is logged a day at a time on
		// the days that follow, drawing nothing more from r, so the rest
		// of the portfolio stays as the seed makes it.
		for minutes > 0 {
			logged := min(minutes, importer.MaxEntryMinutes)
			if err := g.w.entries.add(clientID, g.ticketID, ref, store.Date(day), logged*60, billable, tech, note); err != nil {
				return err
			}
			g.sums.AddTime(clientID, store.Date(day), logged*60, billable, scope)
			minutes -= logged
			if next := day.AddDate(0, 0, 1); next.Before(g.end) {
				day = next
			}
		}
	}
	return nil
}

// proactive logs managed work not tied to a ticket: patching, backup
// tests, reviews, about an hour at a time.
func (g *gen) proactive(r *rand.Rand, clientID int64, p *profile, lo, hi time.Time, hours float64) error {
	hours *= 0.8 + 0.4*r.Float64()
	if hours*60 < 15 {
		return nil
	}
	n := max(1, int(math.Round(hours)))
	for range n {
		day, ok := inSpan(openedAt(r, p.loc, lo, hi, false), lo, hi)
		if !ok {
			continue
		}
		seconds := quarterHours(hours*60/float64(n)) * 60
		if err := g.w.entries.add(clientID, nil, "", store.Date(day.In(p.loc)), seconds,
			true, pickTechnician(r), pick(r, proactiveNotes)); err != nil {
			return err
		}
		g.sums.AddTime(clientID, store.Date(day.In(p.loc)), seconds, true, store.TicketScope{})
	}
	return nil
}

// invoice bills one month's MRR on the first (or on the first day of
// service), net 30, and pays it the way the client pays.
func (g *gen) invoice(r *rand.Rand, clientID int64, p *profile, issued time.Time) error {
	issued = time.Date(issued.Year(), issued.Month(), issued.Day(), 0, 0, 0, 0, time.UTC)
	due := issued.AddDate(0, 0, 30)
	number := fmt.Sprintf("INV-%s-%05d", issued.Format("200601"), clientID)
	amount := p.c.MRRMinor
	if !p.gapFrom.IsZero() && issued.Before(p.gapFrom) {
		amount = p.mrrBeforeGap
	}
	var paid time.Time
	var partial int64
	switch p.pay {
	case payAutopay:
		paid = due.AddDate(0, 0, -r.IntN(2))
	case payPrompt:
		paid = issued.AddDate(0, 0, promptDays(r))
	case paySlow:
		paid = due.AddDate(0, 0, 5+r.IntN(38))
	case payChronicLate:
		// Later and later over the last year; last month's invoice unpaid
		// and the one before it only partly paid.
		switch ago := monthsBetween(issued, g.asOf); {
		case ago == 1:
		case ago == 2:
			partial = amount * 2 / 5
		case ago < 12:
			paid = due.AddDate(0, 0, 31+r.IntN(28))
		default:
			paid = due.AddDate(0, 0, 8+r.IntN(18))
		}
	}
	if !paid.IsZero() && !paid.Before(g.end) {
		paid = time.Time{}
	}
	status, balance := "paid", int64(0)
	var paidOn any
	var paidDate string
	switch {
	case !paid.IsZero():
		paidDate = store.Date(paid)
		paidOn = paidDate
	case partial > 0:
		status, balance = "partially paid", amount-partial
	case due.Before(g.end):
		status, balance = "overdue", amount
	default:
		status, balance = "open", amount
	}
	if status == "partially paid" && !due.Before(g.end) {
		status = "open"
	}
	if err := g.w.invoices.add(clientID, number, store.Date(issued), store.Date(due), paidOn, amount, balance,
		p.c.Currency, status); err != nil {
		return err
	}
	if err := g.sums.AddInvoice(clientID, store.Date(issued), store.Date(due), paidDate, amount); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	switch {
	case !paid.IsZero():
		return g.payment(r, clientID, p, number, paid, amount)
	case partial > 0:
		return g.payment(r, clientID, p, number, earlier(due.AddDate(0, 0, 20), g.asOf), partial)
	}
	return nil
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()*12 + int(b.Month())) - (a.Year()*12 + int(a.Month()))
}

// promptDays is how many days after issue a good payer pays: mostly inside
// the 30 days, sometimes a few days over.
func promptDays(r *rand.Rand) int {
	switch x := r.Float64(); {
	case x < 0.80:
		return 6 + r.IntN(25)
	case x < 0.95:
		return 31 + r.IntN(7)
	default:
		return 38 + r.IntN(8)
	}
}

func (g *gen) payment(r *rand.Rand, clientID int64, p *profile, number string, on time.Time, amount int64) error {
	method, ref := "ACH", fmt.Sprintf("ACH-%08d", r.IntN(1e8))
	switch {
	case p.pay == payAutopay:
		method = "ACH autopay"
	case r.Float64() < 0.25:
		method, ref = "Check", fmt.Sprintf("Check %d", 1000+r.IntN(9000))
	case r.Float64() < 0.15:
		method, ref = "Credit card", fmt.Sprintf("CC-%06d", r.IntN(1e6))
	}
	return g.w.payments.add(clientID, number, store.Date(on), amount, p.c.Currency, method, ref)
}

// snapshots records the security posture at each quarter end.
func (g *gen) snapshots(r *rand.Rand, clientID int64, p *profile) error {
	devices := p.c.Seats + p.c.Seats/4 + 1 + r.IntN(3)
	for m := g.start; m.Before(g.end); m = m.AddDate(0, 1, 0) {
		taken := m.AddDate(0, 1, -1)
		if taken.Month()%3 != 0 || taken.Before(p.from) || !taken.Before(p.to) || !taken.Before(g.end) {
			continue
		}
		within := func(b [2]float64) float64 { return math.Round((b[0]+(b[1]-b[0])*r.Float64())*10) / 10 }
		eol := int(math.Round(within(p.posture.eol) * float64(devices)))
		if p.posture.eolMax > 0 {
			eol = min(eol, p.posture.eolMax)
		}
		backup := "ok"
		switch x := r.Float64(); {
		case x < p.posture.failing:
			backup = "failing"
		case x < p.posture.failing+p.posture.warning:
			backup = "warning"
		}
		if err := g.w.snapshots.add(clientID, store.Date(taken), within(p.posture.mfa), within(p.posture.patch),
			eol, devices, backup); err != nil {
			return err
		}
	}
	return nil
}

// upgrades writes the client's recommendations: the planted ones, or for a
// healthy client a few different ones, mostly accepted, at most one declined.
func (g *gen) upgrades(r *rand.Rand, clientID int64, p *profile) error {
	list := p.upgrades
	if list == nil {
		declined := false
		for _, k := range r.Perm(len(upgradeTitles))[:r.IntN(4)] {
			u := upgradeTitles[k]
			proposed := openedAt(r, p.loc, p.from, p.to, false)
			proposed = time.Date(proposed.Year(), proposed.Month(), proposed.Day(), 0, 0, 0, 0, time.UTC)
			up := upgrade{title: u.title, estimate: u.estimate, proposed: proposed}
			decided := proposed.AddDate(0, 0, 7+r.IntN(35))
			switch x := r.Float64(); {
			case !decided.Before(g.asOf):
			case x < 0.9 || declined:
				up.decided, up.decision = decided, "accepted"
			default:
				up.decided, up.decision, up.note = decided, "declined", "Deferred to next budget year"
				declined = true
			}
			list = append(list, up)
		}
	}
	for _, u := range list {
		decision, decided := "pending", any(nil)
		if !u.decided.IsZero() {
			decision, decided = u.decision, store.Date(u.decided)
		}
		if err := g.w.upgrades.add(clientID, u.title, store.Date(u.proposed), decided, decision, u.estimate,
			u.note); err != nil {
			return err
		}
	}
	return nil
}
