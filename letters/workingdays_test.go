package letters

import (
	"offboard/calendar"

	"testing"
	"time"
)

// Every expected day below was read off a printed calendar and the
// countries' published holiday lists.

func TestEffectiveDateOnMovesToTheNextWorkingDay(t *testing.T) {
	us, uk := calendar.Calendar{Region: "US"}, calendar.Calendar{Region: "UK"}
	usClosed := calendar.Calendar{Region: "US", Closed: []time.Time{
		day(2026, time.December, 28), day(2026, time.December, 29), day(2026, time.December, 30), day(2026, time.December, 31)}}
	tests := []struct {
		name    string
		cal     calendar.Calendar
		sent    time.Time
		notice  int
		termEnd time.Time
		rule    EndRule
		want    time.Time
	}{
		{"a Sunday", calendar.Calendar{}, day(2026, time.December, 4), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"New Year's Day", us, day(2026, time.December, 2), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"US Christmas Day", us, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2026, time.December, 28)},
		{"UK Christmas and Boxing Day", uk, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2026, time.December, 29)},
		{"the owner's week off, then New Year", usClosed, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"29 February on a Sunday", calendar.Calendar{}, day(2032, time.January, 30), 30, time.Time{}, EndAfterNotice, day(2032, time.March, 1)},
		{"29 February on a Tuesday stays", uk, day(2027, time.December, 31), 60, time.Time{}, EndAfterNotice, day(2028, time.February, 29)},
		{"a term end on a working day stays", us, day(2026, time.October, 1), 30, day(2026, time.December, 31), EndAtTermEnd, day(2026, time.December, 31)},
		{"a term end on the Saturday after Christmas", us, day(2026, time.October, 1), 30, day(2026, time.December, 26), EndAtTermEnd, day(2026, time.December, 28)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EffectiveDateOn(tt.cal, tt.sent, tt.notice, tt.termEnd, tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", FormatDate(got), FormatDate(tt.want))
			}
		})
	}
	if _, err := EffectiveDateOn(us, time.Time{}, 30, time.Time{}, EndAfterNotice); err == nil {
		t.Error("no sent date: want an error")
	}
}

func TestChecklistStepsOnAHolidayCalendar(t *testing.T) {
	type due struct {
		key string
		on  time.Time
	}
	tests := []struct {
		name                       string
		cal                        calendar.Calendar
		sent, effective, retention time.Time
		want                       []due
	}{
		{
			// The transfer (Monday 28 December, the Boxing Day holiday) moves
			// back over the weekend and Christmas Day to Thursday 24; the final
			// invoice waits for the first working day after Friday 1 January.
			name: "UK over Christmas", cal: calendar.Calendar{Region: "UK"},
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
			name: "US over Thanksgiving and New Year", cal: calendar.Calendar{Region: "US"},
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
			steps := ChecklistStepsOn(tt.cal, tt.sent, tt.effective, tt.retention)
			if len(steps) != len(tt.want) {
				t.Fatalf("%d steps, want %d", len(steps), len(tt.want))
			}
			for i, w := range tt.want {
				if steps[i].Key != w.key || !steps[i].Due.Equal(w.on) {
					t.Errorf("step %d: %s due %s, want %s due %s", i+1, steps[i].Key, FormatDate(steps[i].Due), w.key, FormatDate(w.on))
				}
			}
			h := DefaultHandoffOn(tt.cal, tt.sent, tt.effective)
			if !h.ExportDate.Equal(tt.want[3].on) || !h.CredentialsDate.Equal(tt.want[4].on) || !h.TransferDate.Equal(tt.want[5].on) {
				t.Errorf("handoff %s, %s, %s does not match the checklist", FormatDate(h.ExportDate), FormatDate(h.CredentialsDate), FormatDate(h.TransferDate))
			}
		})
	}
}

func TestDeliveredOn(t *testing.T) {
	uk := calendar.Calendar{Region: "UK"}
	tests := []struct {
		d    Delivery
		want time.Time
	}{
		{DeliveryEmail, day(2026, time.December, 24)},
		{DeliveryHand, day(2026, time.December, 24)},
		{DeliveryPost, day(2026, time.December, 31)},
	}
	for _, tt := range tests {
		if got := DeliveredOn(uk, day(2026, time.December, 24), tt.d); !got.Equal(tt.want) {
			t.Errorf("%s: delivered %s, want %s", tt.d, FormatDate(got), FormatDate(tt.want))
		}
	}
}
