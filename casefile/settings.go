package casefile

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"offboard/scoring"
	"offboard/store"
)

// CompanyKeys are the settings that describe our own company on letters and
// plans (seed 001: a cordial final letter referencing the agreement). They
// live only in the database; the scoring keys are listed by scoring.Params.
var CompanyKeys = []scoring.Param{
	{Key: store.SettingCompanyName, Doc: "Our company's legal name, as it signs letters.", Allowed: "any text"},
	{Key: store.SettingCompanyAddress, Doc: `Our postal address; separate lines with "\n".`, Allowed: "any text"},
	{Key: store.SettingCompanySigner, Doc: "The person who signs letters and plans.", Allowed: "any text"},
	{Key: store.SettingCompanySignerTitle, Doc: "The signer's job title.", Allowed: "any text"},
	{Key: store.SettingCompanyEmail, Doc: "The contact email printed on letters.", Allowed: "an email address"},
	{Key: store.SettingCompanyPhone, Doc: "The contact phone number printed on letters.", Allowed: "any text"},
}

// ErrUnknownSetting reports a key that is neither a company detail nor a
// configuration key.
var ErrUnknownSetting = errors.New("unknown setting")

// CheckSetting validates a value before it is stored, for `offboard config
// set` and the workbench's settings alike: a company detail must not be
// blank (an email must look like one), and a configuration key must leave
// cfg, the configuration in force, coherent. On success cfg holds the new
// value, so several values are checked in turn against each other.
func CheckSetting(cfg *scoring.Config, key, value string) error {
	for _, p := range CompanyKeys {
		if p.Key != key {
			continue
		}
		v := strings.TrimSpace(value)
		if v == "" {
			return fmt.Errorf("setting %s: the value is empty; want %s", key, p.Allowed)
		}
		if key == store.SettingCompanyEmail && !looksLikeEmail(v) {
			return fmt.Errorf("setting %s: %q is not %s", key, v, p.Allowed)
		}
		return nil
	}
	var unknown *scoring.UnknownKeysError
	if err := cfg.Set(key, value); errors.As(err, &unknown) {
		return fmt.Errorf("%w %q; run 'offboard config' to list the keys", ErrUnknownSetting, key)
	} else if err != nil {
		return err
	}
	return nil
}

// looksLikeEmail is the check a letter needs: one @ with text on both sides
// and a dot in the domain, no spaces. Deliverability is the mail server's
// business.
func looksLikeEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t<>,;") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "@")
}

// ChangeSettings checks the values against the configuration in force, each
// against those before it, and stores them in one transaction, each change
// entering the record; a value that fails stores nothing. It returns the
// keys whose value changed.
func (d *Desk) ChangeSettings(ctx context.Context, changes []store.SettingChange) ([]string, error) {
	setup, err := d.Setup(ctx)
	if err != nil {
		return nil, err
	}
	cfg := setup.Config
	checked := make([]store.SettingChange, len(changes))
	for i, c := range changes {
		if err := CheckSetting(&cfg, c.Key, c.Value); err != nil {
			return nil, err
		}
		if isCompanyKey(c.Key) {
			c.Value = strings.TrimSpace(c.Value)
		}
		checked[i] = c
	}
	return d.Store.ChangeSettings(ctx, d.Now(), checked)
}

func isCompanyKey(key string) bool {
	for _, p := range CompanyKeys {
		if p.Key == key {
			return true
		}
	}
	return false
}
