package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Setting reads one value from the settings table; ok is false when the key
// has never been set.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// Settings reads every stored setting at once.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM settings")
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetSetting stores one value, replacing any earlier one.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return setSetting(ctx, s.db, key, value)
}

// execer is what *sql.DB and *sql.Tx share for writes.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func setSetting(ctx context.Context, db execer, key, value string) error {
	_, err := db.ExecContext(ctx,
		"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		key, value)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}

// SetSettingTx stores one value inside a caller's transaction.
func SetSettingTx(ctx context.Context, tx *sql.Tx, key, value string) error {
	return setSetting(ctx, tx, key, value)
}

// SettingChange is one value of the settings table changed by the owner.
type SettingChange struct {
	Key, Value string
}

// ChangeSettings stores the values in one transaction and logs each that
// differs from the value in force in the settings log, which the record
// covers; a value set to what it already was is neither written nor logged.
// It returns the keys that changed.
func (s *Store) ChangeSettings(ctx context.Context, at time.Time, changes []SettingChange) ([]string, error) {
	var changed []string
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		changed = changed[:0]
		for _, c := range changes {
			var before sql.NullString
			err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", c.Key).Scan(&before)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("read setting %s: %w", c.Key, err)
			}
			if before.Valid && before.String == c.Value {
				continue
			}
			if err := setSetting(ctx, tx, c.Key, c.Value); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO setting_changes (at, key, from_value, to_value) VALUES (?, ?, ?, ?)",
				Timestamp(at), c.Key, before, c.Value); err != nil {
				return fmt.Errorf("log the change of setting %s: %w", c.Key, err)
			}
			changed = append(changed, c.Key)
		}
		return nil
	})
	return changed, err
}

// SettingChangeRow is one entry of the settings log.
type SettingChangeRow struct {
	At       time.Time
	Key      string
	From, To string
	// WasSet is false when the key had no value before the change.
	WasSet bool
}

// SettingChanges reads the settings log, oldest first.
func (s *Store) SettingChanges(ctx context.Context) ([]SettingChangeRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT at, key, from_value, to_value FROM setting_changes ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("read the settings log: %w", err)
	}
	defer rows.Close()
	var out []SettingChangeRow
	for rows.Next() {
		var at string
		var from sql.NullString
		var r SettingChangeRow
		if err := rows.Scan(&at, &r.Key, &from, &r.To); err != nil {
			return nil, fmt.Errorf("read the settings log: %w", err)
		}
		r.At, _ = time.Parse(time.RFC3339, at)
		r.From, r.WasSet = from.String, from.Valid
		out = append(out, r)
	}
	return out, rows.Err()
}
