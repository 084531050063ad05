// Package demo writes a deterministic, realistic demo portfolio into a
// store: a fictional MSP (our own company) and its clients with two or
// three years of tickets, time entries, invoices and payments, incidents,
// security snapshots and upgrade decisions. Most clients are healthy; a
// few are planted so that each story of the seed articles has a client
// that embodies it, with numbers plainly outside the healthy range.
package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	_ "time/tzdata" // client time zones must resolve on machines without a zoneinfo database

	"offboard/store"
)

// Options size and seed the portfolio.
type Options struct {
	Clients int       // number of clients, planted ones included; 0 means DefaultClients
	Months  int       // months of history; 0 means DefaultMonths
	Seed    int64     // the same seed, AsOf and sizes give the same rows
	AsOf    time.Time // the last day of history; only its calendar date counts
}

// Defaults and limits of Options.
const (
	DefaultClients = 60
	DefaultMonths  = 24
	// MinClients leaves room for every planted client and a few healthy
	// ones to compare them with.
	MinClients = 20
	// MinMonths is enough for a year of invoices plus a remediation baseline.
	MinMonths = 12
	MaxMonths = 120
)

// Summary counts what Generate wrote.
type Summary struct {
	Clients, Tickets, TimeEntries, Invoices, Payments int
	Incidents, SecuritySnapshots, Upgrades            int
	Communications                                    int
}

// ErrNotEmpty reports a database that already holds clients; the demo only
// writes into an empty one.
var ErrNotEmpty = errors.New("database already holds clients")

// Generate writes the portfolio into s, which must hold no clients, in one
// transaction: either all of it is written or nothing is.
func Generate(ctx context.Context, s *store.Store, opts Options) (Summary, error) {
	opts, err := opts.normalize()
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("demo: %w (%d clients)", ErrNotEmpty, n)
		}
		if err := cacheSize(ctx, tx, insertCacheKiB); err != nil {
			return err
		}
		sum, err = writeRows(ctx, tx, opts)
		if cerr := cacheSize(ctx, tx, defaultCacheKiB); err == nil {
			err = cerr
		}
		return err
	})
	if err != nil {
		return sum, err
	}
	return sum, keepLetterDrafts(ctx, s, opts.AsOf)
}

func writeRows(ctx context.Context, tx *sql.Tx, opts Options) (Summary, error) {
	g, err := newGenerator(ctx, tx, opts)
	if err != nil {
		return Summary{}, err
	}
	defer g.w.close()
	if err := g.run(); err != nil {
		return Summary{}, err
	}
	if err := g.sums.Apply(ctx, tx); err != nil {
		return Summary{}, fmt.Errorf("demo: %w", err)
	}
	return g.summary(), nil
}

func (o Options) normalize() (Options, error) {
	if o.Clients == 0 {
		o.Clients = DefaultClients
	}
	if o.Months == 0 {
		o.Months = DefaultMonths
	}
	if o.Clients < MinClients {
		return o, fmt.Errorf("demo: %d clients is too few; at least %d are needed to hold every planted story", o.Clients, MinClients)
	}
	if o.Months < MinMonths || o.Months > MaxMonths {
		return o, fmt.Errorf("demo: %d months is out of range; use %d to %d", o.Months, MinMonths, MaxMonths)
	}
	if o.AsOf.IsZero() {
		return o, errors.New("demo: the last day of history (AsOf) is required")
	}
	y, m, d := o.AsOf.Date()
	o.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return o, nil
}

// Our own company: a fictional MSP that signs every letter and plan.
var company = []struct{ key, value string }{
	{store.SettingCompanyName, companyName},
	{store.SettingCompanyAddress, companyAddress},
	{store.SettingCompanySigner, ownerName},
	{store.SettingCompanySignerTitle, ownerTitle},
	{store.SettingCompanyEmail, companyEmail},
	{store.SettingCompanyPhone, companyPhone},
	{store.SettingLabourCostPerHour, strconv.Itoa(labourCostPerHour)},
	{store.SettingBusinessHours, "08:00-18:00"},
	{store.SettingBusinessDays, "Mon-Fri"},
	{store.SettingBusinessTimeZone, "America/New_York"},
	{store.SettingBusinessTechnicians, strconv.Itoa(len(technicians))},
	{store.SettingCalendarRegion, string(demoRegion)},
}

// labourCostPerHour is a technician hour fully loaded (wages, taxes,
// benefits, tools), in cents: 72.00.
const labourCostPerHour = 7200

// businessStart and businessEnd bound the working day written to settings;
// a ticket opened outside them, or at the weekend, in the client's own
// zone, is after hours.
const (
	businessStart = 8
	businessEnd   = 18
)

// Our own people who appear in plans, checklists and the audit trail.
const (
	companyName    = "Bluepeak Managed IT, LLC"
	companyAddress = "410 Canal Street, Suite 300\nRichmond, VA 23219"
	companyEmail   = "dana.whitfield@bluepeakit.com"
	companyPhone   = "+1 804 555 0142"
	ownerName      = "Dana Whitfield"
	ownerTitle     = "Founder and Managing Director"
	serviceManager = "Jordan Ellis"
	accountManager = "Renee Calder"
)

// newRand gives stream i of the seed its own generator, so each client's
// rows depend only on the seed and its position, never on other clients.
func newRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), stream*0x9E3779B97F4A7C15+1))
}

// insertCacheKiB is the page cache while rows stream in: room for a large
// portfolio's index pages, so half-written pages are not spilled to the
// log mid-transaction (it roughly halves the time of the 2,000-client
// portfolio). The roll-up then runs with SQLite's default cache, so its
// sorts spill to temporary files instead of growing memory: memory stays
// bounded by these two figures whatever the size of the portfolio.
const (
	insertCacheKiB  = 64 << 10
	defaultCacheKiB = 2000
)

func cacheSize(ctx context.Context, tx *sql.Tx, kib int) error {
	// PRAGMA takes no bound parameters; the value is our own constant.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", kib)); err != nil {
		return fmt.Errorf("demo: set the page cache: %w", err)
	}
	return nil
}
