package casefile

import (
	"offboard/importer"
	"offboard/store"
)

// dueAndStatus completes an invoice's due date and status as the import
// writes them. The export's due date comes first, then its terms (both
// read by the importer), then the client's default terms, else the day of
// issue. A draft or a void invoice is stored with that one word as its
// status, which every reading of lateness leaves out: it bills nothing
// and is never late.
func (w *recordWriter) dueAndStatus(row *store.InvoiceRow, r importer.InvoiceRecord, clientID int64) {
	state := importer.ParseInvoiceState(r.Status)
	if state == importer.StateDraft || state == importer.StateVoid {
		row.Status = string(state)
	}
	if !row.Due.IsZero() {
		return
	}
	row.Due = r.Issued
	if store.NeverDue(row.Status) {
		return
	}
	if due, ok := importer.DueFromTerms(r.Issued, w.clients.terms[clientID]); ok {
		row.Due = due
	}
}
