package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// kindTables names the table each kind of import is written to; the kinds
// are those of the import files and of the imports table.
var kindTables = map[string]string{
	"clients":   "clients",
	"tickets":   "tickets",
	"time":      "time_entries",
	"invoices":  "invoices",
	"payments":  "payments",
	"incidents": "incidents",
	"security":  "security_snapshots",
	"upgrades":  "upgrade_recommendations",
	"settings":  "settings",
	"plans":     "remediation_plans",
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

// importCacheKiB is the page cache an import works with: four times
// SQLite's default 2 MiB, which re-reads evicted pages too often on a
// million rows, but no more, because the cache lives outside Go's heap and
// counts in full towards the import's memory. A larger cache buys little:
// pages it evicts are still in the operating system's file cache.
const importCacheKiB = 8 << 10

// tuneForImport readies the import's own connection for a bulk load and
// returns a function that puts it back before it returns to the pool: a
// large page cache; temporary files in memory, because every multi-row
// INSERT keeps a statement journal of the pages it changes, to undo itself
// alone if a row breaks a constraint, and on disk that is a write per page;
// and foreign keys unchecked, because the writer only ever writes client and
// ticket ids it has just read or inserted in the same transaction (the
// import tests check foreign_key_check stays empty). None of these touches
// the transaction's own journal: the import stays all or nothing.
func tuneForImport(ctx context.Context, conn *sql.Conn) (func(), error) {
	var cache, temp int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return nil, err
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return nil, err
	}
	for _, p := range []string{fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB), "PRAGMA temp_store = MEMORY",
		"PRAGMA foreign_keys = OFF"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return nil, err
		}
	}
	return func() {
		// The connection goes back to the pool whether or not the import
		// was cancelled, so the settings are restored past a cancellation.
		ctx := context.WithoutCancel(ctx)
		_, _ = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
		_, _ = conn.ExecContext(ctx, fmt.Sprintf("PRAGMA temp_store = %d", temp))
		_, _ = conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
	}, nil
}
