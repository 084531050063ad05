package casefile

import (
	"context"
	"fmt"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// Setup is what scoring needs from outside the rows: the effective
// configuration, where each value came from, every stored setting and the
// moment of the assessment.
type Setup struct {
	Config   scoring.Config
	Settings []scoring.Setting
	DB       map[string]string
	AsOf     time.Time
}

// Setup resolves the scoring configuration (defaults, then the file, then
// the database's settings) and the assessment date.
func (d *Desk) Setup(ctx context.Context) (Setup, error) {
	var s Setup
	db, err := d.Store.Settings(ctx)
	if err != nil {
		return s, err
	}
	s.DB = db
	s.Config, s.Settings, err = scoring.Resolve(d.ConfigFile, db)
	if err != nil {
		if d.ConfigPath != "" {
			return s, fmt.Errorf("%s: %w", d.ConfigPath, err)
		}
		return s, fmt.Errorf("scoring configuration: %w", err)
	}
	s.AsOf, err = store.AssessmentDate(db, d.Now())
	return s, err
}

// Portfolio is the scored portfolio: every client's assessment against the
// same normal ranges, the setup it was scored with, and each client's review
// and checklist reminders.
type Portfolio struct {
	scoring.Portfolio
	Setup   Setup
	Markers map[int64]store.Markers
}

// Assess reads the portfolio's facts in a few aggregate queries and scores
// every client as of the assessment date.
func (d *Desk) Assess(ctx context.Context) (*Portfolio, error) {
	setup, err := d.Setup(ctx)
	if err != nil {
		return nil, err
	}
	facts, err := d.Store.PortfolioFacts(ctx, setup.AsOf)
	if err != nil {
		return nil, err
	}
	markers, err := d.Store.ClientMarkers(ctx, setup.AsOf)
	if err != nil {
		return nil, err
	}
	return &Portfolio{Portfolio: scoring.Assess(facts, setup.Config, setup.AsOf), Setup: setup, Markers: markers}, nil
}
