package casefile

import (
	"context"
	"fmt"
	"time"

	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

// Receipt is a client's offboarding receipt as of a day: its input and the
// receipt rendered, as a document ready to export.
type Receipt struct {
	// Input is what the receipt was rendered from.
	Input letters.ReceiptInput
	// Document is the receipt rendered, not yet exported.
	Document store.Document
}

// Receipt gathers and renders the offboarding receipt of a client as of
// today: every checklist step with who signed it off, when, and with which
// exception, issued by our company and prepared by the signer.
func (d *Desk) Receipt(ctx context.Context, c store.Client, today time.Time) (Receipt, error) {
	term, ok, err := d.Store.LatestTermination(ctx, c.ID)
	if err != nil {
		return Receipt{}, err
	}
	if !ok {
		return Receipt{}, fmt.Errorf("offboarding receipt for %s: %w", c.Name, ErrNoNotice)
	}
	steps, err := d.Store.Checklist(ctx, c.ID)
	if err != nil {
		return Receipt{}, err
	}
	our, err := d.OurCompany(ctx)
	if err != nil {
		return Receipt{}, err
	}
	in := receiptInput(c, term, steps, our, today)
	if in.Settled, err = d.settled(ctx, c, term); err != nil {
		return Receipt{}, err
	}
	if in.Certificates, err = d.certificates(ctx, c.ID); err != nil {
		return Receipt{}, err
	}
	md, err := d.Letters.ChecklistReceipt(in)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{Input: in, Document: store.Document{ClientID: c.ID, Kind: "checklist",
		Title: "Offboarding receipt for " + c.Name, Markdown: md}}, nil
}

// receiptInput is the receipt's input: the agreement as the notice named
// it (the client's row for a notice recorded before notices kept it), the
// notice's dates and each step's sign-off.
func receiptInput(c store.Client, term store.Termination, steps []store.StepRow, our letters.Company, today time.Time) letters.ReceiptInput {
	agreement := agreementOf(c)
	if term.AgreementName != "" {
		agreement.Name, agreement.Signed = term.AgreementName, term.AgreementSigned
	}
	in := letters.ReceiptInput{Our: our, Client: addresseeOf(c), Agreement: agreement, Sent: term.Sent,
		Effective: term.Effective, Prepared: today, PreparedBy: our.Signer}
	for _, st := range steps {
		in.Steps = append(in.Steps, letters.SignOff{Title: st.Title, Due: st.Due, Done: st.IsDone(),
			By: st.SignedOffBy, On: st.Done, Exception: st.Exception})
	}
	return in
}

// settled are the payments received since notice was sent for what the
// agreement billed, up to its final invoice (issued after the effective
// date, on our calendar), each named by the invoice it paid; a later
// agreement's invoices (a client taken back) are not this receipt's.
func (d *Desk) settled(ctx context.Context, c store.Client, term store.Termination) ([]letters.Settlement, error) {
	setup, err := d.Setup(ctx)
	if err != nil {
		return nil, err
	}
	final := letters.FinalInvoiceDate(setup.Config.Calendar, term.Effective)
	pays, err := d.Store.PaymentsSince(ctx, c.ID, term.Sent, final)
	if err != nil {
		return nil, err
	}
	out := make([]letters.Settlement, len(pays))
	for i, p := range pays {
		what := "Payment on account"
		if p.Invoice != "" {
			what = "Invoice " + p.Invoice
		}
		out[i] = letters.Settlement{What: what, Amount: money.Money{Minor: p.Amount, Currency: p.Currency}, On: p.On}
	}
	return out, nil
}

// certificates are the certificates of destruction issued to the client.
func (d *Desk) certificates(ctx context.Context, clientID int64) ([]letters.IssuedCertificate, error) {
	certs, err := d.Store.Certificates(ctx, clientID)
	if err != nil {
		return nil, err
	}
	out := make([]letters.IssuedCertificate, len(certs))
	for i, c := range certs {
		out[i] = letters.IssuedCertificate{Title: "Certificate of destruction of personal data", Issued: CivilDay(c.At), SHA256: c.SHA256}
	}
	return out, nil
}
