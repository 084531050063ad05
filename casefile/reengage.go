package casefile

import (
	"context"
	"fmt"

	"offboard/scoring"
	"offboard/store"
)

// CanReengage says why a client cannot be re-engaged, or nil: only a
// client under notice or offboarded can be, so the owner is told before
// typing the new terms.
func CanReengage(cl store.Client) error {
	if !underNoticeOrOffboarded(cl) {
		return fmt.Errorf("%s is %s: %w", cl.Name, cl.Status, store.ErrCannotReengage)
	}
	return nil
}

// underNoticeOrOffboarded reports whether the client was given notice and
// has not been re-engaged since: the clients a notice, its checklist and
// a re-engagement are about.
func underNoticeOrOffboarded(cl store.Client) bool {
	status := ClientStatusOf(cl.Status)
	return status == scoring.StatusNotice || status == scoring.StatusOffboarded
}

// Reengage takes a client under notice or offboarded back on new terms
// (seed 002's comment: a fired client came back on a narrower support
// contract); the terms are required and go to the decisions log.
func (d *Desk) Reengage(ctx context.Context, clientID int64, terms string) error {
	return d.Store.Reengage(ctx, clientID, terms)
}
