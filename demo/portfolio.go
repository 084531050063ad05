package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"offboard/importer"
	"offboard/letters"
	"offboard/store"
)

// gen carries one run of the generator.
type gen struct {
	ctx  context.Context
	tx   *sql.Tx
	opts Options
	w    *writer
	// sums adds up the tickets, time entries and invoices as they are
	// written, for the monthly roll-up.
	sums *store.MonthSums
	// asOf is the last day of history, start the first day of its first
	// month and end the instant history stops (midnight after asOf).
	asOf, start, end time.Time
	zones            map[string]*time.Location
	letters          *letters.Renderer
	our              letters.Company
	ticketID         int64
	ticketNo         int
	incidents, comms int
}

func newGenerator(ctx context.Context, tx *sql.Tx, opts Options) (*gen, error) {
	g := &gen{ctx: ctx, tx: tx, opts: opts, asOf: opts.AsOf, zones: map[string]*time.Location{}, ticketNo: 20000,
		sums: store.NewMonthSums()}
	g.end = g.asOf.AddDate(0, 0, 1)
	r, err := letters.New(nil)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	g.letters = r
	g.our = letters.Company{Name: companyName, Address: companyAddress, Signer: ownerName, SignerTitle: ownerTitle,
		Email: companyEmail, Phone: companyPhone}
	g.start = monthStart(g.asOf).AddDate(0, 1-opts.Months, 0)
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM tickets").Scan(&g.ticketID); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	w, err := newWriter(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	g.w = w
	return g, nil
}

func (g *gen) zone(name string) (*time.Location, error) {
	if loc, ok := g.zones[name]; ok {
		return loc, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("demo: time zone %s: %w", name, err)
	}
	g.zones[name] = loc
	return loc, nil
}

// run writes settings, then the clients one at a time with all their rows,
// so memory does not grow with the size of the portfolio.
func (g *gen) run() error {
	for _, kv := range company {
		if err := store.SetSettingTx(g.ctx, g.tx, kv.key, kv.value); err != nil {
			return err
		}
	}
	if err := store.SetSettingTx(g.ctx, g.tx, store.SettingDemoSeed, strconv.FormatInt(g.opts.Seed, 10)); err != nil {
		return err
	}
	if err := store.SetSettingTx(g.ctx, g.tx, store.SettingDemoAsOf, store.Date(g.asOf)); err != nil {
		return err
	}
	r := newRand(g.opts.Seed, 0)
	// Planted clients sit at random places in the portfolio so nothing about
	// their ids or order gives them away.
	at := map[int]*plant{}
	for i, pos := range r.Perm(g.opts.Clients)[:len(plants)] {
		at[pos] = &plants[i]
	}
	names := map[string]bool{}
	for _, pl := range plants {
		names[importer.NormalizeName(pl.name)] = true
	}
	for i := range g.opts.Clients {
		cr := newRand(g.opts.Seed, uint64(i)+1)
		var p profile
		var err error
		pl := at[i]
		if pl != nil {
			p, err = g.plantedProfile(cr, pl)
		} else {
			p, err = g.healthyClient(cr, r, names)
		}
		if err != nil {
			return err
		}
		p.c.ExternalID = fmt.Sprintf("CUST-%04d", 1001+i)
		p.c.NameKey = importer.NormalizeName(p.c.Name)
		id, err := store.InsertClient(g.ctx, g.tx, p.c, g.end)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if err := g.activity(cr, id, &p); err != nil {
			return fmt.Errorf("demo: client %q: %w", p.c.Name, err)
		}
		if pl != nil {
			err = g.tell(id, &p, pl)
			if err == nil {
				err = g.plantedLicences(id, &p)
			}
		} else {
			err = g.routineComms(cr, id, &p)
		}
		if err != nil {
			return fmt.Errorf("demo: client %q: %w", p.c.Name, err)
		}
	}
	return g.w.flush()
}

// healthyClient makes an ordinary, well-run client. Names come from the
// portfolio stream r so they stay unique; everything else from cr.
func (g *gen) healthyClient(cr, r *rand.Rand, names map[string]bool) (profile, error) {
	p := healthyProfile(cr)
	var name string
	for tries := 0; ; tries++ {
		name = fictionalName(r, pick(r, industries))
		if tries > 50 {
			name += " " + strconv.Itoa(tries)
		}
		if key := importer.NormalizeName(name); !names[key] {
			names[key] = true
			break
		}
	}
	z := pickZone(cr)
	loc, err := g.zone(z.name)
	if err != nil {
		return p, err
	}
	first, last := pick(cr, firstNames), pick(cr, surnames)
	seats := min(250, max(5, int(math.Round(logNormal(cr, 22, 0.8)))))
	var since time.Time
	if cr.Float64() < 0.12 {
		since = g.asOf.AddDate(0, 0, -20-cr.IntN(g.opts.Months*30-20))
	} else {
		since = g.start.AddDate(0, 0, -cr.IntN(8*365))
	}
	if cr.Float64() < 0.25 {
		p.pay = payAutopay
	}
	p.c = store.Client{
		Name:         name,
		ContactName:  first + " " + last,
		ContactEmail: email(first, last, domainOf(name)),
		Address:      address(cr, pick(cr, z.cities)),
		Seats:        seats,
		Currency:     "USD",
		TimeZone:     z.name,
		ClientSince:  since,
	}
	g.agreement(cr, &p.c, since, 0)
	p.loc = loc
	p.from, p.to = later(since, g.start), g.end
	return p, nil
}

// An agreement version: its name, the clause that governs termination,
// the notice it asks for and its per-seat price band in dollars.
type agreementVersion struct {
	name, clause string
	// forCause is the clause that allows ending the agreement for cause.
	forCause string
	from     time.Time
	notice   []int
	price    [2]int
}

var agreementVersions = []agreementVersion{
	{"Managed Services Agreement v1 (2014)", "§9.1", "§9.3 (termination for cause)", time.Time{}, []int{90}, [2]int{90, 115}},
	{"Managed Services Agreement v2 (2020)", "§12.3", "§12.5 (termination for cause)", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), []int{60, 90}, [2]int{105, 145}},
	{"Managed Services Agreement v3 (2023)", "§14.2", "§14.4 (termination for cause)", time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), []int{30, 30, 60}, [2]int{125, 175}},
}

// forCauseClause is the for-cause clause of the agreement named name.
func forCauseClause(name string) string {
	for _, v := range agreementVersions {
		if v.name == name {
			return v.forCause
		}
	}
	return agreementVersions[len(agreementVersions)-1].forCause
}

// agreement fills in the contract: the version in force when it was signed
// (some older clients re-signed on a newer one), a 36-month first term
// renewing yearly, and MRR from the per-seat price, or from perSeat
// dollars when that is set.
func (g *gen) agreement(r *rand.Rand, c *store.Client, since time.Time, perSeat int) {
	signed := since
	latest := agreementVersions[len(agreementVersions)-1]
	if perSeat == 0 && since.Before(latest.from) && g.asOf.After(latest.from.AddDate(0, 6, 0)) && r.Float64() < 0.5 {
		span := int(earlier(g.asOf, latest.from.AddDate(3, 0, 0)).Sub(latest.from).Hours() / 24)
		signed = latest.from.AddDate(0, 0, r.IntN(max(1, span)))
	}
	v := agreementVersions[0]
	for _, av := range agreementVersions {
		if !signed.Before(av.from) {
			v = av
		}
	}
	if perSeat == 0 {
		perSeat = v.price[0] + r.IntN(v.price[1]-v.price[0]+1)
	}
	term := signed.AddDate(3, 0, 0)
	for !term.After(g.asOf) {
		term = term.AddDate(1, 0, 0)
	}
	c.AgreementName = v.name
	c.AgreementSigned = signed
	c.TerminationClause = v.clause
	c.NoticeDays = pick(r, v.notice)
	c.TermEnd = term
	c.MRRMinor = int64(c.Seats * perSeat * 100)
}

// routineComms logs what a healthy relationship leaves behind: a recent
// quarterly business review, and the renewal confirmed a month before the
// last anniversary of the agreement.
func (g *gen) routineComms(r *rand.Rand, id int64, p *profile) error {
	days := int(p.to.Sub(p.from).Hours() / 24)
	if days < 60 {
		return nil
	}
	qbr := g.workdaysAgo(r.IntN(min(days, 90)) + 1)
	if err := g.comm(id, g.localAt(p, qbr, 10), "meeting", "outbound", "Quarterly business review: service report and roadmap",
		"Reviewed ticket trends, patch compliance and next quarter's recommendations."); err != nil {
		return err
	}
	lastRenewal := p.c.TermEnd.AddDate(-1, 0, 0)
	if lastRenewal.Before(p.c.AgreementSigned.AddDate(3, 0, 0)) {
		return nil // still in the first term
	}
	renewal := int(g.asOf.Sub(lastRenewal.AddDate(0, 0, -30)).Hours() / 24)
	if renewal <= 0 || renewal >= days {
		return nil
	}
	return g.comm(id, g.localAt(p, g.workdaysAgo(renewal), 14), "email", "outbound", "Agreement renewal confirmed",
		"Renewal of "+p.c.AgreementName+" for another year confirmed on the current terms.")
}

// localAt is hour o'clock in the client's zone, daysAgo days before asOf.
func (g *gen) localAt(p *profile, daysAgo, hour int) time.Time {
	d := g.asOf.AddDate(0, 0, -daysAgo)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, p.loc)
}

func (g *gen) comm(id int64, at time.Time, channel, direction, summary, body string) error {
	_, err := g.commDoc(id, at, channel, direction, summary, body, 0)
	return err
}

func (g *gen) commDoc(id int64, at time.Time, channel, direction, summary, body string, doc int64) (int64, error) {
	g.comms++
	return store.LogCommunication(g.ctx, g.tx, store.Communication{ClientID: id, At: at, Channel: channel,
		Direction: direction, Summary: summary, Body: body, DocumentID: doc})
}

func (g *gen) summary() Summary {
	return Summary{
		Clients:           g.opts.Clients,
		Tickets:           g.w.tickets.total,
		TimeEntries:       g.w.entries.total,
		Invoices:          g.w.invoices.total,
		Payments:          g.w.payments.total,
		Incidents:         g.incidents,
		SecuritySnapshots: g.w.snapshots.total,
		Upgrades:          g.w.upgrades.total,
		Communications:    g.comms,
	}
}
