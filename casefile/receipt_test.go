package casefile

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"offboard/calendar"
	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

func TestReceiptListsEachSignOff(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	if _, err := d.Receipt(ctx, cl, letterNow); !errors.Is(err, ErrNoNotice) {
		t.Fatalf("before notice: %v, want ErrNoNotice", err)
	}
	sendNotice(t, d, cl)
	if _, err := d.Store.TickStep(ctx, cl.ID, letters.StepConfirmNotice, store.Tick{By: "Dana Reyes", On: day("2026-11-24"),
		Exception: "confirmed by phone"}); err != nil {
		t.Fatal(err)
	}
	r, err := d.Receipt(ctx, cl, day("2026-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	in := r.Input
	scheduled := letters.ChecklistStepsOn(calendar.Calendar{}, day("2026-11-23"), day("2026-12-23"), day("2027-01-22"))
	if len(in.Steps) != len(scheduled) || in.DoneCount() != 1 || in.PreparedBy != "Sam Lee" || store.Date(in.Effective) != "2026-12-23" {
		t.Fatalf("receipt = %+v", in)
	}
	var confirmed letters.SignOff
	for _, s := range in.Steps {
		if s.Done {
			confirmed = s
		}
	}
	if confirmed.By != "Dana Reyes" || store.Date(confirmed.On) != "2026-11-24" || confirmed.Exception != "confirmed by phone" {
		t.Errorf("the signed-off step = %+v", confirmed)
	}
	if r.Document.Kind != "checklist" || r.Document.Title != "Offboarding receipt for Acme" || r.Document.Markdown == "" {
		t.Errorf("document = %+v", r.Document)
	}
}

// The receipt follows the notice, not the client's row as edited since:
// the agreement as the letter named it, the payments received from the day
// notice was sent (23 November 2026) for what the agreement billed, and
// the certificates of destruction issued.
func TestReceiptTakesTheNoticeAndWhatWasSettled(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	sendNotice(t, d, cl)
	plant(t, d, `UPDATE clients SET agreement_name = 'MSA restated 2026' WHERE id = ?`, cl.ID)
	plant(t, d, `INSERT INTO payments (client_id, invoice_number, paid_on, amount_minor) VALUES
        (?1, 'INV-1', '2026-11-20', 10000), (?1, 'INV-2', '2026-11-30', 120000), (?1, '', '2026-12-01', 5000),
        (?1, 'INV-8', '2027-01-20', 30000), (?1, 'INV-9', '2027-01-10', 40000), (?1, '', '2027-01-05', 7000)`, cl.ID)
	// The notice takes effect on Wednesday 23 December 2026 and the final
	// invoice, INV-8, is issued the next working day: what a later
	// agreement billed (INV-9) and money received after the final invoice
	// without an invoice to pay are not this agreement's.
	plant(t, d, `INSERT INTO invoices (client_id, number, issued_on, due_on, amount_minor) VALUES
        (?1, 'INV-8', '2026-12-24', '2027-01-23', 30000), (?1, 'INV-9', '2027-01-01', '2027-01-31', 40000)`, cl.ID)
	plant(t, d, `INSERT INTO purges (client_id, at, by_name, certificate_path, certificate_sha256, state) VALUES
        (?1, '2027-01-25T10:00:00Z', 'Sam Lee', 'exports/acme-certificate.md', 'ab12', 'done'),
        (?1, '2027-01-26T10:00:00Z', 'Sam Lee', '', '', 'running')`, cl.ID)
	if _, err := d.Store.TickStep(ctx, cl.ID, letters.StepConfirmNotice, store.Tick{By: "Dana Reyes", On: day("2026-11-24")}); err != nil {
		t.Fatal(err)
	}
	cl, _ = d.Store.Client(ctx, cl.ID)
	r, err := d.Receipt(ctx, cl, day("2027-01-27"))
	if err != nil {
		t.Fatal(err)
	}
	in := r.Input
	if in.Agreement.Name != "MSA" || store.Date(in.Agreement.Signed) != "2024-03-01" || store.Date(in.Sent) != "2026-11-23" {
		t.Errorf("agreement %+v, sent %s", in.Agreement, store.Date(in.Sent))
	}
	want := []letters.Settlement{
		{What: "Invoice INV-2", Amount: money.Money{Minor: 120000, Currency: "USD"}, On: day("2026-11-30")},
		{What: "Payment on account", Amount: money.Money{Minor: 5000, Currency: "USD"}, On: day("2026-12-01")},
		{What: "Invoice INV-8", Amount: money.Money{Minor: 30000, Currency: "USD"}, On: day("2027-01-20")},
	}
	if !slices.Equal(in.Settled, want) {
		t.Errorf("settled = %+v, want %+v", in.Settled, want)
	}
	if len(in.Certificates) != 1 || store.Date(in.Certificates[0].Issued) != "2027-01-25" || in.Certificates[0].SHA256 != "ab12" {
		t.Errorf("certificates = %+v", in.Certificates)
	}
	for _, line := range []string{"**1 of 11 steps signed off.**", "| Invoice INV-2 | USD 1,200.00 | Monday, 30 November 2026 |",
		"Notice of termination of the MSA dated Friday, 1 March 2024", "SHA-256 ab12"} {
		if !strings.Contains(r.Document.Markdown, line) {
			t.Errorf("receipt lacks %q:\n%s", line, r.Document.Markdown)
		}
	}
}
