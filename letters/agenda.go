package letters

import (
	"fmt"
	"time"
)

// AgendaTopic is one subject for the remediation meeting, drawn from a red
// flag, with the numbers behind it.
type AgendaTopic struct {
	// Title names the topic in neutral words, for example "Invoice
	// payment times".
	Title string
	// Summary is the evidence in one sentence, as the owner worded it;
	// optional.
	Summary string
	// Evidence are the numbers behind it, each with its normal range.
	Evidence []Measure
	// Question is what we would like to understand or agree; optional.
	Question string
}

// AgendaInput is the remediation meeting as prepared. Seed 004: "Set a
// meeting to discuss the challenges and see if there is a way to resolve the
// issues", and include everyone who contributes to the issues.
type AgendaInput struct {
	// Our is our company.
	Our Company
	// Client is the client we meet.
	Client Client
	// Meeting is the day and, when its clock is not midnight, the time.
	Meeting time.Time
	// Place is where the meeting happens, or the video-call link.
	Place string
	// OurAttendees are the people from our side.
	OurAttendees []Person
	// ClientAttendees are the people from the client's side.
	ClientAttendees []Person
	// Contributors are people on our side who contribute to the issues at
	// hand and are asked for their input, whether or not they attend.
	Contributors []Person
	// Topics are the subjects, in order.
	Topics []AgendaTopic
	// PlanBy is the day we will send the written plan; optional.
	PlanBy time.Time
	// TimeZone is the client's time zone: the meeting's time is given in
	// it, and the agenda names it. Nil gives the time as recorded, with no
	// zone named.
	TimeZone *time.Location
}

// When is the meeting's time in the client's time zone; a meeting with no
// time is kept on its day.
func (in AgendaInput) When() time.Time {
	if in.TimeZone == nil || !in.timed() {
		return in.Meeting
	}
	return in.Meeting.In(in.TimeZone)
}

// Zone names the client's time zone when the meeting has a time, escaped,
// for example "America/Los\_Angeles"; "" otherwise.
func (in AgendaInput) Zone() string {
	if in.TimeZone == nil || !in.timed() {
		return ""
	}
	return EscapeInline(in.TimeZone.String())
}

func (in AgendaInput) timed() bool { return in.Meeting.Hour() != 0 || in.Meeting.Minute() != 0 }

// Agenda renders the remediation meeting agenda.
func (r *Renderer) Agenda(in AgendaInput) (string, error) {
	if in.Meeting.IsZero() {
		return "", fmt.Errorf("meeting agenda for %s: the meeting date is not set", displayName(in.Client.Name))
	}
	if len(in.Topics) == 0 {
		return "", fmt.Errorf("meeting agenda for %s: no topics", displayName(in.Client.Name))
	}
	return r.render(KindAgenda, in)
}
