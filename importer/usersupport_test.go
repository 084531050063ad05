package importer

import "testing"

func TestUserSupport(t *testing.T) {
	cases := []struct {
		category string
		want     bool
	}{
		{"", false},
		{"User support", true},
		{"END USER", true},
		{"Users", true},
		{"Password reset", true},
		{"Passwords", true},
		{"How to", true},
		{"How-to question", true},
		{"Training", true},
		{"User account", true},
		{"Accounts", true},
		{"Printer", true},
		{"Printers and scanners", true},
		{"Onboarding", true},
		{"Access Request", true},
		{"Issue Type: Access request / Sub-Issue: Mailbox", true},
		// Whole words only: these name systems, not people.
		{"Accounting software", false},
		{"Network", false},
		{"Server", false},
		{"incident", false},
		{"Service Request", false},
		{"Userland", false},
		{"Access", false},
	}
	for _, tc := range cases {
		if got := UserSupport(tc.category); got != tc.want {
			t.Errorf("UserSupport(%q) = %v, want %v", tc.category, got, tc.want)
		}
	}
}
