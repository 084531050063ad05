package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"offboard/letters"
	"offboard/store"
)

// PurgeRequest asks for a client's personal data to be removed.
type PurgeRequest struct {
	ClientID int64
	// By is who removes it, as the certificate names them.
	By string
	// Force removes the data before its retention deadline, or for a client
	// never given notice; Reason must then say why.
	Force  bool
	Reason string
	// CertificatePath is where the certificate of destruction is written.
	CertificatePath string
}

// ErrRetained refuses a purge before the client's retention deadline.
var ErrRetained = errors.New("still within the retention period")

// Purge removes a client's personal data after its retention deadline (from
// the notice of termination), keeps the numbers and the record's hashes,
// writes a certificate of destruction and records it, and rewrites the file
// so nothing removed remains in it.
func (d *Desk) Purge(ctx context.Context, req PurgeRequest) (store.Purge, error) {
	p := store.Purge{ClientID: req.ClientID, At: d.Now(), By: strings.TrimSpace(req.By), ForcedReason: strings.TrimSpace(req.Reason)}
	cl, err := d.Store.Client(ctx, req.ClientID)
	if err != nil {
		return p, err
	}
	if err := d.checkRetention(ctx, cl, req, &p); err != nil {
		return p, err
	}
	if p.By == "" {
		return p, &FieldError{"by", "name who removes the data, as the certificate will"}
	}
	company, _, err := d.Store.Setting(ctx, store.SettingCompanyName)
	if err != nil {
		return p, err
	}
	p.Clause = cl.TerminationClause
	err = d.Store.Tx(ctx, func(tx *sql.Tx) error {
		if err := store.BeginPurge(ctx, tx, &p); err != nil {
			return err
		}
		entries, err := store.PurgedEntries(ctx, tx, cl.ID)
		if err != nil {
			return err
		}
		cert := letters.Certificate(letters.CertificateInput{Company: company, Client: cl.Name, Agreement: cl.AgreementName,
			Clause: p.Clause, RetentionUntil: p.RetentionUntil, At: p.At, By: p.By, ForcedReason: p.ForcedReason,
			Removed: p.Removed, Entries: entries})
		if err := store.WriteExportFile(req.CertificatePath, cert, false); err != nil {
			return err
		}
		p.CertificatePath, p.CertificateSHA256 = absPath(req.CertificatePath), store.SHA256Hex([]byte(cert))
		if err := store.FinishPurge(ctx, tx, p); err != nil {
			os.Remove(req.CertificatePath)
			return err
		}
		return nil
	})
	if err != nil {
		return p, err
	}
	return p, d.Store.Compact(ctx)
}

// checkRetention refuses a purge before the retention deadline the notice
// set, or while the notice's legal hold lasts, unless forced with a reason.
func (d *Desk) checkRetention(ctx context.Context, cl store.Client, req PurgeRequest, p *store.Purge) error {
	t, ok, err := d.Store.LatestTermination(ctx, cl.ID)
	if err != nil {
		return err
	}
	if ok {
		p.RetentionUntil = t.Retention
	}
	if req.Force {
		if p.ForcedReason == "" {
			return &FieldError{"reason", "a purge before the retention deadline needs a reason, kept in the record"}
		}
		return nil
	}
	p.ForcedReason = ""
	today := d.Now().Format("2006-01-02")
	switch {
	case !ok:
		return fmt.Errorf("%w: %s has not been given notice, so no retention deadline has passed (--force with a --reason removes the data all the same)", ErrRetained, cl.Name)
	case t.LegalHold:
		return fmt.Errorf("%w: the notice placed the data under a legal hold, which suspends its disposal until the hold is lifted in writing (--force with a --reason removes it then)", ErrRetained)
	case today <= t.Retention.Format("2006-01-02"):
		return fmt.Errorf("%w: the data is kept until %s, as the notice set out (--force with a --reason removes it earlier)",
			ErrRetained, t.Retention.Format("Monday, 2 January 2006"))
	}
	return nil
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
