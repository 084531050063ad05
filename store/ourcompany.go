package store

import (
	"context"

	"offboard/letters"
)

// OurCompany reads our own side of every document from the settings; an
// unset field stays empty, for the document to mark as missing.
func (s *Store) OurCompany(ctx context.Context) (letters.Company, error) {
	all, err := s.Settings(ctx)
	if err != nil {
		return letters.Company{}, err
	}
	return letters.Company{
		Name:        all[SettingCompanyName],
		Address:     all[SettingCompanyAddress],
		Signer:      all[SettingCompanySigner],
		SignerTitle: all[SettingCompanySignerTitle],
		Email:       all[SettingCompanyEmail],
		Phone:       all[SettingCompanyPhone],
	}, nil
}
