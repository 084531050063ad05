package demo

import (
	"fmt"
	"time"

	"offboard/calendar"
	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
)

// demoRegion is the demo business's calendar region: Bluepeak and its
// clients are in the United States.
const demoRegion calendar.Region = "US"

// demoCalendar dates the demo's own letters and checklists, as the
// calendar.region setting the demo writes dates the owner's.
var demoCalendar = calendar.Calendar{Region: demoRegion}

// licencesOf are the licences we manage for a planted client as they stood
// on day: Microsoft 365 for every seat on an annual commitment that renews
// on the anniversary of the client's start, and endpoint protection for
// every seat billed monthly, as MSPs commonly resell them.
func (g *gen) licencesOf(p *profile, day time.Time) []store.Licence {
	renews := time.Date(day.Year(), p.c.ClientSince.Month(), p.c.ClientSince.Day(), 0, 0, 0, 0, time.UTC)
	if !renews.After(day) {
		renews = renews.AddDate(1, 0, 0)
	}
	monthEnd := time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	return []store.Licence{
		{Product: "Microsoft 365 Business Premium", Quantity: p.c.Seats, TermEnd: renews.AddDate(0, 0, -1), Billing: store.BillingAnnual},
		{Product: "SentinelOne Control endpoint protection", Quantity: p.c.Seats, TermEnd: monthEnd, Billing: store.BillingMonthly},
	}
}

// plantedLicences writes the licences a planted client holds on the last
// day of history, so that its letter lists them.
func (g *gen) plantedLicences(id int64, p *profile) error {
	for _, l := range g.licencesOf(p, g.end) {
		l.ClientID = id
		if _, err := store.InsertLicence(g.ctx, g.tx, l, g.end); err != nil {
			return fmt.Errorf("licence %q: %w", l.Product, err)
		}
	}
	return nil
}

// statement is a client's account on day as a letter states it.
func (g *gen) statement(id int64, day time.Time, currency string) (*letters.Statement, error) {
	open, credits, err := store.OpenInvoicesIn(g.ctx, g.tx, id, day)
	if err != nil {
		return nil, err
	}
	s := casefile.StatementOf(open, credits, currency)
	return &s, nil
}
