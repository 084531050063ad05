package scoring

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMeanSD(t *testing.T) {
	tests := []struct {
		name     string
		xs       []float64
		mean, sd float64
	}{
		// Squared deviations from 5: 9 1 1 1 0 0 4 16, sum 32; sample
		// variance 32/7.
		{"textbook", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 5, math.Sqrt(32.0 / 7)},
		// Mean 2; squared deviations 1 0 1, sum 2; variance 2/2 = 1.
		{"three", []float64{1, 2, 3}, 2, 1},
		{"one value has no spread", []float64{7}, 7, 0},
		{"empty", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, sd := MeanSD(tt.xs)
			if !near(mean, tt.mean) || !near(sd, tt.sd) {
				t.Errorf("MeanSD(%v) = %v, %v; want %v, %v", tt.xs, mean, sd, tt.mean, tt.sd)
			}
		})
	}
}

func TestMedianAndMAD(t *testing.T) {
	tests := []struct {
		name        string
		xs          []float64
		median, mad float64
	}{
		// Sorted 1 1 2 2 4 6 9: median 2; deviations 1 1 0 0 2 4 7 sort to
		// 0 0 1 1 2 4 7: MAD 1.
		{"odd", []float64{9, 1, 2, 6, 1, 4, 2}, 2, 1},
		// Sorted 1 2 3 4: median 2.5; deviations 1.5 .5 .5 1.5: MAD 1.
		{"even", []float64{4, 1, 3, 2}, 2.5, 1},
		{"all equal", []float64{3, 3, 3}, 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]float64(nil), tt.xs...)
			if got := Median(tt.xs); !near(got, tt.median) {
				t.Errorf("Median = %v, want %v", got, tt.median)
			}
			if got := MAD(tt.xs); !near(got, tt.mad) {
				t.Errorf("MAD = %v, want %v", got, tt.mad)
			}
			for i := range before {
				if before[i] != tt.xs[i] {
					t.Fatalf("input reordered: %v", tt.xs)
				}
			}
		})
	}
}

func TestNormalRange(t *testing.T) {
	tests := []struct {
		name           string
		xs             []float64
		method         StatsMethod
		k              float64
		center, spread float64
		low, high      float64
		fallback       bool
		n              int
	}{
		{
			name: "mean ± 2 sd", xs: []float64{2, 4, 4, 4, 5, 5, 7, 9}, method: MethodSD, k: 2,
			center: 5, spread: math.Sqrt(32.0 / 7),
			low: 5 - 2*math.Sqrt(32.0/7), high: 5 + 2*math.Sqrt(32.0/7), n: 8,
		},
		{
			// Median 2, MAD 1: 2 ± 2 × 1.4826 = −0.9652 … 4.9652.
			name: "median ± 2 × 1.4826 × MAD", xs: []float64{9, 1, 2, 6, 1, 4, 2}, method: MethodRobust, k: 2,
			center: 2, spread: 1.4826, low: -0.9652, high: 4.9652, n: 7,
		},
		{
			// Median 5 and MAD 0; mean absolute deviation 4/5 = 0.8, so the
			// spread is 1.2533 × 0.8 = 1.00264.
			name: "robust falls back when MAD is zero", xs: []float64{5, 5, 5, 5, 9}, method: MethodRobust, k: 2,
			center: 5, spread: 1.00264, low: 5 - 2.00528, high: 5 + 2.00528, fallback: true, n: 5,
		},
		{
			name: "NaN values are not clients", xs: []float64{1, math.NaN(), 2, 3}, method: MethodSD, k: 1,
			center: 2, spread: 1, low: 1, high: 3, n: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NormalRange(tt.xs, tt.method, tt.k)
			if !near(r.Center, tt.center) || !near(r.Spread, tt.spread) || !near(r.Low, tt.low) || !near(r.High, tt.high) ||
				r.N != tt.n || r.MeanADFallback != tt.fallback || r.Method != tt.method || r.K != tt.k {
				t.Errorf("NormalRange = %+v; want center %v spread %v range %v–%v n %d fallback %v",
					r, tt.center, tt.spread, tt.low, tt.high, tt.n, tt.fallback)
			}
		})
	}
}

// One enormous client stretches a standard deviation: among n values no
// z-score can exceed (n−1)/√n, under 2 for five clients, so mean ± 2 sd can
// never mark the giant. The robust range does.
func TestOneEnormousClient(t *testing.T) {
	xs := []float64{0.9, 1.0, 1.1, 1.2, 50}
	sd := NormalRange(xs, MethodSD, 2)
	if m := sd.Marker(50); m != "" {
		t.Errorf("sd range %v–%v marks 50 as %q; it cannot reach 2 sd among five", sd.Low, sd.High, m)
	}
	if z := sd.Z(50); z > 4/math.Sqrt(5)+1e-9 {
		t.Errorf("z = %v exceeds the bound (n−1)/√n = %v", z, 4/math.Sqrt(5))
	}
	// Median 1.1; deviations .2 .1 0 .1 48.9 give MAD 0.1; high end
	// 1.1 + 2 × 1.4826 × 0.1 = 1.39652.
	robust := NormalRange(xs, MethodRobust, 2)
	if !near(robust.High, 1.39652) || robust.Marker(50) != "H" {
		t.Errorf("robust range high %v, marker %q; want 1.39652 and H", robust.High, robust.Marker(50))
	}
	if robust.Marker(1.0) != "" || robust.Marker(0.5) != "L" {
		t.Errorf("robust markers: 1.0 → %q, 0.5 → %q; want \"\" and L", robust.Marker(1.0), robust.Marker(0.5))
	}
	// z of 50: (50 − 1.1) / 0.14826.
	if z := robust.Z(50); !near(z, 48.9/0.14826) {
		t.Errorf("robust z = %v, want %v", z, 48.9/0.14826)
	}
}

func TestRangeCannotJudge(t *testing.T) {
	tests := []struct {
		name string
		r    Range
	}{
		{"too few clients", NormalRange([]float64{1, 5}, MethodSD, 2)},
		{"no spread", NormalRange([]float64{4, 4, 4, 4}, MethodSD, 2)},
		// 0.1 + 0.2 is 0.30000000000000004: a spread of rounding noise only.
		{"rounding noise", NormalRange([]float64{0.3, 0.1 + 0.2, 0.3}, MethodSD, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m, z := tt.r.Marker(100), tt.r.Z(100); m != "" || z != 0 {
				t.Errorf("Marker, Z = %q, %v; want no judgement", m, z)
			}
		})
	}
}

func TestConcentration(t *testing.T) {
	tests := []struct {
		name       string
		hours      []float64
		top        float64
		topClients int
		share      float64
	}{
		// Ten clients: the top 10% is one client with 10 of 19 hours.
		{"one of ten", []float64{1, 1, 1, 10, 1, 1, 1, 1, 1, 1}, 0.10, 1, 10.0 / 19},
		// Eleven clients: 10% is 1.1, rounded up to two clients, 10 + 5 of 24.
		{"rounds up", []float64{1, 1, 1, 10, 1, 1, 1, 1, 1, 1, 5}, 0.10, 2, 15.0 / 24},
		{"a lone client is its own top", []float64{3}, 0.10, 1, 1},
		{"no hours at all", []float64{0, 0, 0}, 0.5, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ConcentrationOf(tt.hours, tt.top)
			if c.TopClients != tt.topClients || !near(c.HoursShare, tt.share) || c.Clients != len(tt.hours) {
				t.Errorf("ConcentrationOf = %+v; want top %d clients with share %v", c, tt.topClients, tt.share)
			}
		})
	}
}
