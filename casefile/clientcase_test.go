package casefile

import (
	"context"
	"errors"
	"testing"
)

func TestOverrideNeedsAReason(t *testing.T) {
	d := openTemp(t)
	id := addClient(t, d, "Pinecrest Law")
	ctx := context.Background()
	if err := d.Override(ctx, id, "offboard", "  "); !errors.Is(err, ErrNoReason) {
		t.Fatalf("blank reason: %v, want ErrNoReason", err)
	}
	if err := d.Override(ctx, id, "offboard", "abusive calls to the help desk"); err != nil {
		t.Fatal(err)
	}
	cc, err := d.ClientCase(ctx, id, 10)
	if err != nil {
		t.Fatal(err)
	}
	if cc.Client.Override != "offboard" || cc.Client.OverrideReason != "abusive calls to the help desk" || len(cc.Decisions) != 1 {
		t.Errorf("after override: %+v, %d decisions", cc.Client, len(cc.Decisions))
	}
}
