package casefile

import (
	"fmt"
	"strings"

	"offboard/importer"
	"offboard/store"
)

// orphanPayments gathers the payments that name an invoice the database
// does not hold. They are imported all the same: exports come in any
// order, and a payment settles its invoice once the invoice is imported.
// But a number mistyped in the invoicing tool would leave the invoice
// open for ever, so each is named.
type orphanPayments struct {
	count int
	shown []string
}

// check looks up the invoice a payment names.
func (o *orphanPayments) check(tx *store.ImportTx, r importer.PaymentRecord) error {
	if r.Invoice == "" {
		return nil
	}
	ok, err := tx.HasInvoice(r.Invoice)
	if err != nil || ok {
		return err
	}
	o.count++
	if len(o.shown) < shownLines {
		o.shown = append(o.shown, fmt.Sprintf("line %d invoice %q", r.Line(), r.Invoice))
	}
	return nil
}

// note tells the user which payments name unknown invoices.
func (o *orphanPayments) note(file string) []string {
	if o.count == 0 {
		return nil
	}
	list := strings.Join(o.shown, ", ")
	if more := o.count - len(o.shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return []string{fmt.Sprintf("%d %s %s not in the database (%s: %s); kept, %s settle those invoices once they are imported; if they are in already, check the numbers",
		o.count, plural(o.count, "payment", "payments"), plural(o.count, "names an invoice", "name invoices"), file, list, plural(o.count, "it will", "they will"))}
}
