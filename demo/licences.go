package demo

import (
	"fmt"
	"time"

	"offboard/store"
)

// plantedLicences writes the licences we manage for a planted client, so
// that its letter lists them: Microsoft 365 for every seat on an annual
// commitment that renews on the anniversary of the client's start, and
// endpoint protection for every seat billed monthly, as MSPs commonly
// resell them.
func (g *gen) plantedLicences(id int64, p *profile) error {
	end := g.end
	renews := time.Date(end.Year(), p.c.ClientSince.Month(), p.c.ClientSince.Day(), 0, 0, 0, 0, time.UTC)
	if !renews.After(end) {
		renews = renews.AddDate(1, 0, 0)
	}
	monthEnd := time.Date(end.Year(), end.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	for _, l := range []store.Licence{
		{Product: "Microsoft 365 Business Premium", Quantity: p.c.Seats, TermEnd: renews.AddDate(0, 0, -1), Billing: store.BillingAnnual},
		{Product: "SentinelOne Control endpoint protection", Quantity: p.c.Seats, TermEnd: monthEnd, Billing: store.BillingMonthly},
	} {
		l.ClientID = id
		if _, err := store.InsertLicence(g.ctx, g.tx, l, end); err != nil {
			return fmt.Errorf("licence %q: %w", l.Product, err)
		}
	}
	return nil
}
