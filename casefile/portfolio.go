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
// the database's settings) and the assessment date: the end of the desk's
// AsOf day when it is set, else AssessmentDate.
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
	if !d.AsOf.IsZero() {
		// The end of the day is the start of the next, as for the demo.
		s.AsOf = CivilDay(d.AsOf).AddDate(0, 0, 1)
		return s, nil
	}
	s.AsOf, err = AssessmentDate(db, d.Now())
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
	p, err := d.scorePortfolio(ctx, setup)
	if err != nil {
		return nil, err
	}
	markers, err := d.Store.ClientMarkers(ctx, setup.AsOf)
	if err != nil {
		return nil, err
	}
	return &Portfolio{Portfolio: p, Setup: setup, Markers: markers}, nil
}

// scorePortfolio loads the portfolio's facts and scores every client.
func (d *Desk) scorePortfolio(ctx context.Context, setup Setup) (scoring.Portfolio, error) {
	facts, err := d.Store.PortfolioFacts(ctx, setup.AsOf)
	if err != nil {
		return scoring.Portfolio{}, err
	}
	return scoring.Assess(scoringFacts(facts), setup.Config, setup.AsOf), nil
}

// AssessmentDate is the moment a portfolio is assessed as of, given its
// settings: now, except for a demo portfolio, which is assessed as of the
// day after its last day of history so that its scores do not drift with
// the calendar.
func AssessmentDate(settings map[string]string, now time.Time) (time.Time, error) {
	d, ok := settings[store.SettingDemoAsOf]
	if !ok {
		return now, nil
	}
	last, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return now, fmt.Errorf("setting %s: %q is not a date like 2026-10-31", store.SettingDemoAsOf, d)
	}
	return last.AddDate(0, 0, 1), nil
}
