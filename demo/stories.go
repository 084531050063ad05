package demo

import (
	"math/rand/v2"
	"strings"
	"time"

	"offboard/store"
)

// Story names what a planted client embodies.
type Story string

// The stories of the seed articles, one planted client each, and the
// stories of the remediation and termination workflows.
const (
	StoryAfterHours     Story = "after-hours"     // seed 000, "Mr. Urgent"
	StoryLatePayment    Story = "late-payment"    // seeds 001, 003
	StoryAbuse          Story = "abuse"           // seeds 000, 001, 003
	StorySecurity       Story = "security"        // seed 000
	StoryScopeCreep     Story = "scope-creep"     // seeds 001, 003
	StoryModernization  Story = "modernization"   // seeds 000, 003
	StoryUnprofitable   Story = "unprofitable"    // seeds 000, 002, 004
	StoryResourceDrain  Story = "resource-drain"  // seed 002
	StoryCriminal       Story = "criminal"        // seed 003
	StoryDataCompliance Story = "data-compliance" // seed 001
	// StoryImproved is a client whose remediation plan worked (seed 004):
	// after-hours demand fell after the meeting.
	StoryImproved Story = "remediation-improved"
	// StoryOffboarded is a client let go after a failed plan, every
	// checklist step done, ready for the post-mortem (seed 002).
	StoryOffboarded Story = "offboarded"
	// StoryReengaged is the client of seed 002's comment: let go with 30
	// days' notice, then taken back on a narrower contract.
	StoryReengaged Story = "re-engaged"
)

// Names of the planted clients.
const (
	NameAfterHours     = "Brightline Realty Group"
	NameLatePayment    = "Kessler Freight & Logistics"
	NameAbuse          = "Halvorsen Plastics Inc."
	NameSecurity       = "Pinecrest Insurance Agency"
	NameScopeCreep     = "Delacroix Events & Catering"
	NameModernization  = "Whitmore & Sons Hardware"
	NameUnprofitable   = "Tolliver Engineering Associates"
	NameResourceDrain  = "Cobalt Creek Veterinary Hospital"
	NameCriminal       = "Sterling Vaughn Wealth Partners"
	NameDataCompliance = "Juniper Hill Family Clinic"
	NameImproved       = "Redfern Title & Escrow"
	NameOffboarded     = "Garrison Mechanical Contractors"
	NameReengaged      = "Ashby Lane Counseling Center"
)

// Where the workflow screens find something to show on first run. Three
// seed-story clients carry a workflow state as well as their story.
const (
	// RemediationReviewDue has an agreed plan whose review date has passed,
	// with no improvement in its payments since the meeting.
	RemediationReviewDue = NameLatePayment
	// RemediationImproved has an agreed plan, review upcoming, whose
	// after-hours share fell clearly after the meeting.
	RemediationImproved = NameImproved
	// RemediationRefused refused its plan; it stays in remediation.
	RemediationRefused = NameSecurity
	// InNotice was sent notice 20 days before the last day of history
	// (zero tolerance after abuse of staff); one checklist step is overdue.
	InNotice = NameAbuse
	// Offboarded finished every checklist step.
	Offboarded = NameOffboarded
	// Reengaged came back on a narrower contract.
	Reengaged = NameReengaged
)

// Stories lists every planted story in a fixed order.
var Stories = []Story{StoryAfterHours, StoryLatePayment, StoryAbuse, StorySecurity, StoryScopeCreep,
	StoryModernization, StoryUnprofitable, StoryResourceDrain, StoryCriminal, StoryDataCompliance,
	StoryImproved, StoryOffboarded, StoryReengaged}

// Planted maps each story to the name of the client that embodies it.
var Planted = map[Story]string{
	StoryAfterHours: NameAfterHours, StoryLatePayment: NameLatePayment, StoryAbuse: NameAbuse,
	StorySecurity: NameSecurity, StoryScopeCreep: NameScopeCreep, StoryModernization: NameModernization,
	StoryUnprofitable: NameUnprofitable, StoryResourceDrain: NameResourceDrain, StoryCriminal: NameCriminal,
	StoryDataCompliance: NameDataCompliance, StoryImproved: NameImproved, StoryOffboarded: NameOffboarded,
	StoryReengaged: NameReengaged,
}

// plant describes one planted client: who it is, how its activity differs
// from a healthy client's, and the events of its story.
type plant struct {
	story      Story
	name       string
	contact    string
	domain     string
	zone       string
	city       city
	seats      int
	sinceYears int // years before the last day of history it became a client
	perSeat    int // dollars; 0 for the agreement's usual price
	shape      func(g *gen, p *profile)
	// What happened, as data, and the workflow it went through, as code.
	incidents []incidentSpec
	comms     []commSpec
	workflow  func(g *gen, id int64, p *profile) error
}

// plantedProfile builds a planted client on a healthy base.
func (g *gen) plantedProfile(r *rand.Rand, pl *plant) (profile, error) {
	p := healthyProfile(r)
	loc, err := g.zone(pl.zone)
	if err != nil {
		return p, err
	}
	since := g.asOf.AddDate(-pl.sinceYears, 0, -r.IntN(200))
	first, last := splitName(pl.contact)
	p.c = store.Client{
		Name:         pl.name,
		ContactName:  pl.contact,
		ContactEmail: email(first, last, pl.domain),
		Address:      address(r, pl.city),
		Seats:        pl.seats,
		Currency:     "USD",
		TimeZone:     pl.zone,
		ClientSince:  since,
	}
	g.agreement(r, &p.c, since, pl.perSeat)
	p.loc = loc
	p.from, p.to = later(since, g.start), g.end
	if pl.shape != nil {
		pl.shape(g, &p)
	}
	return p, nil
}

func splitName(s string) (first, last string) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// day is a date daysAgo days before the last day of history.
func (g *gen) day(daysAgo int) time.Time { return g.asOf.AddDate(0, 0, -daysAgo) }

// workdaysAgo moves daysAgo back to the Friday before when it falls on a
// weekend: meetings are held and letters sent on working days.
func (g *gen) workdaysAgo(daysAgo int) int {
	switch g.day(daysAgo).Weekday() {
	case time.Saturday:
		return daysAgo + 1
	case time.Sunday:
		return daysAgo + 2
	}
	return daysAgo
}

// incident records one incident at hour o'clock local time, on the
// weekend day its description names, if it names one.
func (g *gen) incident(id int64, p *profile, daysAgo, hour int, kind string, severity int, by, description string) error {
	for _, wd := range []time.Weekday{time.Saturday, time.Sunday} {
		if strings.Contains(description, wd.String()) {
			daysAgo += (int(g.day(daysAgo).Weekday()) - int(wd) + 7) % 7
		}
	}
	g.incidents++
	_, err := g.tx.ExecContext(g.ctx, `INSERT INTO incidents (client_id, occurred_at, kind, severity, description,
        reported_by) VALUES (?, ?, ?, ?, ?, ?)`, id, store.Timestamp(g.localAt(p, daysAgo, hour)), kind, severity,
		description, by)
	return err
}

var plants = []plant{
	{
		story: StoryAfterHours, name: NameAfterHours, contact: "Richard Vance", domain: "brightlinerealty.com",
		zone: "America/New_York", city: city{"Raleigh", "NC", "276"}, seats: 24, sinceYears: 5,
		shape: func(g *gen, p *profile) {
			p.ticketRate, p.hoursPerTicket = 0.55, 0.9
			p.afterHours, p.urgent, p.urgentAfter = 0.40, 0.04, 0.75
		},
		incidents: []incidentSpec{
			{300, 3, "after_hours", 3, "Marcus Hale", "Called the on-call phone at 3 a.m. on a Sunday about a slow laptop and demanded a technician on site within the hour."},
			{220, 21, "after_hours", 2, "Sara Lindgren", "Sent six emails in twenty minutes on a Saturday night, then phoned the service manager's personal mobile."},
			{150, 6, "after_hours", 2, "Kevin O'Neill", "Called four times before 7 a.m. about a calendar invitation; no outage."},
			{90, 14, "after_hours", 3, serviceManager, "Demanded an immediate callback during a technician's wedding day and escalated to the owner when asked to wait until Monday."},
			{30, 22, "after_hours", 3, "Marcus Hale", "Marked every ticket of the week urgent and called the emergency line late at night because an email had not been answered within five minutes."},
		},
		comms: []commSpec{
			{89, 16, "phone", "inbound", "Complaint: response slower than five minutes",
				"Mr. Vance expects a reply to any email within five minutes, at any hour."},
			{85, 10, "email", "outbound", "After-hours support policy restated",
				"Emergency line only for outages; other after-hours requests are handled next business day."},
		},
	},
	{
		story: StoryLatePayment, name: NameLatePayment, contact: "Gordon Kessler", domain: "kesslerfreight.com",
		zone: "America/Chicago", city: city{"Omaha", "NE", "681"}, seats: 16, sinceYears: 4, perSeat: 128,
		shape: func(g *gen, p *profile) { p.pay = payChronicLate },
		comms: []commSpec{
			{200, 11, "email", "outbound", "Payment reminder: invoice past due",
				"Friendly reminder that the invoice is past its 30-day terms."},
			{140, 11, "email", "outbound", "Second reminder: two invoices past due",
				"Two invoices are now past their terms; asked whether anything is in dispute."},
			{95, 15, "phone", "outbound", "Called the bookkeeper about the overdue balance",
				"Bookkeeper promised payment \"next week\"; cash flow is tight."},
			{62, 11, "email", "outbound", "Overdue balance: request for a meeting",
				"Proposed a meeting to agree payment terms and autopay."},
		},
		workflow: latePaymentWorkflow,
	},
	{
		story: StoryAbuse, name: NameAbuse, contact: "Victor Halvorsen", domain: "halvorsenplastics.com",
		zone: "America/New_York", city: city{"Columbus", "OH", "432"}, seats: 45, sinceYears: 2,
		shape: func(g *gen, p *profile) { p.c.NoticeDays = noticeDays },
		incidents: []incidentSpec{
			{200, 11, "abuse", 2, "Aisha Bello", "The owner shouted at the help-desk technician over a password reset and hung up."},
			{95, 15, "abuse", 3, serviceManager, "Emailed the service manager calling our technicians \"incompetent idiots\", with profanity, copying his whole staff."},
			{28, 10, "abuse", 4, "Luis Ortega", "On site, the owner screamed at and threatened our technician and blocked the door; the technician left shaken and filed a report."},
		},
		comms: []commSpec{
			{27, 9, "other", "internal", "Incident report filed by technician",
				"Technician's written account of the on-site incident; owner informed the same day."},
			{noticeSentDaysAgo - 2, 13, "email", "inbound", "Notice acknowledged",
				"The client acknowledged the notice and named no incoming provider yet."},
		},
		workflow: abuseWorkflow,
	},
	{
		story: StorySecurity, name: NameSecurity, contact: "Donna Reyes", domain: "pinecrestinsure.com",
		zone: "America/Denver", city: city{"Boise", "ID", "837"}, seats: 28, sinceYears: 6,
		shape: func(g *gen, p *profile) {
			p.posture = posture{mfa: [2]float64{20, 40}, patch: [2]float64{60, 70}, eol: [2]float64{0.18, 0.26},
				failing: 0.7, warning: 0.3}
			p.upgrades = []upgrade{
				{title: "Enforce MFA on all Microsoft 365 accounts", estimate: 120000, proposed: g.day(300),
					decided: g.day(290), decision: "declined", note: "Staff find MFA inconvenient"},
				{title: "Replace 7 end-of-life Windows 10 workstations", estimate: 1120000, proposed: g.day(250),
					decided: g.day(236), decision: "declined", note: "No budget this year"},
				{title: "Security awareness training after the email compromise", estimate: 90000, proposed: g.day(145),
					decided: g.day(140), decision: "declined", note: "Staff too busy"},
				{title: "Replace failing backup appliance with cloud backup", estimate: 240000, proposed: g.day(140),
					decided: g.day(120), decision: "declined", note: "Owner says backups have always been fine"},
			}
		},
		incidents: []incidentSpec{
			{150, 9, "security", 4, "Priya Raman", "Business email compromise: the office manager's mailbox, without MFA, sent fraudulent payment instructions to 40 customers."},
			{75, 13, "security", 3, "Tom Becker", "Ransomware blocked on an end-of-life Windows 7 PC used for scanning."},
		},
		workflow: securityWorkflow,
	},
	{
		story: StoryScopeCreep, name: NameScopeCreep, contact: "Simone Delacroix", domain: "delacroixevents.com",
		zone: "America/Los_Angeles", city: city{"Sacramento", "CA", "958"}, seats: 20, sinceYears: 3,
		shape: func(g *gen, p *profile) {
			p.ticketRate, p.oos, p.oosHours, p.oosUnbilled = 0.42, 0.36, 1.8, true
		},
		incidents: []incidentSpec{
			{280, 10, "scope", 2, accountManager, "Asked for a full website redesign under the managed agreement and declined a quote."},
			{150, 16, "scope", 2, "Tom Becker", "Expected same-day setup of family members' personal devices at no charge."},
			{40, 12, "scope", 3, serviceManager, "Asked a technician to spend a Saturday setting up event audio-visual and lighting, unpaid."},
		},
		comms: []commSpec{
			{100, 11, "email", "outbound", "Out-of-scope work needs a quote first",
				"Work outside the agreement's scope is quoted and approved before it starts."},
		},
	},
	{
		story: StoryModernization, name: NameModernization, contact: "Harold Whitmore", domain: "whitmorehardware.com",
		zone: "America/Chicago", city: city{"Springfield", "IL", "627"}, seats: 26, sinceYears: 7,
		shape: func(g *gen, p *profile) {
			p.ticketRate = 0.45
			p.posture = posture{mfa: [2]float64{85, 92}, patch: [2]float64{86, 92}, eol: [2]float64{0.28, 0.36}, warning: 0.3}
			p.upgrades = []upgrade{
				{title: "Replace Windows Server 2012 R2 file server (out of support)", estimate: 980000,
					proposed: g.day(600), decided: g.day(585), decision: "declined", note: "It still works"},
				{title: "Migrate on-premises Exchange 2013 to Microsoft 365", estimate: 640000,
					proposed: g.day(480), decided: g.day(470), decision: "declined", note: "Staff know Outlook as it is"},
				{title: "Replace UPS batteries in the server closet", estimate: 45000,
					proposed: g.day(400), decided: g.day(396), decision: "accepted"},
				{title: "Replace Windows 7 point-of-sale terminals", estimate: 1460000,
					proposed: g.day(330), decided: g.day(301), decision: "declined", note: "Registers still ring up sales"},
				{title: "Replace 2014 firewall that no longer receives firmware", estimate: 380000,
					proposed: g.day(200), decided: g.day(190), decision: "declined", note: "Owner wants to wait until it fails"},
			}
		},
		incidents: []incidentSpec{
			{400, 9, "naivete", 3, "Kevin O'Neill", "The owner disabled antivirus on every PC because it \"slows them down\"."},
			{260, 14, "naivete", 2, "Sara Lindgren", "Bought used consumer laptops online and expected us to join them to the domain."},
			{120, 11, "naivete", 3, serviceManager, "Insisted that all staff keep sharing one administrator password."},
		},
	},
	{
		story: StoryUnprofitable, name: NameUnprofitable, contact: "Martin Tolliver", domain: "tolliverengineering.com",
		zone: "America/New_York", city: city{"Hartford", "CT", "061"}, seats: 40, sinceYears: 10, perSeat: 38,
		shape: func(g *gen, p *profile) {
			p.ticketRate, p.hoursPerTicket, p.proactive = 0.6, 0.9, 0.1
			p.pay = payAutopay
		},
		comms: []commSpec{
			{160, 10, "email", "outbound", "Proposal: move to the current agreement and pricing",
				"Proposed moving from the 2014 agreement to the current one at today's per-seat price."},
			{150, 15, "email", "inbound", "Price adjustment declined",
				"The client wishes to stay on the existing agreement and price."},
		},
	},
	{
		story: StoryResourceDrain, name: NameResourceDrain, contact: "Elena Marsh", domain: "cobaltcreekvet.com",
		zone: "America/Denver", city: city{"Boulder", "CO", "803"}, seats: 14, sinceYears: 3,
		shape: func(g *gen, p *profile) {
			p.ticketRate, p.hoursPerTicket, p.proactive = 2.1, 1.05, 0.15
		},
		comms: []commSpec{
			{70, 10, "meeting", "outbound", "Quarterly business review: ticket volume",
				"Ticket volume per seat is several times our portfolio's norm; discussed root causes."},
		},
	},
	{
		story: StoryCriminal, name: NameCriminal, contact: "Preston Vaughn", domain: "sterlingvaughn.com",
		zone: "America/New_York", city: city{"Tampa", "FL", "336"}, seats: 19, sinceYears: 4,
		incidents: []incidentSpec{
			{120, 11, "criminal", 4, "Priya Raman", "Asked us to install cracked copies of Adobe Acrobat Pro on five workstations to avoid licence fees; refused."},
			{34, 16, "criminal", 5, "Marcus Hale", "The managing partner asked our technician to reset a dismissed employee's mailbox password and forward her private mail to him, without legal hold or HR authorisation; refused and escalated to our owner."},
		},
		comms: []commSpec{
			{33, 9, "other", "internal", "Unauthorised mailbox access request escalated",
				"Request refused in writing; owner informed; legal advice sought."},
		},
	},
	{
		story: StoryDataCompliance, name: NameDataCompliance, contact: "Carol Jensen", domain: "juniperhillclinic.com",
		zone: "America/Chicago", city: city{"Madison", "WI", "537"}, seats: 22, sinceYears: 5,
		incidents: []incidentSpec{
			{210, 10, "data_compliance", 4, "Aisha Bello", "The practice manager insisted on syncing patient records to her personal Dropbox to work from home and refused the clinic's encrypted SharePoint."},
			{130, 14, "data_compliance", 3, serviceManager, "Refused to adopt a records retention and disposal policy; asked us to keep every backup forever."},
			{45, 9, "data_compliance", 4, "Luis Ortega", "Patient intake forms with social security numbers were emailed unencrypted to a personal Gmail account."},
		},
		comms: []commSpec{
			{125, 11, "email", "outbound", "HIPAA storage guidance and retention policy sent",
				"Sent guidance on where patient records may be stored and a draft retention policy."},
		},
	},
	{
		story: StoryImproved, name: NameImproved, contact: "Nathan Redfern", domain: "redferntitle.com",
		zone: "America/Los_Angeles", city: city{"Tacoma", "WA", "984"}, seats: 42, sinceYears: 4,
		shape: func(g *gen, p *profile) {
			p.ticketRate = 0.5
			p.afterHours, p.urgent, p.urgentAfter = 0.34, 0.1, 0.7
			p.change = g.day(g.workdaysAgo(improvedMeetingDaysAgo))
			p.changedAfterHours, p.changedUrgent = 0.04, 0.2
		},
		incidents: []incidentSpec{
			{240, 23, "after_hours", 2, "Marcus Hale", "Called the emergency line near midnight to ask for a password reset."},
			{170, 6, "after_hours", 2, "Kevin O'Neill", "Three calls before 7 a.m. about a printer that was out of toner."},
			{135, 20, "after_hours", 3, serviceManager, "Demanded a technician on site on a Sunday evening for a closing that could have waited."},
		},
		workflow: improvedWorkflow,
	},
	{
		story: StoryOffboarded, name: NameOffboarded, contact: "Wade Garrison", domain: "garrisonmechanical.com",
		zone: "America/Chicago", city: city{"Tulsa", "OK", "741"}, seats: 34, sinceYears: 5,
		shape: func(g *gen, p *profile) {
			p.c.NoticeDays = offboardedNoticeDays
			p.to = g.day(g.workdaysAgo(offboardedSentDaysAgo) - offboardedNoticeDays)
			p.pay = paySlow
			p.afterHours, p.urgentAfter = 0.18, 0.5
			p.upgrades = []upgrade{
				{title: "Replace end-of-life Windows 10 workstations", estimate: 1360000, proposed: g.day(400),
					decided: g.day(380), decision: "declined", note: "Too expensive"},
				{title: "Enforce MFA on all Microsoft 365 accounts", estimate: 140000, proposed: g.day(320),
					decided: g.day(300), decision: "declined", note: "Field crews share accounts"},
			}
		},
		incidents: []incidentSpec{
			{330, 22, "after_hours", 2, "Marcus Hale", "Called the on-call line late at night about a shared-drive permission."},
			{260, 15, "abuse", 2, "Tom Becker", "The operations manager swore at a technician on the phone over a slow laptop."},
			{210, 8, "declined_upgrade", 2, accountManager, "Refused the workstation replacement plan for the third time."},
		},
		workflow: offboardedWorkflow,
	},
	{
		story: StoryReengaged, name: NameReengaged, contact: "Lorraine Ashby", domain: "ashbylanecounseling.com",
		zone: "America/New_York", city: city{"Albany", "NY", "122"}, seats: 8, sinceYears: 4,
		shape: func(g *gen, p *profile) {
			prior := p.c
			prior.NoticeDays = reengagedNoticeDays
			p.prior = &prior
			p.mrrBeforeGap = p.c.MRRMinor
			p.c.AgreementName = "Systems Support Agreement v1 (functionality only)"
			p.c.AgreementSigned = g.day(reengagedDaysAgo)
			p.c.TermEnd = p.c.AgreementSigned.AddDate(1, 0, 0)
			p.c.TerminationClause = "§8.2"
			p.c.NoticeDays = 30
			p.c.MRRMinor = int64(p.c.Seats) * 9500
			p.gapFrom, p.gapTo = g.day(g.workdaysAgo(reengagedSentDaysAgo)-reengagedNoticeDays), g.day(reengagedDaysAgo)
			p.rateAfterGap = 0.5
		},
		incidents: []incidentSpec{
			{345, 9, "naivete", 2, "Sara Lindgren", "Staff training on the new terminal server: one of eight staff attended, the owner."},
			{343, 10, "naivete", 3, accountManager, "Two days after training the owner called to say staff cannot remember how anything works and told them the solution was too complex."},
		},
		comms: []commSpec{
			{reengagedDaysAgo + 5, 12, "meeting", "inbound", "Lunch with the owner",
				"The owner apologised and asked to come back."},
		},
		workflow: reengagedWorkflow,
	},
}
