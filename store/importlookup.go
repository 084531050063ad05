package store

import (
	"fmt"
)

// ClientKey is what an import matches a client on, with the defaults its
// rows take from the client.
type ClientKey struct {
	ID                                int64
	ExternalID, NameKey, ContactEmail string
	TimeZone, Currency                string
	// PaymentTerms dates the client's invoices that come without a due
	// date or terms of their own.
	PaymentTerms string
}

// ClientKeys lists every client as the import's transaction sees it.
func (t *ImportTx) ClientKeys() ([]ClientKey, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT id, coalesce(external_id, ''), name_key, contact_email, time_zone, currency, payment_terms FROM clients")
	if err != nil {
		return nil, fmt.Errorf("read clients: %w", err)
	}
	defer rows.Close()
	var out []ClientKey
	for rows.Next() {
		var k ClientKey
		if err := rows.Scan(&k.ID, &k.ExternalID, &k.NameKey, &k.ContactEmail, &k.TimeZone, &k.Currency, &k.PaymentTerms); err != nil {
			return nil, fmt.Errorf("read clients: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// HasInvoice reports whether an invoice with the number is stored, as the
// import's transaction sees it.
func (t *ImportTx) HasInvoice(number string) (bool, error) {
	st, err := t.stmt(`SELECT EXISTS (SELECT 1 FROM invoices WHERE number = ?)`)
	if err != nil {
		return false, err
	}
	var ok bool
	if err := st.QueryRowContext(t.ctx, number).Scan(&ok); err != nil {
		return false, fmt.Errorf("look up invoice %q: %w", number, err)
	}
	return ok, nil
}
