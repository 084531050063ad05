package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Delivery methods of a notice, as the terminations table stores them.
const (
	DeliveryEmail = "email"
	DeliveryPost  = "post"
	DeliveryHand  = "hand"
)

// Termination is a notice of termination as sent.
type Termination struct {
	ID         int64
	ClientID   int64
	DocumentID int64
	Sent       time.Time
	NoticeDays int
	Effective  time.Time
	// Retention is the last day the client's data is kept.
	Retention time.Time
	Delivery  string
	CreatedAt time.Time
	// AgreementName and AgreementSigned name the agreement as the letter
	// did; blank for a notice recorded before they were kept.
	AgreementName   string
	AgreementSigned time.Time
	// LegalHold suspends the disposal of the client's data.
	LegalHold bool
	// ForCause marks a notice for cause, and ForCauseClause is the
	// agreement's clause it cited; empty for a notice recorded before
	// clauses were kept whose letter could not be read back.
	ForCause       bool
	ForCauseClause string
}

// SentLetter is a notice of termination being recorded as sent.
type SentLetter struct {
	ClientID int64
	// Title is the letter's subject line.
	Title string
	// Markdown is the letter byte for byte as exported.
	Markdown string
	// Path is where it was exported.
	Path       string
	Sent       time.Time
	NoticeDays int
	Effective  time.Time
	Retention  time.Time
	// Delivery is DeliveryEmail, DeliveryPost or DeliveryHand.
	Delivery string
	// Steps is the offboarding checklist to schedule, in working order;
	// only their Key, Title and Due are read.
	Steps []StepRow
	// AgreementName and AgreementSigned name the agreement being ended.
	AgreementName   string
	AgreementSigned time.Time
	// LegalHold suspends the disposal of the client's data.
	LegalHold bool
	// ForCause marks a notice for cause, under the agreement's clause
	// ForCauseClause.
	ForCause       bool
	ForCauseClause string
	// Supersedes allows a notice to a client already under notice: it
	// replaces the earlier notice and its checklist.
	Supersedes bool
	// ToneAccepted are the phrases the tone check found that the owner
	// acknowledged before sending; the decisions log keeps them.
	ToneAccepted []string
}

// ErrAlreadyNoticed reports a letter for a client already under notice or
// offboarded: a second notice would start a second checklist.
var ErrAlreadyNoticed = errors.New("the client has already been given notice")

// channelFor is the communications-log channel of a delivery method: a
// posted or hand-delivered notice is a letter.
func channelFor(delivery string) string {
	if delivery == DeliveryEmail {
		return "email"
	}
	return "letter"
}

// RecordLetterSent exports a notice of termination to its path and records
// it as sent, all or nothing: the letter as a document with its SHA-256, the
// terminations row, the client's status moved to notice, an entry in the
// communications log pointing at the document, and the offboarding
// checklist, in one transaction; the file is written last inside it and
// removed again if the commit fails. An existing file is never replaced.
// Seed 001: keep records of every communication.
//
// A re-engaged client may be given notice again; the finished checklist of
// the earlier notice is then replaced, and the decisions log says so.
func (s *Store) RecordLetterSent(ctx context.Context, l SentLetter) (Termination, error) {
	if err := l.check(); err != nil {
		return Termination{}, fmt.Errorf("record notice for client %d: %w", l.ClientID, err)
	}
	now := s.now()
	t := Termination{ClientID: l.ClientID, Sent: l.Sent, NoticeDays: l.NoticeDays, Effective: l.Effective,
		Retention: l.Retention, Delivery: l.Delivery, CreatedAt: now, AgreementName: l.AgreementName,
		AgreementSigned: l.AgreementSigned, LegalHold: l.LegalHold, ForCause: l.ForCause,
		ForCauseClause: strings.TrimSpace(l.ForCauseClause)}
	err := s.exportTx(ctx, func(tx *sql.Tx) error {
		if err := checkNoticeAllowed(ctx, tx, l.ClientID, l.Supersedes); err != nil {
			return err
		}
		if err := replaceChecklist(ctx, tx, l.ClientID, now); err != nil {
			return err
		}
		if err := insertTermination(ctx, tx, l, &t); err != nil {
			return err
		}
		if err := logNotice(ctx, tx, l, t.DocumentID, now); err != nil {
			return err
		}
		if err := scheduleChecklist(ctx, tx, l.ClientID, l.Steps); err != nil {
			return err
		}
		if err := deleteDraft(ctx, tx, l.ClientID, DraftLetter); err != nil {
			return err
		}
		return WriteExportFile(l.Path, l.Markdown, false)
	}, l.Path)
	if err != nil {
		return Termination{}, fmt.Errorf("record notice for client %d: %w", l.ClientID, err)
	}
	return t, nil
}

// checkNoticeAllowed refuses a notice to a client already under notice or
// offboarded, unless it supersedes the earlier notice of a client still
// under notice.
func checkNoticeAllowed(ctx context.Context, tx *sql.Tx, clientID int64, supersedes bool) error {
	var status string
	if err := tx.QueryRowContext(ctx, "SELECT status FROM clients WHERE id = ?", clientID).Scan(&status); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("client %d: %w", clientID, ErrNoClient)
		}
		return err
	}
	if (status == statusNotice && !supersedes) || status == statusOffboarded {
		return fmt.Errorf("client is %s: %w", status, ErrAlreadyNoticed)
	}
	return nil
}

// insertTermination keeps the letter as a sent document and records the
// notice, filling in t's document and own ids.
func insertTermination(ctx context.Context, tx *sql.Tx, l SentLetter, t *Termination) error {
	docID, err := RecordDocument(ctx, tx, Document{ClientID: l.ClientID, Kind: "termination", Title: l.Title,
		Markdown: l.Markdown, ExportedPath: l.Path, Sent: true, CreatedAt: t.CreatedAt})
	if err != nil {
		return err
	}
	t.DocumentID = docID
	res, err := tx.ExecContext(ctx, `INSERT INTO terminations (client_id, document_id, sent_on, notice_days,
        effective_on, retention_until, delivery, created_at, agreement_name, agreement_signed, legal_hold,
        for_cause, for_cause_clause)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ClientID, docID, Date(l.Sent), l.NoticeDays, Date(l.Effective), Date(l.Retention), l.Delivery, Timestamp(t.CreatedAt),
		l.AgreementName, nullDate(l.AgreementSigned), l.LegalHold, l.ForCause, t.ForCauseClause)
	if err != nil {
		return fmt.Errorf("record termination: %w", err)
	}
	t.ID, err = res.LastInsertId()
	return err
}

// logNotice writes the notice to the communications log, pointing at its
// document, and to the decisions log, and puts the client under notice.
func logNotice(ctx context.Context, tx *sql.Tx, l SentLetter, docID int64, now time.Time) error {
	summary := fmt.Sprintf("Notice of termination sent by %s on %s: %d days' notice, effective %s",
		l.Delivery, Date(l.Sent), l.NoticeDays, Date(l.Effective))
	if _, err := LogCommunication(ctx, tx, Communication{ClientID: l.ClientID, At: now, Channel: channelFor(l.Delivery),
		Direction: "outbound", Summary: summary, Body: fmt.Sprintf("%s\nexported to %s\nsha256 %s",
			l.Title, l.Path, SHA256Hex([]byte(l.Markdown))), DocumentID: docID}); err != nil {
		return err
	}
	if len(l.ToneAccepted) > 0 {
		if err := LogDecision(ctx, tx, Decision{ClientID: l.ClientID, At: now, Kind: "letter", To: "tone accepted",
			Reason: "sent with wording the tone check questioned: " + strings.Join(l.ToneAccepted, "; ")}); err != nil {
			return err
		}
	}
	if l.Supersedes {
		summary += "; supersedes the earlier notice"
	}
	if err := LogDecision(ctx, tx, Decision{ClientID: l.ClientID, At: now, Kind: "letter", To: "sent",
		Reason: summary}); err != nil {
		return err
	}
	return SetStatus(ctx, tx, l.ClientID, statusNotice, summary, now)
}

// scheduleChecklist inserts the offboarding steps in working order.
func scheduleChecklist(ctx context.Context, tx *sql.Tx, clientID int64, steps []StepRow) error {
	for i, st := range steps {
		if _, err := tx.ExecContext(ctx, `INSERT INTO checklist_steps (client_id, position, step_key, title, due_on)
            VALUES (?, ?, ?, ?, ?)`, clientID, i+1, st.Key, st.Title, Date(st.Due)); err != nil {
			return fmt.Errorf("schedule checklist step %q: %w", st.Key, err)
		}
	}
	return nil
}

// check refuses a letter whose facts do not hang together before anything
// is written.
func (l SentLetter) check() error {
	var problems []string
	if strings.TrimSpace(l.Markdown) == "" {
		problems = append(problems, "the letter is empty")
	}
	if strings.TrimSpace(l.Path) == "" {
		problems = append(problems, "the export path is empty")
	}
	if l.Sent.IsZero() || l.Effective.IsZero() || l.Retention.IsZero() {
		problems = append(problems, "the sent, effective and retention dates are all required")
	} else {
		if l.Effective.Before(l.Sent) {
			problems = append(problems, fmt.Sprintf("effective date %s is before the sent date %s", Date(l.Effective), Date(l.Sent)))
		}
		if l.Retention.Before(l.Effective) {
			problems = append(problems, fmt.Sprintf("retention deadline %s is before the effective date %s", Date(l.Retention), Date(l.Effective)))
		}
	}
	if l.ForCause && strings.TrimSpace(l.ForCauseClause) == "" {
		problems = append(problems, "a notice for cause names the clause of the agreement it is given under")
	}
	if l.NoticeDays < 0 {
		problems = append(problems, fmt.Sprintf("notice of %d days is negative", l.NoticeDays))
	}
	switch l.Delivery {
	case DeliveryEmail, DeliveryPost, DeliveryHand:
	default:
		problems = append(problems, fmt.Sprintf("delivery %q is not email, post or hand", l.Delivery))
	}
	if len(l.Steps) == 0 {
		problems = append(problems, "the offboarding checklist has no steps")
	}
	seen := map[string]bool{}
	for _, st := range l.Steps {
		if seen[st.Key] {
			problems = append(problems, fmt.Sprintf("checklist step %q appears twice", st.Key))
		}
		seen[st.Key] = true
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// replaceChecklist clears the checklist of an earlier notice (a client that
// was re-engaged and is now given notice again), recording in the decisions
// log what the old checklist held.
func replaceChecklist(ctx context.Context, tx *sql.Tx, clientID int64, now time.Time) error {
	var total, done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*), count(done_on) FROM checklist_steps WHERE client_id = ?`,
		clientID).Scan(&total, &done); err != nil {
		return fmt.Errorf("read earlier checklist: %w", err)
	}
	if total == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM checklist_steps WHERE client_id = ?", clientID); err != nil {
		return fmt.Errorf("clear earlier checklist: %w", err)
	}
	return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "checklist",
		From: fmt.Sprintf("%d of %d steps done", done, total), To: "replaced",
		Reason: "a new notice of termination starts a new checklist"})
}

// LatestTermination returns the client's most recent notice; ok is false
// when none was ever sent.
func (s *Store) LatestTermination(ctx context.Context, clientID int64) (t Termination, ok bool, err error) {
	var sent, eff, ret, created string
	var doc sql.NullInt64
	var signed sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT id, client_id, document_id, sent_on, notice_days, effective_on,
        retention_until, delivery, created_at, agreement_name, agreement_signed, legal_hold, for_cause, for_cause_clause
        FROM terminations WHERE client_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
		clientID).Scan(&t.ID, &t.ClientID, &doc, &sent, &t.NoticeDays, &eff, &ret, &t.Delivery, &created,
		&t.AgreementName, &signed, &t.LegalHold, &t.ForCause, &t.ForCauseClause)
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("read notice of client %d: %w", clientID, err)
	}
	t.DocumentID = doc.Int64
	t.Sent, t.Effective, t.Retention = parseDate(sent), parseDate(eff), parseDate(ret)
	t.CreatedAt, _ = time.Parse(time.RFC3339, created)
	t.AgreementSigned = parseDate(signed.String)
	return t, true, nil
}

// ErrCannotReengage reports a re-engagement of a client that was never
// given notice.
var ErrCannotReengage = errors.New("only a client under notice or offboarded can be re-engaged")

// Reengage marks a client under notice or offboarded as re-engaged, with a
// note on the new terms (seed 002's comment: a fired client came back on a
// narrower support contract). The note is required and goes to the
// decisions log with the status change.
func (s *Store) Reengage(ctx context.Context, clientID int64, terms string) error {
	terms = strings.TrimSpace(terms)
	if terms == "" {
		return fmt.Errorf("re-engage client %d: a note on the new terms is required", clientID)
	}
	now := s.now()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var status string
		if err := tx.QueryRowContext(ctx, "SELECT status FROM clients WHERE id = ?", clientID).Scan(&status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("re-engage client %d: %w", clientID, ErrNoClient)
			}
			return fmt.Errorf("re-engage client %d: %w", clientID, err)
		}
		if status != statusNotice && status != statusOffboarded {
			return fmt.Errorf("re-engage client %d: it is %s: %w", clientID, status, ErrCannotReengage)
		}
		if err := LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "re-engagement",
			From: status, To: statusReengaged, Reason: terms}); err != nil {
			return err
		}
		return SetStatus(ctx, tx, clientID, statusReengaged, "re-engaged on new terms: "+terms, now)
	})
}
