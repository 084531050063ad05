package casefile

import (
	"context"
	"errors"
	"strings"
	"testing"

	"offboard/store"
)

func TestFindClient(t *testing.T) {
	d := openTemp(t)
	addClient(t, d, "Harbor Dental Group")
	addClient(t, d, "Harbor Logistics, Inc.")
	addClient(t, d, "Pinecrest Law")
	ctx := context.Background()
	if c, err := d.FindClient(ctx, "pinecrest"); err != nil || c.Name != "Pinecrest Law" {
		t.Errorf("unique substring: %v %v", c.Name, err)
	}
	if c, err := d.FindClient(ctx, "harbor logistics"); err != nil || c.Name != "Harbor Logistics, Inc." {
		t.Errorf("exact normalised: %v %v", c.Name, err)
	}
	var amb *AmbiguousClientError
	if _, err := d.FindClient(ctx, "harbor"); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("ambiguous: %v", err)
	}
	if _, err := d.FindClient(ctx, "zebra"); !errors.Is(err, store.ErrNoClient) || !strings.HasSuffix(err.Error(), "'offboard score' lists them") {
		t.Errorf("none: %v", err)
	}
	// "pinecrst" is one letter from the name's start: suggested, not chosen.
	_, err := d.FindClient(ctx, "pinecrst")
	if !errors.Is(err, store.ErrNoClient) || !strings.HasSuffix(err.Error(), "did you mean: Pinecrest Law") {
		t.Errorf("typo: %v", err)
	}
}
