package scoring

import (
	"math"
	"slices"
	"strconv"
)

// madScale turns a median absolute deviation into an estimate of the
// standard deviation of normally distributed data.
const madScale = 1.4826

// meanADScale does the same for the mean absolute deviation around the
// median, the usual stand-in when more than half the values are equal and
// the MAD is zero.
const meanADScale = 1.2533

// minRangeClients is the fewest clients a normal range is drawn from; with
// fewer, no client is judged against it.
const minRangeClients = 3

// Range is a portfolio's normal range for one metric, as a blood test
// reports one (seed 002): Center ± K × Spread.
type Range struct {
	Low    float64     `json:"low"`
	High   float64     `json:"high"`
	Center float64     `json:"center"` // mean or median
	Spread float64     `json:"spread"` // standard deviation, or its robust estimate
	N      int         `json:"n"`      // clients the range was drawn from
	Method StatsMethod `json:"method"`
	K      float64     `json:"k"` // half-width in spreads
	// MeanADFallback is set when the robust method found a MAD of zero and
	// used the scaled mean absolute deviation instead.
	MeanADFallback bool `json:"mean_ad_fallback,omitempty"`
}

// OK reports whether the range rests on enough clients to judge by.
func (r Range) OK() bool { return r.N >= minRangeClients }

// Z is how many spreads x lies from the centre; 0 when the range cannot
// judge (too few clients or no spread at all).
func (r Range) Z(x float64) float64 {
	if !r.OK() || r.Spread == 0 || math.IsNaN(x) {
		return 0
	}
	return (x - r.Center) / r.Spread
}

// Marker is "H" above the range, "L" below it and "" inside it or when the
// range cannot judge.
func (r Range) Marker(x float64) string {
	switch {
	case !r.OK() || r.Spread == 0 || math.IsNaN(x):
		return ""
	case x > r.High:
		return "H"
	case x < r.Low:
		return "L"
	}
	return ""
}

// Describe names the method in words for the lab panel.
func (r Range) Describe() string {
	k := strconv.FormatFloat(r.K, 'g', -1, 64)
	switch {
	case r.Method == MethodRobust && r.MeanADFallback:
		return "median ± " + k + " × 1.2533 × mean absolute deviation, as the MAD is zero"
	case r.Method == MethodRobust:
		return "median ± " + k + " × 1.4826 × MAD"
	}
	return "mean ± " + k + " standard deviations"
}

// NormalRange computes the range of xs by method with half-width k spreads.
// The standard deviation is the sample one (n − 1). NaN values are ignored.
func NormalRange(xs []float64, method StatsMethod, k float64) Range {
	vals := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			vals = append(vals, x)
		}
	}
	r := Range{N: len(vals), Method: method, K: k}
	if len(vals) == 0 {
		return r
	}
	if method == MethodRobust {
		r.Center = Median(vals)
		r.Spread = madScale * MAD(vals)
		if r.Spread == 0 {
			r.Spread = meanADScale * meanAbsDev(vals, r.Center)
			r.MeanADFallback = true
		}
	} else {
		r.Center, r.Spread = MeanSD(vals)
	}
	// Equal values can leave a spread of rounding noise, which would turn
	// the last digit of a float into a z-score.
	if r.Spread <= 1e-9*math.Max(1, math.Abs(r.Center)) {
		r.Spread = 0
	}
	r.Low, r.High = r.Center-k*r.Spread, r.Center+k*r.Spread
	return r
}

// MeanSD returns the mean and the sample standard deviation of xs; the
// deviation is 0 for fewer than two values.
func MeanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

// Median returns the middle value of xs, or the mean of the two middle
// values when their number is even; xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// MAD returns the median absolute deviation of xs from their median.
func MAD(xs []float64) float64 {
	m := Median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - m)
	}
	return Median(dev)
}

func meanAbsDev(xs []float64, center float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += math.Abs(x - center)
	}
	return sum / float64(len(xs))
}

// Concentration is how much of the portfolio's work its heaviest clients
// take (seed 000: "a small percentage of clients consume the majority of
// your resources").
type Concentration struct {
	TopShare   float64 `json:"top_share"`   // share of clients counted as the top, such as 0.10
	TopClients int     `json:"top_clients"` // how many clients that is
	Clients    int     `json:"clients"`
	HoursShare float64 `json:"hours_share"` // their share of all hours, 0–1
	TopHours   float64 `json:"top_hours"`
	TotalHours float64 `json:"total_hours"`
}

// ConcentrationOf computes the share of all hours used by the top share of
// clients (at least one client) ranked by hours.
func ConcentrationOf(hours []float64, top float64) Concentration {
	c := Concentration{TopShare: top, Clients: len(hours)}
	if len(hours) == 0 {
		return c
	}
	s := slices.Clone(hours)
	slices.SortFunc(s, func(a, b float64) int { return compareFloat(b, a) })
	c.TopClients = max(1, int(math.Ceil(top*float64(len(s))-1e-9)))
	for i, h := range s {
		c.TotalHours += h
		if i < c.TopClients {
			c.TopHours += h
		}
	}
	if c.TotalHours > 0 {
		c.HoursShare = c.TopHours / c.TotalHours
	}
	return c
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
