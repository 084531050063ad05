package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// StepRow is one step of a client's offboarding checklist as stored.
type StepRow struct {
	ID       int64
	ClientID int64
	// Position orders the steps, from 1.
	Position int
	Key      string
	Title    string
	Due      time.Time
	// Done is the day the step was signed off; zero while it is open.
	Done time.Time
	// SignedOffBy is the person who signed it off.
	SignedOffBy string
	// Exception notes anything done differently from the standard step.
	Exception string
}

// IsDone reports whether the step was signed off.
func (c StepRow) IsDone() bool { return !c.Done.IsZero() }

// Overdue reports whether the step is open after its due day.
func (c StepRow) Overdue(today time.Time) bool {
	return !c.IsDone() && Date(c.Due) < Date(today)
}

const stepColumns = `id, client_id, position, step_key, title, due_on, coalesce(done_on, ''), signed_off_by, exception_note`

func scanStep(r scanner) (StepRow, error) {
	var c StepRow
	var due, done string
	if err := r.Scan(&c.ID, &c.ClientID, &c.Position, &c.Key, &c.Title, &due, &done, &c.SignedOffBy, &c.Exception); err != nil {
		return c, err
	}
	c.Due, c.Done = parseDate(due), parseDate(done)
	return c, nil
}

func (s *Store) steps(ctx context.Context, query string, args ...any) ([]StepRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+stepColumns+" FROM checklist_steps "+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StepRow
	for rows.Next() {
		c, err := scanStep(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Checklist returns the client's offboarding checklist in working order;
// empty when no notice was sent.
func (s *Store) Checklist(ctx context.Context, clientID int64) ([]StepRow, error) {
	out, err := s.steps(ctx, "WHERE client_id = ? ORDER BY position", clientID)
	if err != nil {
		return nil, fmt.Errorf("read checklist of client %d: %w", clientID, err)
	}
	return out, nil
}

// OverdueSteps returns the client's open steps due before today.
func (s *Store) OverdueSteps(ctx context.Context, clientID int64, today time.Time) ([]StepRow, error) {
	out, err := s.steps(ctx, "WHERE client_id = ? AND done_on IS NULL AND due_on < ? ORDER BY position",
		clientID, Date(today))
	if err != nil {
		return nil, fmt.Errorf("read overdue steps of client %d: %w", clientID, err)
	}
	return out, nil
}

// Tick is what ticking a step off records: who, on which day, and any
// exception to the standard step.
type Tick struct {
	By        string
	On        time.Time
	Exception string
}

// ErrNoStep reports a checklist step key the client does not have.
var ErrNoStep = errors.New("no such checklist step")

// TickResult says what ticking a step changed.
type TickResult struct {
	// Step is the step as now stored.
	Step StepRow
	// Offboarded is true when this was the last open step and the client's
	// status became offboarded.
	Offboarded bool
}

// TickStep signs a step off. The name of whoever signs off is required,
// because the finished checklist is a receipt. When every step is done and
// the client is under notice, its status becomes offboarded in the same
// transaction.
func (s *Store) TickStep(ctx context.Context, clientID int64, key string, so Tick) (TickResult, error) {
	so.By, so.Exception = strings.TrimSpace(so.By), strings.TrimSpace(so.Exception)
	if so.By == "" {
		return TickResult{}, fmt.Errorf("tick step %q: the name of whoever signs it off is required", key)
	}
	if so.On.IsZero() {
		return TickResult{}, fmt.Errorf("tick step %q: the sign-off date is required", key)
	}
	now := s.now()
	var res TickResult
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		step, err := stepTx(ctx, tx, clientID, key)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE checklist_steps SET done_on = ?, signed_off_by = ?, exception_note = ?
            WHERE id = ?`, Date(so.On), so.By, so.Exception, step.ID); err != nil {
			return err
		}
		step.Done, step.SignedOffBy, step.Exception = so.On, so.By, so.Exception
		res.Step = step
		reason := fmt.Sprintf("%s: signed off by %s on %s", step.Title, so.By, Date(so.On))
		if so.Exception != "" {
			reason += "; exception: " + so.Exception
		}
		if err := LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "checklist", From: "open",
			To: "done", Reason: reason}); err != nil {
			return err
		}
		var open int
		var status string
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM checklist_steps WHERE client_id = ?1 AND done_on IS NULL),
            status FROM clients WHERE id = ?1`, clientID).Scan(&open, &status); err != nil {
			return err
		}
		if open == 0 && status == statusNotice {
			res.Offboarded = true
			return SetStatus(ctx, tx, clientID, statusOffboarded, "every offboarding step is signed off", now)
		}
		return nil
	})
	if err != nil {
		return TickResult{}, fmt.Errorf("tick step %q of client %d: %w", key, clientID, err)
	}
	return res, nil
}

// UntickStep reopens a step signed off by mistake, saying why. A client
// that had become offboarded goes back under notice.
func (s *Store) UntickStep(ctx context.Context, clientID int64, key, reason string) error {
	now := s.now()
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		step, err := stepTx(ctx, tx, clientID, key)
		if err != nil {
			return err
		}
		if !step.IsDone() {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE checklist_steps SET done_on = NULL, signed_off_by = '', exception_note = ''
            WHERE id = ?`, step.ID); err != nil {
			return err
		}
		why := fmt.Sprintf("%s: reopened (was signed off by %s on %s)", step.Title, step.SignedOffBy, Date(step.Done))
		if r := strings.TrimSpace(reason); r != "" {
			why += "; " + r
		}
		if err := LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "checklist", From: "done",
			To: "open", Reason: why}); err != nil {
			return err
		}
		var status string
		if err := tx.QueryRowContext(ctx, "SELECT status FROM clients WHERE id = ?", clientID).Scan(&status); err != nil {
			return err
		}
		if status == statusOffboarded {
			return SetStatus(ctx, tx, clientID, statusNotice, "an offboarding step was reopened", now)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reopen step %q of client %d: %w", key, clientID, err)
	}
	return nil
}

func stepTx(ctx context.Context, tx *sql.Tx, clientID int64, key string) (StepRow, error) {
	step, err := scanStep(tx.QueryRowContext(ctx, "SELECT "+stepColumns+
		" FROM checklist_steps WHERE client_id = ? AND step_key = ?", clientID, key))
	if errors.Is(err, sql.ErrNoRows) {
		return step, ErrNoStep
	}
	return step, err
}
