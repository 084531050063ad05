package letters

import (
	"offboard/calendar"
	"offboard/money"

	"time"
	_ "time/tzdata" // the fixtures name their clients' time zones on any machine
)

// The planted clients of the golden tests. Harborline Freight Logistics is
// a chronic late payer let go after a failed plan (seeds 001 and 003);
// Kessler Dental Group is seed 000's "Mr. Urgent", calling after hours, in
// remediation.

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var bluewater = Company{
	Name:        "Bluewater Managed IT, LLC",
	Address:     "418 Commerce Street, Suite 200\nTacoma, WA 98402",
	Signer:      "Alex Moreno",
	SignerTitle: "Managing Director",
	Email:       "office@bluewater-it.example",
	Phone:       "(253) 555-0147",
}

var harborline = Client{
	Name:         "Harborline Freight Logistics, Inc.",
	ContactName:  "Dana Whitfield",
	ContactEmail: "dana.whitfield@harborline.example",
	ContactTitle: "Chief Financial Officer",
	Address:      "2200 Port of Tacoma Road\nTacoma, WA 98421",
}

var harborlineMSA = Agreement{
	Name:              "Managed Services Agreement",
	Signed:            day(2022, time.March, 14),
	TerminationClause: "clause 14.2",
	NoticeDays:        30,
}

// harborlineTermination is notice sent on Tuesday 1 December 2026 with the
// agreement's 30 days: the agreement ends on Thursday 31 December 2026.
func harborlineTermination() TerminationInput {
	sent, effective := day(2026, time.December, 1), day(2026, time.December, 31)
	return TerminationInput{
		Our:        bluewater,
		Client:     harborline,
		Agreement:  harborlineMSA,
		Sent:       sent,
		Delivery:   DeliveryEmail,
		NoticeDays: 30,
		Effective:  effective,
		Balance:    money.Money{Minor: 1843250, Currency: "USD"},
		// Fourteen days before the effective date, as the checklist schedules it.
		FinalInvoice: day(2026, time.December, 17),
		Contact: Person{
			Name:  "Priya Shah",
			Role:  "Service Delivery Manager",
			Email: "priya.shah@bluewater-it.example",
			Phone: "(253) 555-0162",
		},
		Transition:        Transition{Hours: 10, Rate: money.Money{Minor: 16500, Currency: "USD"}},
		RetentionDeadline: day(2027, time.March, 1),
		Handoff: Handoff{
			ExportDate:      day(2026, time.December, 21),
			ExportWhat:      "your Microsoft 365 mailboxes and SharePoint sites, the file server shares and the most recent full backup of each server",
			ExportFormat:    "PST files for mailboxes, the original folder structure for files, and VHDX images for server backups",
			ExportDelivery:  "an encrypted download link, with the decryption key given to you by phone",
			CredentialsDate: day(2026, time.December, 24),
			TransferDate:    day(2026, time.December, 28),
		},
		AnnualLicences: []AnnualLicence{
			{Product: "Microsoft 365 Business Premium", Quantity: 42, TermEnds: day(2027, time.April, 30)},
			{Product: "Endpoint backup, server edition", Quantity: 3, TermEnds: day(2027, time.February, 28)},
		},
		LicenceNote:     "We will transfer them to your tenant or your new provider on the date above; the remaining months of each commitment transfer with the licence.",
		Acknowledgement: true,
	}
}

func harborlineReceipt() ReceiptInput {
	in := harborlineTermination()
	steps := ChecklistSteps(in.Sent, in.Effective, in.RetentionDeadline)
	signOffs := make([]SignOff, len(steps))
	for i, s := range steps {
		signOffs[i] = SignOff{Title: s.Title, Due: s.Due, Done: true, By: "Priya Shah", On: s.Due}
	}
	signOffs[3].On = day(2026, time.December, 30)
	signOffs[3].Exception = "Final invoice raised on the due date and settled on 30 December 2026, after the due date."
	signOffs[6].By = "Marcus Lee"
	signOffs[6].Exception = "Three domains are registered to the client directly; only DNS hosting was transferred."
	return ReceiptInput{
		Our:        bluewater,
		Client:     harborline,
		Agreement:  harborlineMSA,
		Sent:       in.Sent,
		Effective:  in.Effective,
		Prepared:   day(2027, time.March, 2),
		PreparedBy: "Priya Shah",
		Steps:      signOffs,
		Settled: []Settlement{
			{What: "Invoices 3011, 3046 and 3072, open at notice", Amount: usd(1843250), On: day(2026, time.December, 22)},
			{What: "Final invoice 3107", Amount: usd(614500), On: day(2026, time.December, 30)},
		},
		Certificates: []IssuedCertificate{
			{Title: "Certificate of destruction of personal data", Issued: day(2027, time.March, 1),
				SHA256: "9f2c4e1b7a5d3c8e6f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f"},
		},
	}
}

func harborlinePostMortem() PostMortemInput {
	return PostMortemInput{
		Our:        bluewater,
		Client:     harborline,
		Prepared:   day(2027, time.January, 8),
		Author:     "Alex Moreno",
		NoticeSent: day(2026, time.December, 1),
		Effective:  day(2026, time.December, 31),
		Flags: []FlagHistory{
			{Flag: "Scope creep", FirstSeen: day(2025, time.November, 3), Evidence: "12 out-of-scope requests in one month, none quoted",
				ActionTaken: day(2026, time.May, 20), Action: "Out-of-scope work quoted before it starts"},
			{Flag: "Late payment", FirstSeen: day(2025, time.September, 15), Evidence: "Invoice 2291 paid 47 days after its due date",
				ActionTaken: day(2026, time.February, 10), Action: "Payment-terms call with the finance team"},
			{Flag: "Unprofitable", FirstSeen: day(2026, time.March, 31), Evidence: "Margin -8% over the first quarter (normal 22% to 35%)"},
		},
		Changes: []string{
			"Raise any invoice 30 days overdue at the next monthly review, not the next quarterly one.",
			"Quote out-of-scope work before it starts, for every client, from the first request.",
			"Make autopay a condition of every new agreement and renewal.",
		},
		Notes: "The payment history was visible in the PSA export from September 2025.\nWe waited for the quarterly review to raise it.\n\nThe remediation plan of May 2026 improved payment times for two months only.",
		Economics: &Economics{Since: day(2022, time.March, 14),
			Revenue: usd(30240000), Cost: usd(21960000), FlagRevenue: usd(12600000), FlagCost: usd(13320000)},
	}
}

var kesslerDental = Client{
	Name:         "Kessler Dental Group",
	ContactName:  "Dr. Martin Kessler",
	ContactEmail: "martin@kesslerdental.example",
	ContactTitle: "Owner",
	Address:      "77 Alder Avenue\nPuyallup, WA 98371",
}

var kesslerMSA = Agreement{
	Name:              "Managed IT Services Agreement",
	Signed:            day(2023, time.June, 1),
	TerminationClause: "section 11 (Termination)",
	NoticeDays:        60,
}

// kesslerTopics builds the topics afresh on every call, since tests mutate
// the inputs they are given.
func kesslerTopics() []AgendaTopic {
	return []AgendaTopic{
		{
			Title: "Calls outside business hours",
			Evidence: []Measure{
				{Name: "Tickets opened outside business hours", Value: "38%", Normal: "4% to 9%"},
				{Name: "Calls between 22:00 and 06:00, last 90 days", Value: "17", Normal: "0 to 2"},
			},
			Question: "Which after-hours calls were true emergencies, and how should the rest reach us?",
		},
		{
			Title: "Multi-factor authentication",
			Evidence: []Measure{
				{Name: "User accounts with MFA", Value: "11 of 26 (42%)", Normal: "100%"},
			},
			Question: "What stands in the way of MFA for the front-desk accounts?",
		},
		{
			Title: "Support time against the agreement",
			Evidence: []Measure{
				{Name: "Support hours per user per month", Value: "2.9", Normal: "0.6 to 1.4"},
			},
		},
	}
}

func kesslerAgenda() AgendaInput {
	return AgendaInput{
		Our:     bluewater,
		Client:  kesslerDental,
		Meeting: time.Date(2027, time.January, 12, 10, 0, 0, 0, time.UTC),
		Place:   "Kessler Dental Group, 77 Alder Avenue, Puyallup (conference room)",
		OurAttendees: []Person{
			{Name: "Alex Moreno", Role: "Managing Director"},
			{Name: "Priya Shah", Role: "Service Delivery Manager"},
		},
		ClientAttendees: []Person{
			{Name: "Dr. Martin Kessler", Role: "Owner"},
			{Name: "Jolene Park", Role: "Practice Manager"},
		},
		Contributors: []Person{
			{Name: "Sam Okafor", Role: "Service desk lead, who takes most of the after-hours calls"},
		},
		Topics: kesslerTopics(),
		PlanBy: day(2027, time.January, 15),
	}
}

func kesslerPlan() PlanInput {
	start := day(2027, time.January, 18)
	topics := kesslerTopics()
	return PlanInput{
		Our:         bluewater,
		Client:      kesslerDental,
		Agreement:   kesslerMSA,
		Issued:      day(2027, time.January, 15),
		MeetingHeld: day(2027, time.January, 12),
		Start:       start,
		Gaps: []PlanGap{
			{
				Title: topics[0].Title,
				Examples: []DatedNote{
					{Date: day(2026, time.November, 8), Text: "Call at 03:10 on a Sunday about a printer that was out of toner"},
					{Date: day(2026, time.December, 19), Text: "Four calls between 21:00 and 23:30 about a slow workstation"},
				},
				Evidence: topics[0].Evidence,
				Goal:     "After-hours calls only through the emergency line, billed at the after-hours rate; under 10% of tickets opened outside business hours",
			},
			{
				Title:    topics[1].Title,
				Evidence: topics[1].Evidence,
				Goal:     "MFA on 100% of user accounts by Monday, 15 February 2027",
			},
			{
				Title:    topics[2].Title,
				Evidence: topics[2].Evidence,
				Goal:     "Support hours per user per month at or under 1.4 by the final review",
			},
		},
		OurChanges: []string{
			"Stop taking after-hours calls on staff mobiles; route every call through the emergency line so it is logged and billed.",
			"Send a weekly summary of open tickets to the practice manager, so fewer follow-up calls are needed.",
		},
		Support: []string{
			"Two one-hour training sessions on the new phone and ticket portal for front-desk staff, at no charge.",
			"MFA enrolment on site for any user who needs help, on Tuesday, 2 February 2027.",
		},
		Actions: []PlanAction{
			{Side: SideUs, Person: "Sam Okafor", What: "Set up the emergency line and publish the after-hours rate", Due: day(2027, time.January, 25), Target: "Line live; rate card sent to the practice"},
			{Side: SideClient, Person: "Jolene Park", What: "Enrol every user in MFA", Due: day(2027, time.February, 15), Target: "MFA on 26 of 26 accounts"},
			{Side: SideClient, Person: "Dr. Martin Kessler", What: "Use the emergency line for after-hours issues", Due: day(2027, time.March, 19), Target: "Under 10% of tickets outside business hours for the month"},
			{Side: SideUs, Person: "Priya Shah", What: "Report support hours per user each month", Due: day(2027, time.April, 16), Target: "At or under 1.4 hours per user per month"},
		},
		Terms: PlanTerms{
			Autopay:     true,
			AutopayFrom: day(2027, time.February, 1),
			Price: &PriceChange{
				Current:   money.Money{Minor: 420000, Currency: "USD"},
				Proposed:  money.Money{Minor: 465000, Currency: "USD"},
				BreakEven: money.Money{Minor: 451000, Currency: "USD"},
				Period:    "month",
				From:      day(2027, time.March, 1),
			},
		},
	}
}

// kesslerTermination ends the agreement at its term end, Wednesday 30 June
// 2027, which falls after the 60 days' notice from Tuesday 20 April 2027
// (Saturday 19 June): 71 days' notice, delivered by hand.
func kesslerTermination() TerminationInput {
	sent, effective := day(2027, time.April, 20), day(2027, time.June, 30)
	return TerminationInput{
		Our:               bluewater,
		Client:            kesslerDental,
		Agreement:         kesslerMSA,
		Sent:              sent,
		Delivery:          DeliveryHand,
		NoticeDays:        60,
		Effective:         effective,
		FinalInvoice:      day(2027, time.June, 16),
		RetentionDeadline: day(2027, time.August, 31),
		Handoff: Handoff{
			ExportDate:      day(2027, time.June, 18),
			ExportWhat:      "the practice-management database, the imaging archive and the file shares",
			ExportFormat:    "the vendor's native backup format, with a CSV export of the patient list",
			ExportDelivery:  "an encrypted USB drive handed to Jolene Park, with the key given by phone",
			CredentialsDate: day(2027, time.June, 23),
			TransferDate:    day(2027, time.June, 25),
		},
		Acknowledgement: true,
	}
}

// juniperStatement is the demo's case of a client who pays on time, on a
// US calendar in the client's time zone: notice sent on Friday 4 December
// 2026 with 30 days would end on Sunday 3 January 2027, so the agreement
// ends on Monday 4 January; the export (Christmas Day) moves to Thursday 24
// December and the transfer (New Year's Day) to Thursday 31 December.
// December's invoice is not yet due; a project invoice is overdue.
func juniperStatement() TerminationInput {
	pacific, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		panic(err)
	}
	return TerminationInput{
		Our: bluewater,
		Client: Client{
			Name:         "Juniper Hill Family Clinic",
			ContactName:  "Dr. Renata Olsen",
			ContactEmail: "r.olsen@juniperhill.example",
			Address:      "1410 Juniper Hill Road\nOlympia, WA 98502",
		},
		Agreement: Agreement{Name: "Managed Services Agreement", Signed: day(2024, time.February, 5),
			TerminationClause: "clause 12.1", NoticeDays: 30},
		Sent:         day(2026, time.December, 4),
		Delivery:     DeliveryEmail,
		NoticeDays:   30,
		Effective:    day(2027, time.January, 4),
		FinalInvoice: day(2027, time.January, 5),
		Transition:   Transition{Hours: 8, IncludedHours: 2, Rate: usd(15000), RequestDays: 2, WindowDays: 30},
		// 60 days after the effective date.
		RetentionDeadline: day(2027, time.March, 5),
		Handoff: Handoff{
			ExportDate:      day(2026, time.December, 24),
			ExportWhat:      "the shared drives and the most recent full backup of the practice server",
			ExportFormat:    "the original folder structure, and a VHDX image of the server",
			ExportDelivery:  "an encrypted download link, with the key given to you by phone",
			CredentialsDate: day(2026, time.December, 28),
			TransferDate:    day(2026, time.December, 31),
		},
		Acknowledgement: true,
		Calendar:        calendar.Calendar{Region: "US"},
		TimeZone:        pacific,
		Statement: &Statement{
			Invoices: []Invoice{
				{Number: "INV-2318", Issued: day(2026, time.December, 1), Due: day(2026, time.December, 31), Open: usd(152000)},
				{Number: "INV-2290", Issued: day(2026, time.October, 15), Due: day(2026, time.November, 14), Open: usd(24000)},
			},
			Credits: usd(31000),
		},
		LicenceSource: LicencesFromRecord,
		Licences: []Licence{
			{Product: "Microsoft 365 Business Premium", Quantity: 18, TermEnds: day(2027, time.March, 31), Billing: BillingAnnual},
			{Product: "Endpoint protection", Quantity: 21, TermEnds: day(2026, time.December, 31), Billing: BillingMonthly},
		},
	}
}

// halvorsenForCause is seed 003's zero-tolerance case: Halvorsen Plastics
// is already under the ordinary notice of Monday 2 November 2026 when a
// member of our staff is abused, and the owner ends the agreement for cause
// under the clause that allows 10 days' notice. Ten days from Monday 16
// November fall on Thanksgiving, so the agreement ends on Friday 27
// November; the data is under a legal hold, and everything goes through
// one person, in writing.
func halvorsenForCause() TerminationInput {
	central, err := time.LoadLocation("America/Chicago")
	if err != nil {
		panic(err)
	}
	return TerminationInput{
		Our: bluewater,
		Client: Client{
			Name:         "Halvorsen Plastics Inc.",
			ContactName:  "Erik Halvorsen",
			ContactEmail: "erik@halvorsenplastics.example",
			Address:      "9 Foundry Lane\nJoliet, IL 60432",
		},
		Agreement: Agreement{Name: "Managed Services Agreement", Signed: day(2021, time.September, 1),
			TerminationClause: "clause 14.2", NoticeDays: 30},
		Sent:              day(2026, time.November, 16),
		Delivery:          DeliveryEmail,
		NoticeDays:        10,
		Effective:         day(2026, time.November, 27),
		FinalInvoice:      day(2026, time.November, 30),
		RetentionDeadline: day(2027, time.February, 26),
		Handoff: Handoff{
			ExportDate:      day(2026, time.November, 17),
			ExportWhat:      "the file server shares and the most recent full backup of each server",
			ExportFormat:    "the original folder structure, and VHDX images for server backups",
			ExportDelivery:  "an encrypted download link, with the key given to you by phone",
			CredentialsDate: day(2026, time.November, 20),
			TransferDate:    day(2026, time.November, 24),
		},
		Acknowledgement: true,
		Calendar:        calendar.Calendar{Region: "US"},
		TimeZone:        central,
		Statement:       &Statement{},
		LicenceSource:   LicencesNone,
		ForCause: &ForCause{
			Clause:      "clause 14.4 (Termination for cause)",
			LegalHold:   true,
			Contact:     Person{Name: "Alex Moreno", Role: "Managing Director", Email: "alex.moreno@bluewater-it.example"},
			WrittenOnly: true,
		},
		PriorNotice: &PriorNotice{Sent: day(2026, time.November, 2), Effective: day(2026, time.December, 2)},
		Supersedes:  true,
	}
}

// kesslerPlanExtended is kesslerPlan read on Monday 3 May 2027, after its
// review was moved on Friday 16 April from day 90 to Monday 14 June: two
// goals as numbers, one met, the actions due by then counted, and a
// figure followed without a goal.
func kesslerPlanExtended() PlanInput {
	in := kesslerPlan()
	in.ReviewOn = day(2027, time.June, 14)
	in.Gaps[0].Targets = []GoalTarget{{Measure: "After-hours tickets", Baseline: "38%", BaselineWindow: "June to December 2026",
		Target: "at most 10%", By: in.ReviewOn, Window: "the months from February 2027 to the review"}}
	in.Gaps[1].Targets = []GoalTarget{{Measure: "MFA coverage", Baseline: "42%", BaselineWindow: "June to December 2026",
		Target: "100%", By: in.ReviewOn, Window: "the months from February 2027 to the review"}}
	in.Progress = &PlanProgress{AsOf: day(2027, time.May, 3), Status: "Extended, in progress",
		Extensions:  []PlanExtension{{On: day(2027, time.April, 16), Review: in.ReviewOn}},
		ActionsDone: 3, ActionsDue: 4, BeforeWindow: "June to December 2026", SinceWindow: "February to April 2027",
		Metrics: []TrackedMetric{
			{Name: "After-hours tickets", Before: "38%", Since: "14%", Target: "at most 10%", State: GoalNotMet},
			{Name: "Urgent tickets", Before: "21%", Since: "9%", Change: "improved"},
			{Name: "MFA coverage", Before: "42%", Since: "100%", Target: "100%", State: GoalMet},
		}}
	return in
}
