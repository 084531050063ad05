package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"offboard/money"
)

// scoredClient is what the test reads of `score --json` to compute the
// what-if's figures itself.
type scoredClient struct {
	Client struct {
		Name   string `json:"name"`
		Status string `json:"status"`
		MRR    int64  `json:"mrr"`
	} `json:"client"`
	Profit struct {
		Months    int     `json:"months"`
		Hours     float64 `json:"hours"`
		BreakEven int64   `json:"break_even_monthly"`
	} `json:"profit"`
}

type whatIfOutcome struct {
	Option string `json:"option"`
	Client struct {
		MRR         int64   `json:"mrr"`
		LabourHours float64 `json:"labour_hours"`
	} `json:"client"`
	Increase  int64 `json:"increase"`
	Portfolio struct {
		MRR         int64   `json:"mrr"`
		LabourHours float64 `json:"labour_hours"`
	} `json:"portfolio"`
	HoursFreed   float64 `json:"hours_freed"`
	PerTechician float64 `json:"hours_freed_per_technician"`
}

type whatIfDoc struct {
	Schema  int `json:"schema"`
	Clients []struct {
		Client struct {
			Name string `json:"name"`
		} `json:"client"`
		Options []whatIfOutcome `json:"options"`
	} `json:"clients"`
	Together *whatIfOutcome `json:"together"`
}

func TestWhatIfOnTheDemo(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	runOK := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, env, args...)
		if code != 0 {
			t.Fatalf("offboard %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
		return out
	}
	runOK("config", "--demo", "set", "business.technicians", "4")
	var score struct {
		Clients []scoredClient `json:"clients"`
	}
	if err := json.Unmarshal([]byte(runOK("score", "--demo", "--json")), &score); err != nil {
		t.Fatal(err)
	}
	byName := map[string]scoredClient{}
	var mrr int64
	var hours float64
	for _, c := range score.Clients {
		byName[c.Client.Name] = c
		if c.Client.Status == "offboarded" {
			continue
		}
		mrr += c.Client.MRR
		if c.Profit.Months > 0 {
			hours += c.Profit.Hours / float64(c.Profit.Months)
		}
	}
	cobalt, kessler := byName["Cobalt Creek Veterinary Hospital"], byName["Kessler Freight & Logistics"]
	monthly := func(c scoredClient) float64 { return c.Profit.Hours / float64(c.Profit.Months) }

	var doc whatIfDoc
	if err := json.Unmarshal([]byte(runOK("whatif", "--demo", "cobalt", "kessler", "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != 1 || len(doc.Clients) != 2 || doc.Clients[0].Client.Name != cobalt.Client.Name || doc.Together == nil {
		t.Fatalf("document: %+v", doc)
	}
	opts := doc.Clients[0].Options
	// Cobalt is unprofitable, so re-pricing asks for the break-even fee.
	if cobalt.Profit.BreakEven <= cobalt.Client.MRR || opts[1].Client.MRR != cobalt.Profit.BreakEven || opts[1].Increase != cobalt.Profit.BreakEven-cobalt.Client.MRR {
		t.Errorf("re-priced at %d (+%d); break-even %d over MRR %d", opts[1].Client.MRR, opts[1].Increase, cobalt.Profit.BreakEven, cobalt.Client.MRR)
	}
	letGo := opts[3]
	if letGo.Option != "let_go" || letGo.Portfolio.MRR != mrr-cobalt.Client.MRR || math.Abs(letGo.HoursFreed-monthly(cobalt)) > 1e-9 ||
		math.Abs(letGo.Portfolio.LabourHours-(hours-monthly(cobalt))) > 1e-6 || math.Abs(letGo.PerTechician-monthly(cobalt)/4) > 1e-9 {
		t.Errorf("letting Cobalt go: %+v; want MRR %d, %.3f hours freed of %.3f", letGo, mrr-cobalt.Client.MRR, monthly(cobalt), hours)
	}
	both := doc.Together
	if both.Portfolio.MRR != mrr-cobalt.Client.MRR-kessler.Client.MRR || math.Abs(both.HoursFreed-monthly(cobalt)-monthly(kessler)) > 1e-9 {
		t.Errorf("letting both go: %+v", both)
	}

	text := runOK("whatif", "--demo", "cobalt", "kessler")
	for _, want := range []string{
		"Cobalt Creek Veterinary Hospital: what if",
		"+" + money.Grouped(cobalt.Profit.BreakEven-cobalt.Client.MRR, ""),
		money.Grouped(mrr-cobalt.Client.MRR, ""),
		"per technician (4)",
		"Letting all 2 go at once",
		"those whose category is user support",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestWhatIfErrors(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"whatif", "--demo"}, 2, "name at least one client"},
		{[]string{"whatif", "--demo", "--recommended", "maybe"}, 2, "want keep, watch, remediate or offboard"},
		{[]string{"whatif", "--demo", "kesslr"}, 1, "did you mean: Kessler Freight & Logistics"},
	} {
		code, _, errs := run(t, env, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("offboard %s: exit %d, stderr %q; want %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.want)
		}
	}
}

// TestWhatIfKesslerShowsEveryFigure checks `whatif --demo kessler` and its
// JSON carry every figure the four options need, the demo's technicians
// included.
func TestWhatIfKesslerShowsEveryFigure(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	code, text, errs := run(t, env, "whatif", "--demo", "kessler")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"KEEP AS IS", "RE-PRICE TO TARGET", "NARROW THE SCOPE", "LET GO",
		"Monthly fee (MRR)", "  increase", "Annual revenue", "Labour hours a month",
		"  left out: out of scope", "  left out: user support", "  both, counted once", "Client margin",
		"Portfolio MRR", "Portfolio margin", "Hours freed a month", "  per technician (8)",
		"After-hours tickets removed", "Concentration after",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "−0.0") || strings.Contains(text, "-0.0 pts") {
		t.Errorf("a change too small to show is written as negative:\n%s", text)
	}

	code, out, errs := run(t, env, "whatif", "--demo", "kessler", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Clients []struct {
			Options []map[string]json.RawMessage `json:"options"`
		} `json:"clients"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Clients) != 1 || len(doc.Clients[0].Options) != 4 {
		t.Fatalf("want one client with four options: %s", out)
	}
	for _, o := range doc.Clients[0].Options {
		for _, field := range []string{"option", "client", "increase", "increase_percent", "portfolio", "mrr_change", "margin_change",
			"hours_freed", "hours_freed_per_technician", "tickets_removed", "after_hours_removed", "after_hours_share"} {
			if _, ok := o[field]; !ok {
				t.Errorf("option %s lacks %q", o["option"], field)
			}
		}
		if _, ok := o["excluded"]; ok != (string(o["option"]) == `"narrow"`) {
			t.Errorf("option %s: excluded work present %v", o["option"], ok)
		}
		var load struct {
			MRR         *int64   `json:"mrr"`
			Annual      *int64   `json:"annual_revenue"`
			Hours       *float64 `json:"labour_hours"`
			Margin      *float64 `json:"margin"`
			AfterHours  *float64 `json:"after_hours_tickets"`
			Concentrate *struct {
				HoursShare *float64 `json:"hours_share"`
			} `json:"concentration"`
		}
		if err := json.Unmarshal(o["portfolio"], &load); err != nil || load.MRR == nil || load.Annual == nil || load.Hours == nil ||
			load.Margin == nil || load.AfterHours == nil || load.Concentrate == nil || load.Concentrate.HoursShare == nil {
			t.Errorf("option %s: portfolio after lacks a figure: %s (%v)", o["option"], o["portfolio"], err)
		}
	}
}
