// Package letters writes the documents of offboard as Markdown: the
// remediation meeting agenda and plan, the notice of termination, the
// offboarding receipt and the post-mortem note. It is pure: it reads only
// its own embedded templates and, when given one, a template folder as an
// fs.FS; it never touches SQL, the terminal or the file system itself.
//
// # Using it
//
//	r, err := letters.New(os.DirFS(templateDir)) // or letters.New(nil)
//	md, err := r.Termination(in)                 // preview, gaps marked
//	err = in.ExportableAsSent()                  // before exporting as sent
//	for _, w := range in.Warnings(today) { … }   // back-dating, post, closed days
//	gaps := letters.Gaps(edited)                 // gaps left in any document
//	warnings := letters.ToneCheck(edited)        // after the owner edits it
//	path := letters.DefaultExportPath(letters.KindTermination, in.Client.Name, in.Sent)
//	sum := letters.SHA256Hex(md)                 // recorded with the export
//
// Dates are calendar days (see EffectiveDate for the notice rule, and
// ChecklistSteps for the offboarding schedule); money is Money, in minor
// units. ToneCheck finds hostile, blaming and grievance wording, single
// words and whole phrases, in any text the owner has edited.
//
// # Working days
//
// A calendar.Calendar (a region's public holidays and the owner's closed
// days; the zero value closes weekends only) decides the dates through the
// functions ending in On: EffectiveDateOn moves an effective date that
// falls on a closed day to the next working day, ChecklistStepsOn and
// DefaultHandoffOn move the steps inside the notice period to the working
// day before and issue the final invoice on the first working day after the
// effective date (FinalInvoiceDate), DefaultCheckpointsOn places the plan's
// checkpoints, and DeliveredOn adds PostDays working days for post. The
// older functions (EffectiveDate, ChecklistSteps, DefaultHandoff,
// DefaultCheckpoints) keep their schedule, which shifts weekends only.
// TerminationInput.Calendar and PlanInput.Calendar carry the calendar into
// the documents: the letter explains an effective date moved off a closed
// day, and Warnings checks every date against it.
//
// # New fields keep the old letter
//
// Every field added to TerminationInput for the record's data has a zero
// value that prints the letter as before: Statement (nil: Balance as one
// figure), LicenceSource (LicencesTyped: the typed AnnualLicences),
// ForCause and PriorNotice (nil: ordinary notice), TimeZone (nil: no zone
// named), the later Transition fields (0: all hours at Rate, until the
// effective date). Set them as the record holds them.
//
// # The tone of the documents
//
// The seeds set it. Seed 001: "All communication should remain cordial,
// even if they're at fault"; "Remain polite. Stick to the facts. Provide a
// written notice"; offer data backups and deliverables, state the final
// invoice and the deadline for transferring data, and deal with
// confidentiality and the disposal of personal information. Seed 004: "If
// there is no resolution, thank the client for their business and if you are
// in a contract fulfill the needs as promised." The letter therefore thanks
// the client, states dates and steps, and gives no reasons: those stay in the
// tool's records. A termination for cause (seed 003: criminal activity,
// mistreatment of staff) drops the thanks but keeps the manners: it cites
// the clause that allows it and alleges nothing, so it passes the same tone
// check. The remediation documents follow seed 004 (a meeting, then
// a written plan that includes everyone who contributes and what we must do
// or stop doing ourselves) and seed 003 (clear expectations, autopay as the
// standard).
//
// # Templates
//
// Each document is a Go text/template, embedded in the binary and named
// after its Kind:
//
//	remediation-agenda.md.tmpl    receives AgendaInput
//	remediation-plan.md.tmpl      receives PlanInput
//	termination.md.tmpl           receives TerminationInput
//	offboarding-receipt.md.tmpl   receives ReceiptInput
//	post-mortem.md.tmpl           receives PostMortemInput
//
// A file of the same name in the folder passed to New replaces the built-in
// template; DefaultTemplate returns a built-in one to start from. Templates
// run with missingkey=error, so a misspelt field fails when rendered, with
// the template's name in the error. The output is tidied: trailing spaces
// are trimmed and runs of blank lines folded into one, so hard line breaks
// must be written as a trailing backslash. The letterhead and signature rely
// on hard line breaks; glamour reflows them away unless the renderer is built
// with glamour.WithPreservedNewLines(), which is safe for these documents
// because the templates write every paragraph on a single line.
//
// The data each template receives is the input struct itself ("." in the
// template); every field is documented on its type. Besides the fields,
// templates may call these methods:
//
//	TerminationInput  .OurContact (Person: the for-cause contact, Contact,
//	                  or the signer)
//	                  .DaysGiven (days from Sent to Effective)
//	                  .ShorterNotice (NoticeDays below the agreement's)
//	                  .NoticeEnds, .NoticeEndsOnClosedDay (the effective
//	                  date was moved to the next working day)
//	                  .Zone (the client's time zone, escaped, or "")
//	                  .TransitionEnds (last day of transition assistance)
//	                  .Overdue, .NotYetDue ([]Invoice of the Statement)
//	                  .HasAnnual, .HasMonthly (record licences by Billing)
//	                  .Immediate (a for-cause notice ending on its own day)
//	LicenceSource     .FromRecord, .None
//	Billing           .String ("Annual", "Monthly")
//	Company           .Missing (labels of unset letterhead fields)
//	Money             .IsZero, .String
//	Delivery          .String ("By email", "By post", "By hand delivery")
//	PlanInput         .Review (day 90), .Phases ([]PlanPhase, the 30/60/90
//	                  timeline), .AllCheckpoints, .SideName SIDE
//	PlanTerms         .Any (whether any term is set)
//	CheckpointKind    .String ("Call", "Written memo", "Meeting")
//	PlanInput         .OurActions (our side's actions, by due date)
//	                  .CheckpointNotes ([]NumberedCheckpoint with notes)
//	ReceiptInput      .DoneCount (steps signed off), .Exceptions, .Open
//	SignOff           .Signed (done, by a named person, on a date)
//	PostMortemInput   .Timeline ([]FlagTimeline by first appearance),
//	                  .Slowest (*FlagTimeline or nil), .DaysFirstFlagToNotice
//	                  .DaysFirstFlagToAction (-1 when nothing was done)
//	                  .ActedCount, .ActedSummary, .Unacted
//	Economics         .Margin, .FlagMargin (revenue less cost)
//
// and these functions:
//
//	md TEXT              escape client-provided text for inline use (EscapeInline)
//	mdblock TEXT         escape multi-paragraph text for a block (EscapeBlock)
//	lines TEXT           escape multi-line text (an address), lines joined by hard breaks
//	field LABEL TEXT     md TEXT, or the marker **[LABEL missing]** when blank
//	bold LABEL TEXT      field, in bold when present
//	missing LABEL        the marker **[LABEL missing]**
//	todo LABEL           the marker **[to be completed: LABEL]**, for a
//	                     section only the owner can fill; Gaps reports it
//	total INVOICES       the open amounts of []Invoice added up
//	stack PART...        join non-empty parts into one block, a line each
//	date TIME            "Monday, 4 January 2027" (FormatDate), or a marker when zero
//	datetime TIME        date, plus " at 10:00" when the time is not midnight
//	money MONEY          "USD 12,345.67"
//	days N               "1 day", "30 days"
//	plural N ONE MANY    "1 step", "11 steps"
//	inc N                N+1, for numbering from a range index
//
// Every piece of client-provided text must go through md, mdblock, lines,
// field or bold: a client named "*Acme* <script>" or "# Heading" must print
// as exactly that. The built-in templates are tested for this by rendering
// inputs whose every string is hostile Markdown.
package letters
