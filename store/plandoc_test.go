package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestPlanExamples(t *testing.T) {
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	if _, err := s.db.Exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'A1', '2026-01-01', '2026-01-31', '2026-03-18', 100, 0),
        (?1, 'A2', '2026-02-01', '2026-03-03', '2026-03-01', 100, 0),
        (?1, 'A3', '2026-09-01', '2026-10-01', NULL, 100, 100),
        (?1, 'A4', '2024-09-01', '2024-10-01', '2024-12-01', 100, 0)`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO tickets (client_id, opened_at, after_hours, out_of_scope, summary) VALUES
        (?1, '2026-06-07T03:10:00Z', 1, 0, 'Printer out of toner'), (?1, '2026-06-08T10:00:00Z', 0, 1, '')`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
        (?1, '2026-05-02T10:00:00Z', 'abuse', 3, 'Shouted at a technician on site')`, id); err != nil {
		t.Fatal(err)
	}
	got, err := s.PlanExamples(context.Background(), id, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Example{
		"late_payment": {{"2026-10-01", "Invoice A3 due 2026-10-01, unpaid"}, {"2026-03-18", "Invoice A1 paid 46 days after its due date"}},
		"after_hours":  {{"2026-06-07", "Ticket opened outside business hours: Printer out of toner"}},
		"scope_creep":  {{"2026-06-08", "Request outside the agreed scope"}},
		"staff_abuse":  {{"2026-05-02", "Shouted at a technician on site"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("examples:\n got %v\nwant %v", got, want)
	}
}
