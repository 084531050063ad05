package casefile

import (
	"context"
	"errors"
	"testing"

	"offboard/letters"
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
	scheduled := letters.ChecklistSteps(day("2026-11-23"), day("2026-12-23"), day("2027-01-22"))
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
