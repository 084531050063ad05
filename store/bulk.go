package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"offboard/importer"
)

// kindTables names the table each kind of record is written to.
var kindTables = map[importer.Kind]string{
	importer.KindClients:   "clients",
	importer.KindTickets:   "tickets",
	importer.KindTime:      "time_entries",
	importer.KindInvoices:  "invoices",
	importer.KindPayments:  "payments",
	importer.KindIncidents: "incidents",
	importer.KindSecurity:  "security_snapshots",
	importer.KindUpgrades:  "upgrade_recommendations",
	importer.KindSettings:  "settings",
	importer.KindPlans:     "remediation_plans",
}

// deferIndexes drops the secondary indexes of a table that is empty, for a
// first bulk load: building an index once from a million rows is several
// times cheaper than updating it a million times. It returns the function
// that recreates them from their own CREATE statements, which the import
// calls before it rebuilds the roll-up; both run in the import's
// transaction, so a failed import leaves the indexes as they were. Unique
// constraints stay: they catch duplicate keys as the rows go in.
func deferIndexes(ctx context.Context, tx *sql.Tx, table string) (func() error, error) {
	var has bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+table+")").Scan(&has); err != nil {
		return nil, fmt.Errorf("inspect %s: %w", table, err)
	}
	if has {
		return func() error { return nil }, nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", table)
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", table, err)
	}
	var names, creates []string
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			rows.Close()
			return nil, fmt.Errorf("inspect %s: %w", table, err)
		}
		names, creates = append(names, name), append(creates, create)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("inspect %s: %w", table, err)
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return nil, fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	return func() error {
		for _, create := range creates {
			if _, err := tx.ExecContext(ctx, create); err != nil {
				return fmt.Errorf("rebuild index: %w", err)
			}
		}
		return nil
	}, nil
}

// valueRows returns the VALUES list of a multi-row INSERT: rows groups of
// cols placeholders. A statement costs far more than a row in pure-Go
// SQLite, so bulk writes insert many rows to a statement.
func valueRows(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
}
