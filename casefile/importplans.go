package casefile

import (
	"slices"
	"strings"

	"offboard/importer"
	"offboard/store"
)

var (
	planStatuses = []string{"draft", "agreed", "partly_agreed", "refused", "extended", "resolved", "failed"}
	itemKinds    = []string{"topic", "action", "term"}
	ownerSides   = []string{"", "us", "client"}
)

// plan checks a remediation plan and its items and writes them, keyed by
// the plan's client and when it was started.
func (w *recordWriter) plan(r importer.PlanRecord) error {
	status := r.Status
	if status == "" {
		status = "draft"
	}
	if !slices.Contains(planStatuses, status) {
		return w.rowErr(r.Line(), "status", "%q is not a plan status (%s)", r.Status, strings.Join(planStatuses, ", "))
	}
	items := make([]store.PlanItemRow, len(r.Items))
	for i, it := range r.Items {
		if !slices.Contains(itemKinds, it.Kind) {
			return w.rowErr(r.Line(), "item_kind", "item %d: %q is not an item kind (topic, action, term)", it.Position, it.Kind)
		}
		if !slices.Contains(ownerSides, it.OwnerSide) {
			return w.rowErr(r.Line(), "item_owner_side", "item %d: %q is not an owner side (us, client)", it.Position, it.OwnerSide)
		}
		items[i] = store.PlanItemRow(it)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	touched := r.Updated
	if touched.IsZero() {
		touched = r.Created
	}
	return w.tx.WritePlan(store.PlanRow{ClientID: clientID, Created: r.Created, Updated: touched, Closed: r.Closed,
		MeetingAt: r.MeetingAt, ReviewOn: r.ReviewOn, BaselineFrom: r.BaselineFrom, BaselineTo: r.BaselineTo,
		Status: status, MeetingPlace: r.MeetingPlace, OutcomeNote: r.OutcomeNote, AttendeesOurs: r.AttendeesOurs,
		AttendeesTheirs: r.AttendeesTheirs, Contributors: r.Contributors, Items: items})
}
