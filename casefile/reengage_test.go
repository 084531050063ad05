package casefile

import (
	"context"
	"errors"
	"testing"

	"offboard/scoring"
	"offboard/store"
)

func TestReengageOnlyAClientGivenNotice(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	if err := CanReengage(cl); !errors.Is(err, store.ErrCannotReengage) {
		t.Errorf("an active client: %v, want ErrCannotReengage", err)
	}
	sendNotice(t, d, cl)
	cl, _ = d.Store.Client(ctx, cl.ID)
	if err := CanReengage(cl); err != nil {
		t.Errorf("a client under notice: %v", err)
	}
	if err := d.Reengage(ctx, cl.ID, "support of system functionality only"); err != nil {
		t.Fatal(err)
	}
	if cl, _ = d.Store.Client(ctx, cl.ID); ClientStatusOf(cl.Status) != scoring.StatusReengaged {
		t.Errorf("status = %s, want re-engaged", cl.Status)
	}
}
