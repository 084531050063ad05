package letters

import (
	"offboard/calendar"

	"strings"
	"testing"
	"time"
)

func TestChecklistSteps(t *testing.T) {
	type due struct {
		key string
		on  time.Time
	}
	tests := []struct {
		name                       string
		cal                        *calendar.Calendar // nil: ChecklistSteps, else ChecklistStepsOn
		sent, effective, retention time.Time
		want                       []due
	}{
		{
			name: "30 days' notice", sent: day(2026, time.December, 1), effective: day(2026, time.December, 31), retention: day(2027, time.March, 1),
			want: []due{
				{StepConfirmNotice, day(2026, time.December, 1)},
				{StepHandoverScope, day(2026, time.December, 8)},
				{StepRetention, day(2026, time.December, 8)},
				{StepFinalInvoice, day(2026, time.December, 17)},
				{StepExportData, day(2026, time.December, 21)},
				{StepCredentials, day(2026, time.December, 24)},
				{StepLicences, day(2026, time.December, 28)},
				{StepRemoveAgents, day(2026, time.December, 31)},
				{StepRevokeAccess, day(2026, time.December, 31)},
				{StepDisposeData, day(2027, time.March, 1)},
				{StepArchiveRecords, day(2027, time.March, 1)},
			},
		},
		{
			// 8 days, from Friday 25 February: the invoice (Saturday 19) and
			// the export (Wednesday 23) would fall before the notice is sent,
			// so they move to the day it is sent; the credentials (Saturday
			// 26) move back to Friday 25; the scope (sent + 7, Friday 3 March)
			// now comes after them.
			name: "8 days' notice across 29 February", sent: day(2028, time.February, 25), effective: day(2028, time.March, 4), retention: day(2028, time.April, 3),
			want: []due{
				{StepConfirmNotice, day(2028, time.February, 25)},
				{StepFinalInvoice, day(2028, time.February, 25)},
				{StepExportData, day(2028, time.February, 25)},
				{StepCredentials, day(2028, time.February, 25)},
				{StepLicences, day(2028, time.March, 1)},
				{StepHandoverScope, day(2028, time.March, 3)},
				{StepRetention, day(2028, time.March, 3)},
				{StepRemoveAgents, day(2028, time.March, 4)},
				{StepRevokeAccess, day(2028, time.March, 4)},
				{StepDisposeData, day(2028, time.April, 3)},
				{StepArchiveRecords, day(2028, time.April, 3)},
			},
		},
		{
			// The transfer (Monday 28 December, the Boxing Day holiday) moves
			// back over the weekend and Christmas Day to Thursday 24; the final
			// invoice waits for the first working day after Friday 1 January.
			name: "UK over Christmas", cal: &calendar.Calendar{Region: "UK"},
			sent: day(2026, time.December, 1), effective: day(2026, time.December, 31), retention: day(2027, time.March, 1),
			want: []due{
				{StepConfirmNotice, day(2026, time.December, 1)},
				{StepHandoverScope, day(2026, time.December, 8)},
				{StepRetention, day(2026, time.December, 8)},
				{StepExportData, day(2026, time.December, 21)},
				{StepCredentials, day(2026, time.December, 24)},
				{StepLicences, day(2026, time.December, 24)},
				{StepRemoveAgents, day(2026, time.December, 31)},
				{StepRevokeAccess, day(2026, time.December, 31)},
				{StepFinalInvoice, day(2027, time.January, 4)},
				{StepDisposeData, day(2027, time.March, 1)},
				{StepArchiveRecords, day(2027, time.March, 1)},
			},
		},
		{
			// Credentials fall on Thanksgiving and move to the Wednesday; the
			// retention deadline is New Year's Day 2028, a Saturday, so disposal
			// waits for Monday 3 January.
			name: "US over Thanksgiving and New Year", cal: &calendar.Calendar{Region: "US"},
			sent: day(2027, time.November, 2), effective: day(2027, time.December, 2), retention: day(2028, time.January, 1),
			want: []due{
				{StepConfirmNotice, day(2027, time.November, 2)},
				{StepHandoverScope, day(2027, time.November, 9)},
				{StepRetention, day(2027, time.November, 9)},
				{StepExportData, day(2027, time.November, 22)},
				{StepCredentials, day(2027, time.November, 24)},
				{StepLicences, day(2027, time.November, 29)},
				{StepRemoveAgents, day(2027, time.December, 2)},
				{StepRevokeAccess, day(2027, time.December, 2)},
				{StepFinalInvoice, day(2027, time.December, 3)},
				{StepDisposeData, day(2028, time.January, 3)},
				{StepArchiveRecords, day(2028, time.January, 3)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := ChecklistSteps(tt.sent, tt.effective, tt.retention)
			handoff := DefaultHandoff(tt.sent, tt.effective)
			if tt.cal != nil {
				steps = ChecklistStepsOn(*tt.cal, tt.sent, tt.effective, tt.retention)
				handoff = DefaultHandoffOn(*tt.cal, tt.sent, tt.effective)
			}
			byKey := map[string]time.Time{}
			for _, s := range steps {
				byKey[s.Key] = s.Due
			}
			if !handoff.ExportDate.Equal(byKey[StepExportData]) || !handoff.CredentialsDate.Equal(byKey[StepCredentials]) || !handoff.TransferDate.Equal(byKey[StepLicences]) {
				t.Errorf("handoff %s, %s, %s does not match the checklist", FormatDate(handoff.ExportDate), FormatDate(handoff.CredentialsDate), FormatDate(handoff.TransferDate))
			}
			if len(steps) != len(tt.want) {
				t.Fatalf("%d steps, want %d", len(steps), len(tt.want))
			}
			for i, s := range steps {
				if s.Key != tt.want[i].key || !s.Due.Equal(tt.want[i].on) {
					t.Errorf("step %d = %s due %s, want %s due %s", i+1, s.Key, FormatDate(s.Due), tt.want[i].key, FormatDate(tt.want[i].on))
				}
				if s.Title == "" || s.Why == "" {
					t.Errorf("step %s has no title or reason", s.Key)
				}
				// The source of a step is a comment in the code, not
				// part of the reason given to whoever does it.
				if strings.Contains(s.Title+s.Why, "seed 0") {
					t.Errorf("step %s cites a seed article: %s %s", s.Key, s.Title, s.Why)
				}
			}
		})
	}
}

func TestDefaultHandoffValidates(t *testing.T) {
	in := harborlineTermination()
	in.Handoff = DefaultHandoff(in.Sent, in.Effective)
	if err := in.Validate(); err != nil {
		t.Errorf("default handoff dates do not validate: %v", err)
	}
}

func TestReceiptWithOpenStepsAndNoExceptions(t *testing.T) {
	in := harborlineReceipt()
	for i := range in.Steps {
		in.Steps[i].Exception = ""
	}
	in.Steps[9].Done, in.Steps[9].By, in.Steps[9].On = false, "", time.Time{}
	in.Steps[10].Done, in.Steps[10].By, in.Steps[10].On = false, "", time.Time{}
	md, err := newRenderer(t).ChecklistReceipt(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "receipt", md,
		"**9 of 11 steps signed off.**",
		"| 10 | Securely dispose of retained data; certificate of destruction on request | Monday, 1 March 2027 | Open |  |",
		"None so far: every step signed off was completed as standard.",
		"## Still open\n\n- Securely dispose of retained data; certificate of destruction on request, due Monday, 1 March 2027\n- Archive the client's record, due Monday, 1 March 2027\n",
	)
}

// A receipt issued before the effective date speaks of the end to come,
// not of an end that has not happened.
func TestReceiptDuringTheNoticePeriod(t *testing.T) {
	in := harborlineReceipt()
	in.Prepared = in.Effective.AddDate(0, 0, -10)
	md, err := newRenderer(t).ChecklistReceipt(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "receipt", md, "and the agreement ends at the close of business on "+FormatDate(in.Effective)+".")
	in.Prepared = in.Effective
	md, _ = newRenderer(t).ChecklistReceipt(in)
	assertContains(t, "receipt", md, "and the agreement ends at the close of business on ")
	in.Prepared = in.Effective.AddDate(0, 0, 1)
	md, _ = newRenderer(t).ChecklistReceipt(in)
	assertContains(t, "receipt", md, "and the agreement ended at the close of business on ")
}

func TestReceiptErrors(t *testing.T) {
	r := newRenderer(t)
	in := harborlineReceipt()
	in.Steps[2].On = time.Time{}
	if _, err := r.ChecklistReceipt(in); err == nil || !strings.Contains(err.Error(), `step 3 "Agree backup retention and the destruction date" is signed off without a date`) {
		t.Errorf("error = %v", err)
	}
	in.Steps = nil
	if _, err := r.ChecklistReceipt(in); err == nil || !strings.Contains(err.Error(), "no checklist steps") {
		t.Errorf("error = %v", err)
	}
}

func TestDefaultHandoffSkipsWeekends(t *testing.T) {
	// Effective Wednesday 30 June 2027: ten days before is Sunday 20 June,
	// so Friday 18; seven before is Wednesday 23; three before is Sunday
	// 27, so Friday 25.
	got := DefaultHandoff(day(2027, time.April, 20), day(2027, time.June, 30))
	want := Handoff{ExportDate: day(2027, time.June, 18), CredentialsDate: day(2027, time.June, 23), TransferDate: day(2027, time.June, 25)}
	if got != want {
		t.Errorf("DefaultHandoff = %s, %s, %s; want %s, %s, %s",
			FormatDate(got.ExportDate), FormatDate(got.CredentialsDate), FormatDate(got.TransferDate),
			FormatDate(want.ExportDate), FormatDate(want.CredentialsDate), FormatDate(want.TransferDate))
	}
}

// Only a step done by a named person on a date counts as signed off; the
// receipt names what was settled and certified, and the client countersigns.
func TestReceiptCountsOnlySignedSteps(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ReceiptInput)
		want   []string
	}{
		{"all signed", func(*ReceiptInput) {}, []string{"**11 of 11 steps signed off.**"}},
		{"done without a name", func(in *ReceiptInput) { in.Steps[4].By = " " }, []string{
			"**10 of 11 steps signed off.**",
			"| 5 | Export and hand over data, documentation, password vaults and backup encryption keys | Monday, 21 December 2026 | Done, not signed off |  |",
			"## Still open\n\n- Export and hand over data, documentation, password vaults and backup encryption keys, due Monday, 21 December 2026\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := harborlineReceipt()
			tt.change(&in)
			md, err := newRenderer(t).ChecklistReceipt(in)
			if err != nil {
				t.Fatal(err)
			}
			assertContains(t, "receipt", md, tt.want...)
		})
	}
	md, err := newRenderer(t).ChecklistReceipt(harborlineReceipt())
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "receipt", md,
		"| Final invoice 3107 | USD 6,145.00 | Wednesday, 30 December 2026 |",
		"- Certificate of destruction of personal data, issued Monday, 1 March 2027 (SHA-256 9f2c4e1b",
		"| Name | Alex Moreno | Dana Whitfield |\n| Title | Managing Director | Chief Financial Officer |\n| Signature | | |")
}

func TestUnderLegalHold(t *testing.T) {
	steps := ChecklistStepsOn(calendar.Calendar{Region: "US"}, day(2026, time.November, 16), day(2026, time.November, 27), day(2027, time.February, 26))
	held := UnderLegalHold(steps)
	if len(held) != len(steps) {
		t.Fatalf("%d steps under hold, want %d", len(held), len(steps))
	}
	for i, s := range held {
		switch {
		case s.Key == StepDisposeData:
			if !strings.HasPrefix(s.Title, "Review the legal hold") || !s.Due.Equal(day(2027, time.February, 26)) {
				t.Errorf("disposal under hold: %q due %s", s.Title, FormatDate(s.Due))
			}
			if steps[i].Title == s.Title {
				t.Error("UnderLegalHold changed the steps it was given")
			}
		case s != steps[i]:
			t.Errorf("step %s changed under hold", s.Key)
		}
	}
}
