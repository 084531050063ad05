package store

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"offboard/importer"
	"offboard/money"
)

// exportQueries select each kind in the column order of
// importer.ExportFields, as text; exportRows finishes the values SQL cannot
// (money, flags, zones). Minted keys ("offboard:ticket:12") stand in for
// rows that arrived without an id, so references survive a round trip.
var exportQueries = map[importer.Kind]string{
	// Our settings go with a whole export, never with one client's, and
	// never the demo's markers.
	importer.KindSettings: `SELECT key, value FROM settings WHERE ?1 = 0 AND key NOT LIKE 'demo.%' ORDER BY key`,
	importer.KindClients: `SELECT coalesce(external_id, ''), name, contact_name, contact_email, address, seats,
        mrr_minor, currency, agreement_name, coalesce(agreement_signed_on, ''), termination_clause, notice_days,
        coalesce(term_end_on, ''), time_zone, coalesce(client_since_on, ''), status
    FROM clients c WHERE ?1 = 0 OR c.id = ?1 ORDER BY c.id`,
	importer.KindTickets: `SELECT coalesce(t.external_id, t.source_hash, 'offboard:ticket:' || t.id),
        coalesce(c.external_id, ''), c.name, t.opened_at, t.opened_tz, coalesce(t.closed_at, ''), t.priority,
        t.status, t.summary, t.after_hours, t.out_of_scope
    FROM tickets t JOIN clients c ON c.id = t.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY t.id`,
	importer.KindTime: `SELECT coalesce(te.source_hash, 'offboard:time:' || te.id), coalesce(c.external_id, ''), c.name,
        CASE WHEN t.id IS NULL THEN te.ticket_ref
             ELSE coalesce(t.external_id, t.source_hash, 'offboard:ticket:' || t.id) END,
        te.worked_on, te.minutes, te.billable, te.technician, te.notes
    FROM time_entries te JOIN clients c ON c.id = te.client_id LEFT JOIN tickets t ON t.id = te.ticket_id
    WHERE ?1 = 0 OR c.id = ?1
    ORDER BY te.id`,
	importer.KindInvoices: `SELECT i.number, coalesce(c.external_id, ''), c.name, i.issued_on, i.due_on,
        coalesce(i.paid_on, ''), i.amount_minor, i.balance_minor, i.currency, i.status
    FROM invoices i JOIN clients c ON c.id = i.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY i.id`,
	importer.KindPayments: `SELECT coalesce(p.source_hash, 'offboard:payment:' || p.id), coalesce(c.external_id, ''),
        c.name, p.invoice_number, p.paid_on, p.amount_minor, p.currency, p.method, p.reference
    FROM payments p JOIN clients c ON c.id = p.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY p.id`,
	importer.KindIncidents: `SELECT coalesce(i.source_hash, 'offboard:incident:' || i.id), coalesce(c.external_id, ''),
        c.name, i.occurred_at, i.kind, i.severity, i.description, i.reported_by
    FROM incidents i JOIN clients c ON c.id = i.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY i.id`,
	importer.KindSecurity: `SELECT coalesce(c.external_id, ''), c.name, s.taken_on, s.mfa_pct, s.patch_pct,
        s.eol_devices, s.total_devices, s.backup_status
    FROM security_snapshots s JOIN clients c ON c.id = s.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY s.id`,
	importer.KindPlans: `SELECT coalesce(c.external_id, ''), c.name, p.created_at, p.status, coalesce(p.meeting_at, ''),
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
	importer.KindUpgrades: `SELECT coalesce(u.source_hash, 'offboard:upgrade:' || u.id), coalesce(c.external_id, ''),
        c.name, u.title, u.proposed_on, coalesce(u.decided_on, ''), u.decision, u.estimate_minor, c.currency, u.note
    FROM upgrade_recommendations u JOIN clients c ON c.id = u.client_id WHERE ?1 = 0 OR c.id = ?1 ORDER BY u.id`,
}

// exportRow turns a query row into the generic format's values.
func exportRow(k importer.Kind, v []string) []string {
	flag := func(s string) string {
		if s == "1" {
			return "true"
		}
		return "false"
	}
	switch k {
	case importer.KindClients:
		v[6] = money.Plain(parseInt64(v[6]), v[7])
	case importer.KindTickets:
		v[3] = inZone(v[3], v[4])
		v = append(v[:4], v[5:]...)
		v[8], v[9] = flag(v[8]), flag(v[9])
	case importer.KindTime:
		v[6] = flag(v[6])
	case importer.KindInvoices:
		v[6] = money.Plain(parseInt64(v[6]), v[8])
		v[7] = money.Plain(parseInt64(v[7]), v[8])
	case importer.KindPayments:
		v[5] = money.Plain(parseInt64(v[5]), v[6])
	case importer.KindSecurity:
		v[3] += "%"
		v[4] += "%"
	case importer.KindUpgrades:
		// The estimate is in the client's currency, which the file does
		// not repeat.
		v[7] = money.Plain(parseInt64(v[7]), v[8])
		v = append(v[:8], v[9])
	}
	return v
}

func parseInt64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// inZone writes a stored UTC instant in the zone it was opened in (an IANA
// name or an offset such as -05:00), so the export shows local times.
func inZone(utc, zone string) string {
	t, err := time.Parse(time.RFC3339, utc)
	if err != nil {
		return utc
	}
	if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
		return t.In(loc).Format(time.RFC3339)
	}
	if off, err := time.Parse("-07:00", zone); err == nil {
		_, secs := off.Zone()
		return t.In(time.FixedZone("", secs)).Format(time.RFC3339)
	}
	return utc
}

// ExportKind writes every record of a kind as CSV in the generic offboard
// format, which Import reads back to the same records, and returns how many
// records it wrote. A clientID other than 0 writes only that client's
// records, for the handoff of a departing client's data (seed 001).
func (s *Store) ExportKind(ctx context.Context, k importer.Kind, w io.Writer, clientID int64) (int, error) {
	query, ok := exportQueries[k]
	if !ok {
		return 0, fmt.Errorf("export: unknown kind %q", k)
	}
	fields := importer.ExportFields(k)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Name
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return 0, fmt.Errorf("export %s: %w", k, err)
	}
	rows, err := s.db.QueryContext(ctx, query, clientID)
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", k, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", k, err)
	}
	vals := make([]string, len(cols))
	ptrs := make([]any, len(cols))
	n := 0
	for rows.Next() {
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("export %s: %w", k, err)
		}
		if err := cw.Write(exportRow(k, append([]string(nil), vals...))); err != nil {
			return n, fmt.Errorf("export %s: %w", k, err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("export %s: %w", k, err)
	}
	cw.Flush()
	return n, cw.Error()
}
