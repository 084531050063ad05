package importer

import (
	"fmt"
	"offboard/money"
	"strings"
	"time"
)

// invoiceHeaderFields are the invoice-level columns an export with a row per
// line item repeats on every row; they must agree across an invoice's rows.
var invoiceHeaderFields = []string{"client_id", "client", "issued", "due", "terms", "paid_date", "amount", "amount_cents", "balance", "paid_amount", "status", "currency"}

// invoiceTotals accumulates what an invoice's rows add up to.
type invoiceTotals struct {
	rec      InvoiceRecord
	lineSum  int64
	hasTotal bool
	hasPaid  bool
	paid     money.Money
}

// invoice reads an invoice row and adds it to its invoice's group. It
// returns no record: invoices are emitted once the whole file is read.
func (p *rowParser) invoice() Record {
	p.require("number")
	p.require("issued")
	number := p.text("number")
	rec := InvoiceRecord{Client: p.clientRef(true), Number: number, Status: p.text("status"), Terms: p.text("terms"), Lines: 1}
	rec.Issued, rec.Due, rec.Paid = p.when("issued"), p.when("due"), p.when("paid_date")
	var hasTotal bool
	rec.Amount, hasTotal = p.amount("amount", "amount_cents")
	var hasBalance, hasPaid bool
	rec.Balance, hasBalance = p.money("balance")
	rec.HasBalance = hasBalance
	paid, hasPaid := p.money("paid_amount")
	line, hasLine := p.lineTotal()
	if !hasTotal && !hasLine && p.ok() {
		p.require("amount")
		p.require("line_total")
		p.require("line_cost")
	}
	if c := strings.ToUpper(p.text("currency")); c != "" {
		rec.Amount.Currency = c
	}
	if !p.ok() {
		return nil
	}
	if rec.Terms != "" && rec.Due.IsZero() {
		if _, ok := DueFromTerms(rec.Issued, rec.Terms); !ok {
			p.unreadTerms[rec.Terms]++
		}
	}
	g, first := p.join("invoice", fmt.Sprintf("%q", number), number, invoiceHeaderFields, func(g *group) {
		rec.Source = p.source(number)
		t := &invoiceTotals{rec: rec, hasTotal: hasTotal, hasPaid: hasPaid, paid: paid}
		g.acc, g.finish = t, t.record
	})
	if g == nil {
		return nil
	}
	t := g.acc.(*invoiceTotals)
	if !first {
		t.rec.Lines++
	}
	if hasLine {
		t.lineSum += line.Minor
		if t.rec.Amount.Currency == "" {
			t.rec.Amount.Currency = line.Currency
		}
	}
	return nil
}

// lineTotal reads a line item's total, or its unit cost times quantity.
func (p *rowParser) lineTotal() (money.Money, bool) {
	if m, ok := p.money("line_total"); ok {
		return m, true
	}
	cost, ok := p.money("line_cost")
	if !ok {
		return money.Money{}, false
	}
	const qtyDigits = 4
	qty, hasQty := p.decimal("line_quantity", qtyDigits)
	if !hasQty {
		return cost, true
	}
	// Round half away from zero to whole minor units.
	prod := cost.Minor * qty
	half := int64(5000)
	if prod < 0 {
		half = -half
	}
	cost.Minor = (prod + half) / 10000
	return cost, true
}

// record finishes an invoice: its total from line items where the export
// gave none, its due date from its terms where it has none, its balance
// from the paid amount or a "paid" status. A draft or a void invoice owes
// nothing and falls due never, so it is never late.
func (t *invoiceTotals) record() Record {
	r := t.rec
	if !t.hasTotal {
		r.Amount.Minor = t.lineSum
	}
	if r.Due.IsZero() {
		r.Due, _ = DueFromTerms(r.Issued, r.Terms)
	}
	state := ParseInvoiceState(r.Status)
	switch {
	case state == StateDraft || state == StateVoid:
		r.Due, r.Paid = time.Time{}, time.Time{}
		r.Balance = money.Money{Currency: r.Amount.Currency}
		r.HasBalance = true
	case r.HasBalance:
	case t.hasPaid:
		r.Balance = money.Money{Minor: r.Amount.Minor - t.paid.Minor, Currency: r.Amount.Currency}
		r.HasBalance = true
	case state == StatePaid:
		r.Balance = money.Money{Currency: r.Amount.Currency}
		r.HasBalance = true
	}
	return r
}
