package casefile

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"offboard/store"
)

// ClientCase is what the client screen shows beside the assessment: the
// client's row, its most recent communications and every decision taken.
type ClientCase struct {
	Client         store.Client
	Communications []store.Communication
	Decisions      []store.Decision
}

// ClientCase reads a client's case, with at most recent communications.
func (d *Desk) ClientCase(ctx context.Context, clientID int64, recent int) (ClientCase, error) {
	var c ClientCase
	var err error
	if c.Client, err = d.Store.Client(ctx, clientID); err != nil {
		return c, err
	}
	if c.Communications, err = d.Store.Communications(ctx, clientID, recent); err != nil {
		return c, err
	}
	c.Decisions, err = d.Store.Decisions(ctx, clientID)
	return c, err
}

// ErrNoReason reports an override without a reason: every decision in the
// record says why it was taken.
var ErrNoReason = errors.New("a reason is required: it is kept in the decisions log")

// Override records the owner's own recommendation for a client, or with
// recommendation "" clears it, as a decision with its reason; the record
// keeps both, so a cleared override still shows who decided what and why.
func (d *Desk) Override(ctx context.Context, clientID int64, recommendation, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return ErrNoReason
	}
	if err := d.Store.SetOverride(ctx, clientID, recommendation, reason); err != nil {
		return fmt.Errorf("override for client %d: %w", clientID, err)
	}
	return nil
}

// TickPlanItem marks a plan's action done, or open again.
func (d *Desk) TickPlanItem(ctx context.Context, itemID int64, done bool) error {
	return d.Store.TickItem(ctx, itemID, done)
}

// KeepEdit keeps the owner's edit of a document: it is what gets exported
// until DropEdit regenerates the document from the record.
func (d *Desk) KeepEdit(ctx context.Context, clientID int64, key, markdown string) error {
	return d.Store.SaveEditedDocument(ctx, clientID, key, markdown)
}

// DropEdit drops the owner's edit of a document.
func (d *Desk) DropEdit(ctx context.Context, clientID int64, key string) error {
	return d.Store.DropEditedDocument(ctx, clientID, key)
}

// KeepEntry keeps a hand entry typed but not yet recorded, for the form to
// offer again; TakeEntry hands it back once and forgets it.
func (d *Desk) KeepEntry(ctx context.Context, clientID int64, e EntryDraft) error {
	return d.Store.SaveDraft(ctx, clientID, DraftEntry, e)
}

// TakeEntry returns the entry kept for a client, if any, and forgets it.
func (d *Desk) TakeEntry(ctx context.Context, clientID int64) (e EntryDraft, ok bool, err error) {
	ok, err = d.Store.TakeDraft(ctx, clientID, DraftEntry, &e)
	return e, ok, err
}
