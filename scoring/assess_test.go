package scoring

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestProfitOf(t *testing.T) {
	cfg := DefaultConfig() // 65.00 an hour, 60% target margin
	tests := []struct {
		name             string
		revenue, minutes int64
		months           int
		want             Profit
	}{
		{
			// 240 h × 65.00 = 15,600.00; (6,000 − 15,600) / 6,000 = −1.6;
			// 6,000 / 240 = 25.00 an hour; 15,600 / 12 / 0.4 = 3,250.00.
			name: "loss-maker", revenue: 600000, minutes: 14400, months: 12,
			want: Profit{Months: 12, Revenue: 600000, Hours: 240, LabourCost: 1560000, Margin: -1.6, EffectiveRate: 2500, BreakEvenMonthly: 325000},
		},
		{
			// 10 h a month for 2,000.00: 120 h × 65 = 7,800.00 over 24,000.00,
			// margin 0.675; 200.00 an hour; 650.00 a month / 0.4 = 1,625.00.
			name: "healthy", revenue: 2400000, minutes: 7200, months: 12,
			want: Profit{Months: 12, Revenue: 2400000, Hours: 120, LabourCost: 780000, Margin: 0.675, EffectiveRate: 20000, BreakEvenMonthly: 162500},
		},
		{
			name: "nothing invoiced", revenue: 0, minutes: 90, months: 1,
			want: Profit{Months: 1, Hours: 1.5, LabourCost: 9750, BreakEvenMonthly: 24375},
		},
		{
			name: "no work", revenue: 50000, minutes: 0, months: 1,
			want: Profit{Months: 1, Revenue: 50000, Margin: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ProfitOf(tt.revenue, tt.minutes, tt.months, &cfg)
			if !near(got.Margin, tt.want.Margin) {
				t.Errorf("margin %v, want %v", got.Margin, tt.want.Margin)
			}
			got.Margin = tt.want.Margin
			if got != tt.want {
				t.Errorf("ProfitOf = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// The window is calendar months: a month without a roll-up row still
// counts, and the assessment month and later ones do not.
func TestWindowCountsCalendarMonths(t *testing.T) {
	c := client("Lumpy", 20, 24, healthyMonth())
	c.Months = nil
	for k := 2; k <= 12; k += 2 { // six busy months of 20 hours in the last twelve
		c.Months = append(c.Months, MonthFacts{Month: monthsBack(k), MinutesWorked: 1200, Tickets: 16})
	}
	slices.SortFunc(c.Months, func(a, b MonthFacts) int { return a.Month.Compare(b.Month) })
	c.Months = append(c.Months,
		MonthFacts{Month: monthsBack(0), MinutesWorked: 99999},  // November, not complete
		MonthFacts{Month: monthsBack(-1), MinutesWorked: 99999}, // the future
	)
	p := Assess(append(healthyPortfolio(5), c), DefaultConfig(), asOf)
	a := mustFind(t, &p, "Lumpy")
	// 120 hours over 12 months and 20 seats = 0.5; 96 tickets = 0.4 a seat.
	if got := a.Lab[mHoursPerSeat].Value; !near(got, 0.5) {
		t.Errorf("hours per seat %v, want 0.5", got)
	}
	if got := a.Lab[mTicketsPerSeat].Value; !near(got, 0.4) {
		t.Errorf("tickets per seat %v, want 0.4", got)
	}
	if a.Window.Months != 12 || a.Window.From != monthsBack(12) || a.Window.To != monthsBack(0) || a.HistoryMonths != 24 {
		t.Errorf("window %+v, history %d", a.Window, a.HistoryMonths)
	}
}

func TestShortHistoryWindow(t *testing.T) {
	c := client("New Co", 20, 5, healthyMonth())
	p := Assess(append(healthyPortfolio(5), c), DefaultConfig(), asOf)
	a := mustFind(t, &p, "New Co")
	if a.Window.Months != 5 || a.Window.Phrase() != "in the last 5 months" || !a.Rated {
		t.Errorf("window %+v (%q), rated %v", a.Window, a.Window.Phrase(), a.Rated)
	}
	if a.Profit.Revenue != 5*200000 {
		t.Errorf("revenue %d over five months", a.Profit.Revenue)
	}
}

func TestTrendsAndLabPanel(t *testing.T) {
	c := client("Slipping", 20, 24, healthyMonth())
	for k := 1; k <= 3; k++ { // the last three months: twice the hours
		c.Months[len(c.Months)-k].MinutesWorked = 1200
	}
	c.FirstSecurity = &SecuritySnapshot{At: monthsBack(20), MFACoverage: 50, PatchCompliance: 98, Devices: 20, Backup: BackupOK}
	c.Security = &SecuritySnapshot{At: monthsBack(1), MFACoverage: 80, PatchCompliance: 98, Devices: 20, Backup: BackupOK}
	p := Assess(append(healthyPortfolio(10), c), DefaultConfig(), asOf)
	a := mustFind(t, &p, "Slipping")
	tests := []struct {
		metric   Metric
		trend    string
		previous float64
		recent   float64
	}{
		// 10 h then 20 h a month over 20 seats.
		{MetricHoursPerSeat, TrendWorsening, 0.5, 1},
		{MetricTicketsPerSeat, TrendSteady, 0.4, 0.4},
		// Revenue per hour halves: 200.00 then 100.00.
		{MetricEffectiveRate, TrendWorsening, 20000, 10000},
		// Margin (2,000 − 650) / 2,000 = 0.675, then (2,000 − 1,300) / 2,000 = 0.35.
		{MetricMargin, TrendWorsening, 0.675, 0.35},
		{MetricMFACoverage, TrendImproving, 50, 80},
		{MetricPatchCompliance, TrendSteady, 98, 98},
	}
	for _, tt := range tests {
		row := labRow(t, a, tt.metric)
		if row.Trend.Direction != tt.trend || !near(row.Trend.Previous, tt.previous) || !near(row.Trend.Recent, tt.recent) {
			t.Errorf("%s trend %+v; want %s from %v to %v", tt.metric, row.Trend, tt.trend, tt.previous, tt.recent)
		}
	}
	hours := labRow(t, a, MetricHoursPerSeat)
	// Nine months of 10 hours and three of 20: 150 h / 12 / 20 = 0.625.
	if !near(hours.Value, 0.625) || hours.Display != "0.62" {
		t.Errorf("hours row %+v", hours)
	}
	if hours.RangeText == "" || hours.YourNorm != hours.RangeText+" over 11 clients" {
		t.Errorf("hours range %q, your norm %q", hours.RangeText, hours.YourNorm)
	}
	if hours.IndustryNorm != "reactive support ≈0.25" || !strings.HasSuffix(hours.YourNorm, "over 11 clients") || hours.Method != "mean ± 2 standard deviations" {
		t.Errorf("hours notes %q / %q / %q", hours.YourNorm, hours.IndustryNorm, hours.Method)
	}
	tickets := labRow(t, a, MetricTicketsPerSeat)
	if tickets.IndustryNorm != "well-run 0.2–0.5, reactive ≈2" {
		t.Errorf("tickets industry norm %q", tickets.IndustryNorm)
	}
	late := labRow(t, a, MetricDaysLate)
	if late.IndustryNorm != "days to pay ≤30 good, ≥48 bottom quartile: ≤0 and ≥18 days late on 30-day terms" || late.Display != "0.0" {
		t.Errorf("days late row %+v", late)
	}
	// Ten clients at 100% and this one at 80%: 98.18 ± 2 × 6.03, cut at 100.
	if mfa := labRow(t, a, MetricMFACoverage); mfa.Marker != "L" || mfa.Display != "80%" || mfa.YourNorm != "86%–100% over 11 clients" {
		t.Errorf("MFA row %+v", mfa)
	}
}

func labRow(t *testing.T, a *Assessment, m Metric) LabRow {
	t.Helper()
	for _, r := range a.Lab {
		if r.Metric == m {
			return r
		}
	}
	t.Fatalf("no lab row %s", m)
	return LabRow{}
}

// A client's value outside the normal range carries H or L and its z-score.
func TestLabMarkers(t *testing.T) {
	heavy := client("Heavy", 20, 24, scaled(8))
	light := client("Light", 20, 24, healthyMonth())
	light.Security = &SecuritySnapshot{At: monthsBack(1), MFACoverage: 10, PatchCompliance: 98, Devices: 20, Backup: BackupOK}
	clients := append(healthyPortfolio(20), heavy, light)
	p := Assess(clients, DefaultConfig(), asOf)
	h := labRow(t, mustFind(t, &p, "Heavy"), MetricHoursPerSeat)
	r := p.Norms[MetricHoursPerSeat]
	if h.Marker != "H" || !near(h.Z, (h.Value-r.Center)/r.Spread) || h.Z <= 2 {
		t.Errorf("heavy row %+v against %+v", h, r)
	}
	if m := labRow(t, mustFind(t, &p, "Light"), MetricMFACoverage); m.Marker != "L" || m.Z >= -2 {
		t.Errorf("MFA 10%% among 100%% clients: %+v", m)
	}
}

func TestPortfolioOrderCountsAndConcentration(t *testing.T) {
	clients := healthyPortfolio(9)
	crook := client("Crook", 20, 24, healthyMonth())
	crook.Incidents = []Incident{{Kind: IncidentCriminal, Severity: 5, At: day(2026, 8, 2), Description: "Fraud"}}
	clients = append(clients, crook, client("Drain", 20, 24, scaled(20)))
	p := Assess(clients, DefaultConfig(), asOf)
	if p.Assessments[0].Client.Name != "Crook" || p.Assessments[0].Score != 100 || p.Assessments[0].Recommendation != Offboard {
		t.Errorf("first %s score %d", p.Assessments[0].Client.Name, p.Assessments[0].Score)
	}
	if !slices.IsSortedFunc(p.Assessments, func(a, b Assessment) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return strings.Compare(a.Client.Name, b.Client.Name)
	}) {
		t.Error("assessments not sorted by score, then name")
	}
	total := 0
	for _, n := range p.Counts {
		total += n
	}
	if total != len(clients) || p.Counts[Keep] != 9 {
		t.Errorf("counts %v", p.Counts)
	}
	// Eleven clients: the top 10% is two, Drain and the heaviest healthy
	// client. Hours over 12 months, computed here from the facts.
	var hours []float64
	for _, c := range clients {
		hours = append(hours, float64(c.Months[0].MinutesWorked)*12/60)
	}
	slices.Sort(hours)
	var sum float64
	for _, h := range hours {
		sum += h
	}
	want := (hours[len(hours)-1] + hours[len(hours)-2]) / sum
	if c := p.Concentration; c.TopClients != 2 || !near(c.HoursShare, want) {
		t.Errorf("concentration %+v, want 2 clients with %v", c, want)
	}
}

func TestFind(t *testing.T) {
	clients := []ClientFacts{client("Acme Dental", 5, 6, healthyMonth()), client("Acme Legal", 5, 6, healthyMonth()), client("Birch Farm", 5, 6, healthyMonth())}
	p := Assess(clients, DefaultConfig(), asOf)
	for _, tt := range []struct{ query, name, err string }{
		{"acme dental", "Acme Dental", ""},
		{"birch", "Birch Farm", ""},
		{"acme", "", `"acme" matches 2 clients: Acme Dental, Acme Legal`},
		{"zebra", "", `no client named "zebra"`},
	} {
		a, err := p.Find(tt.query)
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("Find(%q) error %v, want %q", tt.query, err, tt.err)
		case tt.err == "" && (err != nil || a.Client.Name != tt.name):
			t.Errorf("Find(%q) = %v, %v; want %s", tt.query, a, err, tt.name)
		}
	}
}

// The assessment encodes to JSON whatever the data: no NaN or infinity
// escapes into it.
func TestAssessmentEncodes(t *testing.T) {
	empty := ClientFacts{Name: "Empty", Status: StatusActive}
	noSeats := client("No Seats", 0, 24, healthyMonth())
	p := Assess([]ClientFacts{empty, noSeats}, DefaultConfig(), asOf)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"name":"Empty"`) {
		t.Errorf("JSON lacks the client: %s", data)
	}
	for _, a := range p.Assessments {
		for _, r := range a.Lab {
			if math.IsNaN(r.Value) || math.IsNaN(r.Z) || math.IsNaN(r.Trend.Previous) || math.IsNaN(r.Trend.Recent) {
				t.Errorf("%s %s has NaN: %+v", a.Client.Name, r.Metric, r)
			}
		}
	}
}

// synthetic builds n clients with months of varied roll-ups.
func synthetic(n, months int) []ClientFacts {
	out := make([]ClientFacts, n)
	for i := range out {
		m := scaled(0.5 + float64(i%17)/10)
		m.PaidLate1to7, m.PaidOnTime, m.DaysLateSum = i%2, 1-i%2, 3*(i%2)
		c := client("Client "+strconv.Itoa(i), 5+i%40, months, m)
		c.FirstSecurity = c.Security
		c.Incidents = []Incident{{Kind: IncidentScope, Severity: 1 + i%3, At: day(2026, 6, 1), Description: "Asked for help with a home printer"}}
		c.Upgrades = []Upgrade{{Title: "Firewall", Decided: day(2026, 2, 1), Decision: UpgradeDeclined}}
		out[i] = c
	}
	return out
}

// Assessing allocates per client, not per month of history.
func TestAllocationsDoNotGrowWithHistory(t *testing.T) {
	short, long := synthetic(200, 12), synthetic(200, 36)
	cfg := DefaultConfig()
	a := testing.AllocsPerRun(5, func() { Assess(short, cfg, asOf) })
	b := testing.AllocsPerRun(5, func() { Assess(long, cfg, asOf) })
	if b > a*1.05 {
		t.Errorf("%v allocations for 12 months of history, %v for 36", a, b)
	}
}

func BenchmarkAssess(b *testing.B) {
	clients := synthetic(2000, 36)
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		Assess(clients, cfg, asOf)
	}
}

func TestTrendIgnoresNoise(t *testing.T) {
	d := metricDefs[mAfterHoursShare]
	tests := []struct {
		name             string
		previous, recent float64
		floor            float64
		want             string
	}{
		{"3% to 5% inside a wide range is steady", 0.03, 0.05, 0.04, TrendSteady},
		{"3% to 9% is worsening", 0.03, 0.09, 0.04, TrendWorsening},
		{"9% to 3% is improving", 0.09, 0.03, 0.04, TrendImproving},
		{"under the 10% tolerance is steady", 0.50, 0.54, 0, TrendSteady},
		{"zero to zero is steady", 0, 0, 0, TrendSteady},
	}
	for _, tt := range tests {
		if got := trendOf(d, tt.previous, tt.recent, 0.10, tt.floor); got.Direction != tt.want {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
	if got := trendOf(metricDefs[mMargin], 0.6, 0.3, 0.10, 0); got.Direction != TrendWorsening {
		t.Errorf("a falling margin is worsening: %+v", got)
	}
	if got := trendOf(d, math.NaN(), 0.3, 0.10, 0); got.Direction != "" {
		t.Errorf("no earlier period: %+v", got)
	}
}

// A client is left unjudged for the reason it has, never for another: an
// archive's client with 86 months of history but no seat count is not "too
// little history (86 months)".
func TestUnratedSaysWhy(t *testing.T) {
	tests := []struct {
		name          string
		seats, months int
		rated         bool
		unrated, note string
		// perSeat and margin are the lab rows' Unjudged for hours per seat
		// and for the gross margin.
		perSeat, margin string
		history         int
	}{
		{"judged", 20, 24, true, "", "", "", "", 24},
		{"no seat count", 0, 86, false, "no seat count",
			"No seat count: hours and tickets per seat are not judged. Import the clients' seats to judge them.",
			"no seat count", "", 86},
		{"a newcomer", 20, 2, false, "too little history (2 months)",
			"Too little history (2 months) to judge this client on rates.", "too little history", "too little history", 2},
		{"a newcomer without seats", 0, 1, false, "too little history (1 month)",
			"Too little history (1 month) to judge this client on rates.", "too little history", "too little history", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Assess(append(healthyPortfolio(10), client("Subject", tc.seats, tc.months, scaled(1))), DefaultConfig(), asOf)
			a := mustFind(t, &p, "Subject")
			if a.Rated != tc.rated || a.Unrated != tc.unrated || a.HistoryMonths != tc.history {
				t.Errorf("rated %v, unrated %q, %d months; want %v, %q, %d", a.Rated, a.Unrated, a.HistoryMonths, tc.rated, tc.unrated, tc.history)
			}
			if got := a.UnratedNote(); got != tc.note {
				t.Errorf("note %q, want %q", got, tc.note)
			}
			rows := map[Metric]LabRow{}
			for _, r := range a.Lab {
				rows[r.Metric] = r
			}
			for m, want := range map[Metric]string{MetricHoursPerSeat: tc.perSeat, MetricTicketsPerSeat: tc.perSeat,
				MetricMargin: tc.margin, MetricMFACoverage: ""} {
				if r := rows[m]; r.Unjudged != want || r.Judged != (want == "") {
					t.Errorf("%s: judged %v, unjudged %q; want %q", m, r.Judged, r.Unjudged, want)
				}
			}
			says := slices.ContainsFunc(a.Reasons, func(r string) bool { return strings.Contains(r, "Too little history") })
			if says != strings.HasPrefix(tc.unrated, "too little history") {
				t.Errorf("reasons %q for %s", a.Reasons, tc.name)
			}
		})
	}
}
