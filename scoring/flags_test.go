package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }

// Each planted client, set among ten healthy ones, gets exactly its flag,
// with the evidence numbers worked out by hand in the comments.
func TestFlagEvidence(t *testing.T) {
	tests := []struct {
		name     string
		build    func() ClientFacts
		id       FlagID
		severity int
		points   float64
		zero     bool
		evidence string
	}{
		{
			// Last 12 months: 3 invoices on time, 2 paid 20 days late, 7 paid
			// 45 days late. 9 late; (2×20 + 7×45)/9 = 355/9 = 39.4 days.
			// Bands average (2×3 + 7×4)/12 = 2.83 > 2.5: grade F.
			// 3,250.00 overdue against 1,500.00 MRR: 2.2 months.
			// 9 of 12 paid more than 15 days late = 0.75, the severe end.
			name: "late payment",
			build: func() ClientFacts {
				c := client("Slow Pay Ltd", 20, 24, healthyMonth())
				c.MRR, c.Overdue, c.OverdueInvoices = 150000, 325000, 2
				for k := 1; k <= 9; k++ {
					m := &c.Months[len(c.Months)-k]
					m.PaidOnTime, m.InvoicesPaidLate = 0, 1
					if k <= 2 {
						m.PaidLate16to30, m.DaysLateSum = 1, 20
					} else {
						m.PaidLateOver30, m.DaysLateSum = 1, 45
					}
				}
				return c
			},
			id: FlagLatePayment, severity: 100, points: 35,
			evidence: "9 of 12 paid invoices issued in the last 12 months were paid late, 7 more than 30 days late; the late ones averaged 39 days late; payment grade F; 3,250.00 overdue on 2 invoices (2.2 months of recurring revenue).",
		},
		{
			// 40 seats, 20 hours (0.5 per seat) and 16 tickets a month for
			// 500.00: over 12 months 6,000.00 against 240 h × 65.00 =
			// 15,600.00, margin (6,000 − 15,600) / 6,000 = −160%; 25.00 an
			// hour; break-even 15,600 / 12 / 0.4 = 3,250.00 a month.
			name: "unprofitable",
			build: func() ClientFacts {
				m := healthyMonth()
				m.MinutesWorked, m.Tickets, m.Invoiced = 1200, 16, 50000
				c := client("Old Deal Inc", 40, 24, m)
				c.MRR = 50000
				return c
			},
			id: FlagUnprofitable, severity: 100, points: 35,
			evidence: "Gross margin -160% in the last 12 months: 6,000.00 invoiced against 15,600.00 of labour (240.0 hours at 65.00 an hour); effective rate 25.00 an hour against our standard 150.00; at a 60% margin the break-even price is 3,250.00 a month against 500.00 MRR.",
		},
		{
			// 25 seats, 10 tickets a month of which 5 after hours and 4
			// urgent: 60 of 120 (50%) and 48 (40%). Severity from the share:
			// 25 + 75 × (0.50 − 0.25) / (0.60 − 0.25) = 78.6; points 30 × 79%.
			name: "after hours",
			build: func() ClientFacts {
				m := healthyMonth()
				m.MinutesWorked, m.Tickets, m.AfterHoursTickets, m.UrgentTickets = 750, 10, 5, 4
				c := client("Mr Urgent LLC", 25, 24, m)
				for _, d := range []time.Time{day(2026, 3, 1), day(2026, 6, 7), day(2026, 10, 4)} {
					c.Incidents = append(c.Incidents, Incident{Kind: IncidentAfterHours, Severity: 2, At: d, Description: "Called at 3 a.m."})
				}
				return c
			},
			id: FlagAfterHours, severity: 79, points: 23.7,
			evidence: "50% of 120 tickets in the last 12 months were opened after hours (60) and 40% at urgent priority (48); 3 after-hours demand incidents in the last 24 months.",
		},
		{
			// Two incidents, the worst of severity 3: 25 + 75 × 2/4 + 10 = 72.5.
			name: "staff abuse under the zero-tolerance severity",
			build: func() ClientFacts {
				c := client("Shouty Corp", 20, 24, healthyMonth())
				c.Incidents = []Incident{
					{Kind: IncidentAbuse, Severity: 2, At: day(2026, 5, 2), Description: "Rude email to the help desk"},
					{Kind: IncidentAbuse, Severity: 3, At: day(2026, 9, 14), Description: "Shouted at the technician on site"},
					{Kind: IncidentAbuse, Severity: 5, At: day(2024, 9, 14), Description: "Long ago, outside the window"},
				}
				return c
			},
			id: FlagStaffAbuse, severity: 73, points: 36.5,
			evidence: `2 abuse incidents in the last 24 months, the worst of severity 3 of 5 on 2026-09-14: "Shouted at the technician on site".`,
		},
		{
			name: "staff abuse at the zero-tolerance severity",
			build: func() ClientFacts {
				c := client("Threatening Co", 20, 24, healthyMonth())
				c.Incidents = []Incident{{Kind: IncidentAbuse, Severity: 4, At: day(2026, 9, 14), Description: "Threatened a technician"}}
				return c
			},
			id: FlagStaffAbuse, severity: 100, points: 50, zero: true,
			evidence: `1 abuse incident in the last 24 months, of severity 4 of 5 on 2026-09-14: "Threatened a technician"; mistreatment of staff at severity 4 or above is zero-tolerance.`,
		},
		{
			// A description written as a sentence, with quote marks of its
			// own, is quoted as written: one full stop, no backslashes.
			name: "staff abuse quoted as written",
			build: func() ClientFacts {
				c := client("Sentence Co", 20, 24, healthyMonth())
				c.Incidents = []Incident{{Kind: IncidentAbuse, Severity: 2, At: day(2026, 9, 14), Description: `Called the technician "useless" on the phone.`}}
				return c
			},
			id: FlagStaffAbuse, severity: 44, points: 22, // 25 + 75 × 1/4, rounded; weight 50
			evidence: `1 abuse incident in the last 24 months, of severity 2 of 5 on 2026-09-14: "Called the technician "useless" on the phone".`,
		},
		{
			// MFA 35% is past the severe end (40%): severity 100.
			name: "security",
			build: func() ClientFacts {
				c := client("Open Door Dental", 20, 24, healthyMonth())
				c.Security = &SecuritySnapshot{At: day(2026, 10, 31), MFACoverage: 35, PatchCompliance: 72, EOLDevices: 6, Devices: 20, Backup: BackupFailing}
				c.FirstSecurity = &SecuritySnapshot{At: day(2025, 1, 31), MFACoverage: 30, PatchCompliance: 70, EOLDevices: 8, Devices: 20, Backup: BackupFailing}
				return c
			},
			id: FlagSecurity, severity: 100, points: 35,
			evidence: "Snapshot of 2026-10-31: MFA on 35% of accounts, patch compliance 72% (compliant from 95%), 6 of 20 devices end-of-life (30%), backups failing; on 2025-01-31 MFA was 30% and patch compliance 70%.",
		},
		{
			// One incident of severity 4: 25 + 75 × 3/4 = 81.25.
			name: "data compliance",
			build: func() ClientFacts {
				c := client("Leaky Clinic", 20, 24, healthyMonth())
				c.Incidents = []Incident{{Kind: IncidentDataCompliance, Severity: 4, At: day(2026, 8, 2), Description: "Emailed patient records to a personal account"}}
				return c
			},
			id: FlagDataCompliance, severity: 81, points: 32.4,
			evidence: `1 data-compliance incident in the last 24 months, of severity 4 of 5 on 2026-08-02: "Emailed patient records to a personal account".`,
		},
		{
			// 3 of 10 hours a month out of scope: 36 of 120 hours (30%), on
			// 36 of 96 tickets. 25 + 75 × (0.30 − 0.15) / 0.25 = 70.
			name: "scope creep",
			build: func() ClientFacts {
				m := healthyMonth()
				m.OutOfScopeMinutes, m.OutOfScopeTickets = 180, 3
				return client("Favours Inc", 20, 24, m)
			},
			id: FlagScopeCreep, severity: 70, points: 21,
			evidence: "36.0 of 120.0 hours (30%) in the last 12 months were out of scope, on 36 of 96 tickets.",
		},
		{
			// 3 declined upgrades and 1 naivete incident: 4 against the band
			// 3–6: 25 + 75 × 1/3 = 50.
			name: "modernization",
			build: func() ClientFacts {
				c := client("Stuck In 2009", 20, 24, healthyMonth())
				c.Upgrades = []Upgrade{
					{Title: "Windows 10 replacement", Proposed: day(2025, 3, 1), Decided: day(2025, 4, 1), Decision: UpgradeDeclined},
					{Title: "Firewall refresh", Proposed: day(2025, 9, 1), Decided: day(2025, 10, 1), Decision: UpgradeDeclined},
					{Title: "Backup appliance", Proposed: day(2026, 1, 1), Decided: day(2026, 1, 20), Decision: UpgradeAccepted},
					{Title: "MFA rollout", Proposed: day(2026, 5, 1), Decided: day(2026, 6, 1), Decision: UpgradeDeclined},
					{Title: "Server migration", Proposed: day(2026, 10, 1), Decision: UpgradePending},
					{Title: "Too old to count", Proposed: day(2023, 1, 1), Decided: day(2023, 2, 1), Decision: UpgradeDeclined},
				}
				c.Incidents = []Incident{{Kind: IncidentNaivete, Severity: 2, At: day(2026, 7, 1), Description: "Refused training on the new system"}}
				return c
			},
			id: FlagModernization, severity: 50, points: 12.5,
			evidence: "3 of 4 upgrade recommendations decided in the last 24 months were declined (Windows 10 replacement, Firewall refresh, MFA rollout); 1 technological-naivete incident.",
		},
		{
			name: "criminal",
			build: func() ClientFacts {
				c := client("Shady Imports", 20, 24, healthyMonth())
				c.Incidents = []Incident{{Kind: IncidentCriminal, Severity: 5, At: day(2026, 8, 2), Description: "Used our remote access to copy a competitor's files"}}
				return c
			},
			id: FlagCriminal, severity: 100, points: 100, zero: true,
			evidence: `1 criminal-activity incident in the last 24 months, of severity 5 of 5 on 2026-08-02: "Used our remote access to copy a competitor's files"; criminal activity is zero-tolerance.`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clients := append(healthyPortfolio(10), tt.build())
			p := Assess(clients, DefaultConfig(), asOf)
			a := mustFind(t, &p, clients[len(clients)-1].Name)
			if len(a.Flags) != 1 {
				t.Fatalf("flags %s; want only %s", flagIDs(a), tt.id)
			}
			f := a.Flags[0]
			if f.ID != tt.id || f.Severity != tt.severity || f.Points != tt.points || f.ZeroTolerance != tt.zero {
				t.Errorf("flag %s severity %d points %v zero %v; want %s %d %v %v", f.ID, f.Severity, f.Points, f.ZeroTolerance, tt.id, tt.severity, tt.points, tt.zero)
			}
			if f.Evidence != tt.evidence {
				t.Errorf("evidence\n got %s\nwant %s", f.Evidence, tt.evidence)
			}
			for _, h := range p.Assessments {
				if h.Client.Name != a.Client.Name && len(h.Flags) > 0 {
					t.Errorf("healthy client %s flagged: %s", h.Client.Name, flagIDs(&h))
				}
			}
		})
	}
}

// Among five clients using 0.4–0.6 hours and 0.4 tickets per seat, one
// using 4.0 hours and 2.0 tickets per seat is a resource drain.
//
// Robust hours: values 0.4 0.5 0.5 0.6 0.5 4.0, median 0.5; deviations
// 0.1 0 0 0.1 0 3.5 sort to 0 0 0 0.1 0.1 3.5, MAD 0.05, spread 0.07413,
// range 0.5 ± 0.14826 = 0.35–0.65; z = 3.5 / 0.07413 = 47.2.
// Robust tickets: five at 0.4 and one at 2.0, MAD 0, so the mean absolute
// deviation 1.6/6 stands in: spread 1.2533 × 0.26667 = 0.33421, range
// 0.4 ± 0.66843, cut at zero: 0.00–1.07; z = 1.6 / 0.33421 = 4.8.
func TestResourceDrainEvidence(t *testing.T) {
	var clients []ClientFacts
	for i, minutes := range []int64{480, 600, 600, 720, 600, 4800} {
		m := healthyMonth()
		m.MinutesWorked = minutes
		if minutes == 4800 {
			m.Tickets, m.Invoiced = 40, 1000000
		}
		clients = append(clients, client(string(rune('A'+i))+" client", 20, 24, m))
	}
	cfg := DefaultConfig()
	cfg.Stats.Method = MethodRobust
	p := Assess(clients, cfg, asOf)
	drain := mustFind(t, &p, "F client")
	f := findFlag(drain, FlagResourceDrain)
	if f == nil || len(drain.Flags) != 1 {
		t.Fatalf("flags %s; want resource_drain alone", flagIDs(drain))
	}
	want := "4.00 hours per seat per month in the last 12 months, above the normal range 0.35–0.65 (z = 47.2); 2.00 tickets per seat per month, above the normal range 0.00–1.07 (z = 4.8) (median ± 2 × 1.4826 × MAD)."
	// Severity from the smaller z, the tickets': 50 + 50 × (4.787 − 2) / 3 = 96.5.
	if f.Evidence != want || f.Severity != 96 {
		t.Errorf("severity %d evidence\n got %s\nwant %s", f.Severity, f.Evidence, want)
	}
	for _, a := range p.Assessments {
		if a.Client.Name != "F client" && len(a.Flags) > 0 {
			t.Errorf("%s flagged %s", a.Client.Name, flagIDs(&a))
		}
	}
}

// The sd range matches a mean and sample deviation computed here.
func TestNormsMatchIndependentComputation(t *testing.T) {
	clients := healthyPortfolio(10)
	clients = append(clients, client("Drain", 20, 24, scaled(8)))
	newcomer := client("Newcomer", 20, 2, scaled(30)) // too little history to count
	gone := client("Gone", 20, 24, scaled(30))
	gone.Status = StatusOffboarded // no longer serviced: not in the norm
	clients = append(clients, newcomer, gone)
	p := Assess(clients, DefaultConfig(), asOf)

	var xs []float64
	for _, c := range clients[:11] {
		xs = append(xs, float64(c.Months[0].MinutesWorked)/60/20)
	}
	var sum, ss float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	sd := sqrt(ss / float64(len(xs)-1))
	r := p.Norms[MetricHoursPerSeat]
	if r.N != 11 || !near(r.Center, mean) || !near(r.High, mean+2*sd) {
		t.Errorf("norm %+v; want 11 clients, mean %v, high %v", r, mean, mean+2*sd)
	}
	if a := mustFind(t, &p, "Drain"); findFlag(a, FlagResourceDrain) == nil {
		t.Errorf("drain at 8× not flagged: %s", flagIDs(a))
	}
	nc := mustFind(t, &p, "Newcomer")
	if nc.Rated || len(nc.Flags) != 0 || nc.Lab[0].Judged || nc.Lab[0].Marker != "" {
		t.Errorf("newcomer with 2 months judged on rates: rated %v flags %s lab %+v", nc.Rated, flagIDs(nc), nc.Lab[0])
	}
}

// sqrt by Newton's method keeps the independent computation free of the
// code under test.
func sqrt(x float64) float64 {
	z := x
	for range 100 {
		z -= (z*z - x) / (2 * z)
	}
	return z
}

// payments builds the payment totals of invoices paid the given numbers of
// days late, banding them independently of the code under test.
func payments(daysLate []int) totals {
	var t totals
	for _, d := range daysLate {
		t.DaysLateSum += max(0, d)
		switch {
		case d <= 0:
			t.PaidOnTime++
		case d <= 7:
			t.PaidLate1to7++
		case d <= 15:
			t.PaidLate8to15++
		case d <= 30:
			t.PaidLate16to30++
		default:
			t.PaidLateOver30++
		}
	}
	return t
}

// Property: of the same invoices, paying any one later, or owing more,
// never lowers the late-payment severity.
func TestLatePaymentSeverityMonotone(t *testing.T) {
	cfg := DefaultConfig()
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 5000 {
		n := 1 + rng.IntN(24)
		days := make([]int, n)
		for i := range days {
			if rng.IntN(2) == 0 {
				days[i] = rng.IntN(120)
			}
		}
		overdue := rng.Float64() * 5
		before := latePaymentSeverity(payments(days), overdue, &cfg)
		i := rng.IntN(n)
		days[i] += 1 + rng.IntN(60)
		after := latePaymentSeverity(payments(days), overdue, &cfg)
		more := latePaymentSeverity(payments(days), overdue+rng.Float64(), &cfg)
		if after < before || more < after {
			t.Fatalf("trial %d: severity %v, then %v after invoice %d paid later, %v owing more (days %v)", trial, before, after, i, more, days)
		}
	}
	// Twelve invoices turning late one by one, 41 days each.
	days := make([]int, 12)
	prev := -1.0
	for late := 0; late <= 12; late++ {
		if late > 0 {
			days[late-1] = 41
		}
		sev := latePaymentSeverity(payments(days), 0, &cfg)
		if sev < prev {
			t.Fatalf("%d late invoices: severity %v below %v", late, sev, prev)
		}
		prev = sev
	}
	if prev != 100 {
		t.Errorf("twelve invoices 41 days late: severity %v, want 100", prev)
	}
}

func TestPaymentGrade(t *testing.T) {
	cfg := DefaultConfig()
	tests := []struct {
		days []int
		want string
	}{
		{[]int{0, 0, 0, 0}, "A"},
		{[]int{0, 0, 0, 3}, "A"},     // bands 0 0 0 1: mean 0.25, on the A cut-off
		{[]int{0, 0, 3, 3}, "B"},     // mean 0.5
		{[]int{0, 10, 10, 3}, "C"},   // (2+2+1)/4 = 1.25
		{[]int{20, 20, 10, 3}, "D"},  // (3+3+2+1)/4 = 2.25
		{[]int{45, 45, 45, 20}, "F"}, // (4+4+4+3)/4 = 3.75
		{[]int{45, 45}, ""},          // two invoices: too few to grade
	}
	for _, tt := range tests {
		if got := paymentGrade(payments(tt.days), &cfg); got != tt.want {
			t.Errorf("grade of %v = %q, want %q", tt.days, got, tt.want)
		}
	}
}

func TestBandSeverity(t *testing.T) {
	higherWorse := Band{Concern: 10, Severe: 20}
	lowerWorse := Band{Concern: 90, Severe: 40}
	tests := []struct {
		b    Band
		x    float64
		want float64
	}{
		{higherWorse, 9.99, 0}, {higherWorse, 10, 25}, {higherWorse, 15, 62.5}, {higherWorse, 20, 100}, {higherWorse, 99, 100},
		// "90% or more is fine": 90 itself raises nothing, just under it does.
		{lowerWorse, 95, 0}, {lowerWorse, 90, 0}, {lowerWorse, 89.999999, 25.0000015}, {lowerWorse, 65, 62.5}, {lowerWorse, 40, 100}, {lowerWorse, 0, 100},
	}
	for _, tt := range tests {
		if got := tt.b.Severity(tt.x); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("%+v.Severity(%v) = %v, want %v", tt.b, tt.x, got, tt.want)
		}
	}
}

// A client exactly at the compliant thresholds, with a backup warning, has
// no security flag: 90% MFA, 95% patches ("95% or more is compliant") and
// 1 of 11 devices end-of-life (9%, under 10%).
func TestSecurityAtThresholdsIsCompliant(t *testing.T) {
	c := client("Borderline", 20, 24, healthyMonth())
	c.Security = &SecuritySnapshot{At: monthsBack(1), MFACoverage: 90, PatchCompliance: 95, EOLDevices: 1, Devices: 11, Backup: BackupWarning}
	p := Assess(append(healthyPortfolio(10), c), DefaultConfig(), asOf)
	if a := mustFind(t, &p, "Borderline"); len(a.Flags) != 0 {
		t.Errorf("flags %s: %+v", flagIDs(a), a.Flags)
	}
	c.Security.PatchCompliance = 94
	p = Assess(append(healthyPortfolio(10), c), DefaultConfig(), asOf)
	// 25 + 75 × (95 − 94) / (95 − 70) = 28.
	if f := findFlag(mustFind(t, &p, "Borderline"), FlagSecurity); f == nil || f.Severity != 28 {
		t.Errorf("94%% patched: flag %+v, want severity 28", f)
	}
}

// Seed 002 asks for both: hours far outside the range with a normal number
// of tickets (long projects, not a drain) raise nothing; both together do,
// with the severity of the nearer one.
func TestResourceDrainNeedsHoursAndTickets(t *testing.T) {
	longJobs := healthyMonth()
	longJobs.MinutesWorked = 4800 // 4 hours a seat, 0.4 tickets a seat
	drain := longJobs
	drain.Tickets = 40 // 2 tickets a seat
	for _, tt := range []struct {
		name string
		m    MonthFacts
		want bool
	}{{"hours only", longJobs, false}, {"hours and tickets", drain, true}} {
		p := Assess(append(healthyPortfolio(20), client("Subject", 20, 24, tt.m)), DefaultConfig(), asOf)
		a := mustFind(t, &p, "Subject")
		f := findFlag(a, FlagResourceDrain)
		if (f != nil) != tt.want {
			t.Errorf("%s: flags %s", tt.name, flagIDs(a))
		}
		if f == nil {
			continue
		}
		zh := p.Norms[MetricHoursPerSeat].Z(4)
		zt := p.Norms[MetricTicketsPerSeat].Z(2)
		// 50 at z = 2, 100 at z = 5, from the smaller z.
		want := int(math.Round(50 + 50*math.Min(1, (math.Min(zh, zt)-2)/3)))
		if f.Severity != want {
			t.Errorf("severity %d, want %d (z %v and %v)", f.Severity, want, zh, zt)
		}
	}
}

// Shares of a handful of tickets are no pattern: one long out-of-scope job,
// or 5 after-hours calls out of 11 tickets, raise nothing; the same shares
// over enough tickets do.
func TestSmallNumbersRaiseNothing(t *testing.T) {
	quiet := healthyMonth()
	quiet.Tickets, quiet.AfterHoursTickets, quiet.UrgentTickets = 1, 0, 0
	tests := []struct {
		name string
		edit func(last []MonthFacts) // the last 12 months, oldest first
		flag FlagID
	}{
		{"one long out-of-scope job", func(m []MonthFacts) {
			m[11].OutOfScopeTickets, m[11].OutOfScopeMinutes = 1, 1800 // 30 of 150 hours
			m[11].MinutesWorked += 1800
		}, ""},
		{"six out-of-scope jobs", func(m []MonthFacts) {
			for i := 6; i < 12; i++ {
				m[i].OutOfScopeTickets, m[i].OutOfScopeMinutes = 1, 300 // 30 of 150 hours
				m[i].MinutesWorked += 300
			}
		}, FlagScopeCreep},
		{"5 after-hours of 11 tickets", func(m []MonthFacts) {
			m[11].Tickets = 0
			for i := 6; i < 11; i++ {
				m[i].AfterHoursTickets = 1
			}
		}, ""},
		{"5 after-hours of 12 tickets", func(m []MonthFacts) {
			for i := 6; i < 11; i++ {
				m[i].AfterHoursTickets = 1
			}
		}, FlagAfterHours},
	}
	for _, tt := range tests {
		c := client("Subject", 20, 24, quiet)
		tt.edit(c.Months[12:])
		p := Assess(append(healthyPortfolio(10), c), DefaultConfig(), asOf)
		a := mustFind(t, &p, "Subject")
		if got := flagIDs(a); got != string(tt.flag) {
			t.Errorf("%s: flags %q, want %q", tt.name, got, tt.flag)
		}
	}
}
