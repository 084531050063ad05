package store

import (
	"context"
	"testing"
)

// TestWatcherSeesAnotherProcessCommit checks a commit through another
// handle on the same file (as another process makes) is noticed once, and
// that a quiet database reports no change.
func TestWatcherSeesAnotherProcessCommit(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	w, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if changed, err := w.Changed(ctx); err != nil || changed {
		t.Fatalf("changed = %v, %v before any write", changed, err)
	}
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	addClient(t, other, "Acme Dental")
	if changed, err := w.Changed(ctx); err != nil || !changed {
		t.Fatalf("changed = %v, %v after another handle's commit", changed, err)
	}
	if changed, _ := w.Changed(ctx); changed {
		t.Error("one commit was reported twice")
	}
}
