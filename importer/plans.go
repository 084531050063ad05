package importer

import "fmt"

// describeClient names a client reference for a message.
func describeClient(c ClientRef) string {
	switch {
	case c.Name != "":
		return c.Name
	case c.ExternalID != "":
		return c.ExternalID
	}
	return c.EmailDomain
}

// planFields are a plan's own columns, repeated on each of its item rows.
var planFields = []string{"client_id", "client", "created", "status", "meeting_at", "meeting_place", "attendees_ours",
	"attendees_theirs", "contributors", "review_on", "baseline_from", "baseline_to", "outcome_note", "updated", "closed"}

// plan reads one row of a plan and adds its item to the plan. It returns
// no record: plans are emitted once the whole file is read.
func (p *rowParser) plan() Record {
	p.require("created")
	rec := PlanRecord{
		Client:          p.clientRef(true),
		Status:          p.text("status"),
		MeetingPlace:    p.text("meeting_place"),
		AttendeesOurs:   p.text("attendees_ours"),
		AttendeesTheirs: p.text("attendees_theirs"),
		Contributors:    p.text("contributors"),
		OutcomeNote:     p.text("outcome_note"),
	}
	rec.Created, rec.Updated, rec.Closed, rec.MeetingAt = p.when("created"), p.when("updated"), p.when("closed"), p.when("meeting_at")
	rec.ReviewOn, rec.BaselineFrom, rec.BaselineTo = p.when("review_on"), p.when("baseline_from"), p.when("baseline_to")
	item := PlanItem{
		Position:   p.integer("item_position"),
		Kind:       p.text("item_kind"),
		Flag:       p.text("item_flag"),
		Title:      p.text("item_title"),
		Evidence:   p.text("item_evidence"),
		ClientSaid: p.text("item_client_said"),
		WeChange:   p.text("item_we_change"),
		OwnerSide:  p.text("item_owner_side"),
		OwnerName:  p.text("item_owner_name"),
		Target:     p.text("item_target"),
		Note:       p.text("item_note"),
	}
	item.Due, item.Done = p.when("item_due"), p.when("item_done")
	if !p.ok() {
		return nil
	}
	key := refKey(rec.Client) + "|" + dateKey(rec.Created)
	label := fmt.Sprintf("of %s started %s", describeClient(rec.Client), rec.Created.Format("2006-01-02"))
	g, _ := p.join("the plan", label, key, planFields, func(g *group) {
		rec.Source = p.source(key)
		r := &rec
		g.acc, g.finish = r, func() Record { return *r }
	})
	if g == nil || item.Title == "" {
		return nil
	}
	r := g.acc.(*PlanRecord)
	if item.Position == 0 {
		item.Position = len(r.Items) + 1
	}
	r.Items = append(r.Items, item)
	return nil
}
