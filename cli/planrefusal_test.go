package cli

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/store"
)

// plantDraft writes a client whose walkthrough is in progress with form as
// typed, and returns the database's path.
func plantDraft(t *testing.T, form casefile.PlanForm) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "o.db")
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return time.Date(2026, 11, 18, 16, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var id int64
	err = st.Tx(ctx, func(tx *sql.Tx) error {
		id, err = store.InsertClient(ctx, tx, store.Client{Name: "Harbor Dental Group", ContactName: "Dr. Lena Ortiz",
			Seats: 24, Currency: "USD"}, st.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := (&casefile.Desk{Store: st, Now: st.Now}).StartPlan(ctx, id, form); err != nil {
		t.Fatal(err)
	}
	return path
}

// A plan is exported only when complete; otherwise the export says, on
// one line and then where to read more, which part of which item is
// missing, and writes nothing.
func TestPlanExportRefusesAnIncompletePlan(t *testing.T) {
	const action = `action 1 "Set up autopay"`
	cases := []struct {
		name string
		edit func(f *casefile.PlanForm)
		want string
	}{
		{"owner", func(f *casefile.PlanForm) { f.Actions[0].Person = "" }, action + ": owner missing"},
		{"due date", func(f *casefile.PlanForm) { f.Actions[0].Due = "" }, action + ": due date missing"},
		{"due date typed wrongly", func(f *casefile.PlanForm) { f.Actions[0].Due = "next friday" }, action + ": due date missing"},
		{"target", func(f *casefile.PlanForm) { f.Actions[0].Target = " " }, action + ": target missing"},
		{"measurable goal", func(f *casefile.PlanForm) { f.Topics[0].FlagID, f.Topics[0].Goal = "", "Pay sooner" },
			`goal 1 "Invoice payment times": measurable target missing`},
		{"our commitments", func(f *casefile.PlanForm) { f.Topics[0].WeChange = "" }, "our side: commitments missing"},
		{"meeting date", func(f *casefile.PlanForm) { f.Prepare.MeetingDate = "" }, "the plan: meeting date missing"},
		// Complete, but our own company and the agreement were never entered.
		{"our signatory", func(*casefile.PlanForm) {}, "the plan: company name, agreement name, date, termination clause, our signatory, our signatory's title missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := casefile.NewPlanForm()
			f.Prepare.MeetingDate = "2026-11-17 10:00"
			f.Topics = []casefile.TopicForm{{FlagID: "late_payment", Title: "Invoice payment times",
				Goal: "Every invoice paid within 30 days of issue", WeChange: "Send invoices to accounts@"}}
			f.Actions = []casefile.ActionForm{{Owner: "client", Person: "Tom Reed", What: "Set up autopay", Due: "2026-12-01",
				Target: "Autopay active on the account"}}
			c.edit(&f)
			db := plantDraft(t, f)
			out := filepath.Join(t.TempDir(), "plan.md")
			code, stdout, errs := run(t, nil, "plan", "export", "harbor", "--db", db, "-o", out)
			want := `offboard: the plan for "Harbor Dental Group" is not ready to send: ` + c.want + "\nsee 'offboard help plan'\n"
			if code != 1 || errs != want || stdout != "" {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a refused plan was written (%v)", err)
			}
		})
	}
}
