package casefile

import (
	"context"

	"offboard/store"
)

// Checklist is a client's offboarding checklist with what the screen and
// the command show beside it.
type Checklist struct {
	// Client is the client being offboarded.
	Client store.Client
	// Notice is the latest notice, which scheduled the steps; zero when
	// none was sent.
	Notice store.Termination
	// Steps are in working order; empty before notice is sent.
	Steps []store.StepRow
	// Signer is our signer from the settings, offered as who signs a step
	// off.
	Signer string
}

// OpenChecklist loads a client's offboarding checklist.
func (d *Desk) OpenChecklist(ctx context.Context, clientID int64) (Checklist, error) {
	var c Checklist
	var err error
	if c.Client, err = d.Store.Client(ctx, clientID); err != nil {
		return c, err
	}
	if c.Notice, _, err = d.Store.LatestTermination(ctx, clientID); err != nil {
		return c, err
	}
	if c.Steps, err = d.Store.Checklist(ctx, clientID); err != nil {
		return c, err
	}
	c.Signer, _, err = d.Store.Setting(ctx, store.SettingCompanySigner)
	return c, err
}

// SignOff ticks a step of the client's checklist off (store.TickStep): the
// client becomes offboarded when it was the last open step.
func (d *Desk) SignOff(ctx context.Context, clientID int64, key string, tick store.Tick) (store.TickResult, error) {
	return d.Store.TickStep(ctx, clientID, key, tick)
}

// Reopen reopens a step signed off by mistake, saying why
// (store.UntickStep); an offboarded client goes back under notice.
func (d *Desk) Reopen(ctx context.Context, clientID int64, key, reason string) error {
	return d.Store.UntickStep(ctx, clientID, key, reason)
}
