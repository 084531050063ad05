package store

import (
	"context"
	"fmt"
)

// exportQueries select each kind of import, as text, in the column order
// of the generic offboard format, with the values SQL cannot finish (money,
// flags, zones) as stored. Minted keys ("offboard:ticket:12") stand in for
// rows that arrived without an id, so references survive a round trip.
// A duration is written in whole minutes when it is whole minutes, else
// as h:mm:ss, which the minutes column reads back to the second.
var exportQueries = map[string]string{
	// Our settings go with a whole export, never with one client's, and
	// never the demo's markers.
	"settings": `SELECT key, value FROM settings WHERE ?1 = 0 AND key NOT LIKE 'demo.%' ORDER BY key`,
	"clients": `SELECT coalesce(external_id, ''), name, contact_name, contact_email, phone, address, seats,
        mrr_minor, currency, agreement_name, coalesce(agreement_signed_on, ''), termination_clause, notice_days,
        coalesce(term_end_on, ''), time_zone, coalesce(client_since_on, ''), payment_terms, status
    FROM clients c WHERE ?1 = 0 OR c.id = ?1 ORDER BY c.id`,
	"tickets": `SELECT coalesce(t.external_id, t.source_hash, 'offboard:ticket:' || t.id),
        coalesce(c.external_id, ''), c.name, t.opened_at, t.opened_tz, coalesce(t.closed_at, ''), t.priority,
        t.status, t.summary, t.after_hours, t.out_of_scope, t.category
    FROM tickets t JOIN clients c ON c.id = t.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY t.id`,
	"time": `SELECT coalesce(te.source_hash, 'offboard:time:' || te.id), coalesce(c.external_id, ''), c.name,
        CASE WHEN t.id IS NULL THEN te.ticket_ref
             ELSE coalesce(t.external_id, t.source_hash, 'offboard:ticket:' || t.id) END,
        te.worked_on,
        CASE WHEN te.seconds % 60 = 0 THEN te.seconds / 60
             ELSE printf('%d:%02d:%02d', te.seconds / 3600, te.seconds / 60 % 60, te.seconds % 60) END,
        te.billable, te.technician, te.notes
    FROM time_entries te JOIN clients c ON c.id = te.client_id LEFT JOIN tickets t ON t.id = te.ticket_id
    WHERE ?1 = 0 OR c.id = ?1
    ORDER BY te.id`,
	"invoices": `SELECT i.number, coalesce(c.external_id, ''), c.name, i.issued_on, i.due_on,
        coalesce(i.paid_on, ''), i.amount_minor, i.balance_minor, i.currency, i.status
    FROM invoices i JOIN clients c ON c.id = i.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY i.id`,
	"payments": `SELECT coalesce(p.source_hash, 'offboard:payment:' || p.id), coalesce(c.external_id, ''),
        c.name, p.invoice_number, p.paid_on, p.amount_minor, p.currency, p.method, p.reference
    FROM payments p JOIN clients c ON c.id = p.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY p.id`,
	"incidents": `SELECT coalesce(i.source_hash, 'offboard:incident:' || i.id), coalesce(c.external_id, ''),
        c.name, i.occurred_at, i.kind, i.severity, i.description, i.reported_by
    FROM incidents i JOIN clients c ON c.id = i.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY i.id`,
	"security": `SELECT coalesce(c.external_id, ''), c.name, s.taken_on, coalesce(s.mfa_pct, ''),
        coalesce(s.patch_pct, ''), coalesce(s.eol_devices, ''), coalesce(s.total_devices, ''),
        coalesce(s.backup_status, ''), coalesce(s.mfa_accounts, ''), coalesce(s.mfa_registered, ''),
        coalesce(s.patch_compliant, ''), coalesce(s.patch_unknown, ''), coalesce(s.os_unknown, '')
    FROM security_snapshots s JOIN clients c ON c.id = s.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY s.id`,
	"plans": `SELECT coalesce(c.external_id, ''), c.name, p.created_at, p.status, coalesce(p.meeting_at, ''),
        p.meeting_place, p.attendees_ours, p.attendees_theirs, p.contributors, coalesce(p.review_on, ''),
        coalesce(p.baseline_from, ''), coalesce(p.baseline_to, ''), p.outcome_note, p.updated_at,
        coalesce(p.closed_at, ''), coalesce(i.position, ''), coalesce(i.kind, ''), coalesce(i.flag_id, ''),
        coalesce(i.title, ''), coalesce(i.evidence, ''), coalesce(i.client_said, ''), coalesce(i.we_change, ''),
        coalesce(i.owner_side, ''), coalesce(i.owner_name, ''), coalesce(i.due_on, ''), coalesce(i.target, ''),
        coalesce(i.done_on, ''), coalesce(i.note, '')
    FROM remediation_plans p JOIN clients c ON c.id = p.client_id
        LEFT JOIN remediation_items i ON i.plan_id = p.id
    WHERE ?1 = 0 OR c.id = ?1
    ORDER BY p.id, i.position, i.id`,
	"upgrades": `SELECT coalesce(u.source_hash, 'offboard:upgrade:' || u.id), coalesce(c.external_id, ''),
        c.name, u.title, u.proposed_on, coalesce(u.decided_on, ''), u.decision, u.estimate_minor, c.currency, u.note
    FROM upgrade_recommendations u JOIN clients c ON c.id = u.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY u.id`,
}

// ExportRows reads every row of a kind (see exportQueries) as text and
// hands each to fn, streaming, and returns how many it read. A clientID
// other than 0 reads only that client's rows, for the handoff of a
// departing client's data (seed 001). fn may keep the slice.
func (s *Store) ExportRows(ctx context.Context, kind string, clientID int64, fn func(values []string) error) (int, error) {
	query, ok := exportQueries[kind]
	if !ok {
		return 0, fmt.Errorf("export: unknown kind %q", kind)
	}
	rows, err := s.db.QueryContext(ctx, query, clientID)
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", kind, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", kind, err)
	}
	n := 0
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("export %s: %w", kind, err)
		}
		if err := fn(vals); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("export %s: %w", kind, err)
	}
	return n, nil
}
