package casefile_test

import (
	"context"
	"testing"

	"offboard/casefile"
	"offboard/demo"
)

// BenchmarkScorePortfolio loads and scores the benchmark portfolio of
// `offboard demo --clients 2000 --months 36`: about a million time entries,
// which the roll-up has already summed. Writing the portfolio takes half a
// minute before the timer starts.
func BenchmarkScorePortfolio(b *testing.B) {
	d, setup := writeDemo(b, demo.Options{Clients: 2000, Months: 36, Seed: 1})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		p, err := casefile.ScorePortfolio(d, ctx, setup)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Assessments) != 2000 {
			b.Fatalf("%d clients assessed", len(p.Assessments))
		}
	}
}
