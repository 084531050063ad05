package casefile

import (
	"context"

	"offboard/letters"
	"offboard/store"
)

// OurCompany reads our own side of every document from the settings; an
// unset field stays empty, for the document to mark as missing.
func (d *Desk) OurCompany(ctx context.Context) (letters.Company, error) {
	all, err := d.Store.Settings(ctx)
	if err != nil {
		return letters.Company{}, err
	}
	return letters.Company{
		Name:        all[store.SettingCompanyName],
		Address:     all[store.SettingCompanyAddress],
		Signer:      all[store.SettingCompanySigner],
		SignerTitle: all[store.SettingCompanySignerTitle],
		Email:       all[store.SettingCompanyEmail],
		Phone:       all[store.SettingCompanyPhone],
	}, nil
}
