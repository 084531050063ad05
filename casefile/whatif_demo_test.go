package casefile_test

import (
	"context"
	"math"
	"testing"

	"offboard/demo"
	"offboard/importer"
)

// TestNarrowingOnTheDemoTakesUserSupport checks narrowing the scope of the
// planted late payer and scope creeper frees the hours of their
// out-of-scope and user-support tickets, each ticket once, as counted here
// from the raw tickets and time entries with the category rule.
func TestNarrowingOnTheDemoTakesUserSupport(t *testing.T) {
	ctx := context.Background()
	d, _ := writeDemo(t, demo.Options{Seed: 1})
	p, err := d.Assess(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{demo.NameLatePayment, demo.NameScopeCreep} {
		t.Run(name, func(t *testing.T) {
			var id int64
			i := -1
			for j := range p.Assessments {
				if p.Assessments[j].Client.Name == name {
					id, i = p.Assessments[j].Client.ID, j
				}
			}
			if i < 0 {
				t.Fatalf("no client %s", name)
			}
			win := p.Assessments[i].Window
			from, to := win.From.Format("2006-01"), win.To.Format("2006-01")
			excluded := func(category string, outOfScope bool) bool { return outOfScope || importer.UserSupport(category) }

			var tickets, userSupport int
			rows, err := d.Store.DB().QueryContext(ctx, `SELECT category, out_of_scope FROM tickets
                WHERE client_id = ? AND substr(opened_at, 1, 7) >= ? AND substr(opened_at, 1, 7) < ?`, id, from, to)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var category string
				var oos bool
				if err := rows.Scan(&category, &oos); err != nil {
					t.Fatal(err)
				}
				if excluded(category, oos) {
					tickets++
				}
				if importer.UserSupport(category) {
					userSupport++
				}
			}
			rows.Close()
			var minutes, oosMinutes int64
			rows, err = d.Store.DB().QueryContext(ctx, `SELECT t.category, t.out_of_scope, te.seconds / 60 FROM time_entries te
                JOIN tickets t ON t.id = te.ticket_id
                WHERE te.client_id = ? AND substr(te.worked_on, 1, 7) >= ? AND substr(te.worked_on, 1, 7) < ?`, id, from, to)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var category string
				var oos bool
				var m int64
				if err := rows.Scan(&category, &oos, &m); err != nil {
					t.Fatal(err)
				}
				if excluded(category, oos) {
					minutes += m
				}
				if oos {
					oosMinutes += m
				}
			}
			rows.Close()

			w, err := p.WhatIf(id)
			if err != nil {
				t.Fatal(err)
			}
			o := w.Clients[0].Options[2]
			months := float64(win.Months)
			if wantHours := float64(minutes) / 60 / months; math.Abs(o.HoursFreed-wantHours) > 1e-9 {
				t.Errorf("hours freed %.4f, want %.4f", o.HoursFreed, wantHours)
			}
			if wantTickets := float64(tickets) / months; math.Abs(o.TicketsRemoved-wantTickets) > 1e-9 {
				t.Errorf("tickets removed %.4f, want %.4f", o.TicketsRemoved, wantTickets)
			}
			// The user-support work is there, and more leaves than the
			// out-of-scope work alone.
			if userSupport == 0 || o.Excluded == nil || o.Excluded.UserSupportTickets != float64(userSupport)/months ||
				o.HoursFreed <= float64(oosMinutes)/60/months {
				t.Errorf("%d user-support tickets, excluded %+v, %.4f hours freed against %.4f out of scope",
					userSupport, o.Excluded, o.HoursFreed, float64(oosMinutes)/60/months)
			}
		})
	}
}
