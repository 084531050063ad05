package casefile

import (
	"context"
	"fmt"
	"time"

	"offboard/letters"
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
	md, err := d.Letters.ChecklistReceipt(in)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{Input: in, Document: store.Document{ClientID: c.ID, Kind: "checklist",
		Title: "Offboarding receipt for " + c.Name, Markdown: md}}, nil
}

// receiptInput is the receipt's input: the notice's dates and each step's
// sign-off.
func receiptInput(c store.Client, term store.Termination, steps []store.StepRow, our letters.Company, today time.Time) letters.ReceiptInput {
	in := letters.ReceiptInput{Our: our, Client: addresseeOf(c), Agreement: agreementOf(c), Sent: term.Sent,
		Effective: term.Effective, Prepared: today, PreparedBy: our.Signer}
	for _, st := range steps {
		in.Steps = append(in.Steps, letters.SignOff{Title: st.Title, Due: st.Due, Done: st.IsDone(),
			By: st.SignedOffBy, On: st.Done, Exception: st.Exception})
	}
	return in
}
