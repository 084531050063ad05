package casefile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"offboard/store"
)

// licenceText is a licence as typed: "42 x Microsoft 365 Business Premium
// until 2027-04-30 annual" (× or x; annual or monthly).
var licenceText = regexp.MustCompile(`^(\d+)\s*[×xX*]\s*(.+?)\s+until\s+(\d{4}-\d{2}-\d{2})\s+(annual|monthly)$`)

// ParseLicence reads a licence typed as QUANTITY x PRODUCT until
// YYYY-MM-DD annual|monthly, for the client with id clientID.
func ParseLicence(clientID int64, text string) (store.Licence, error) {
	m := licenceText.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return store.Licence{}, fmt.Errorf("licence %q: want QUANTITY x PRODUCT until YYYY-MM-DD annual|monthly", text)
	}
	qty, err := strconv.Atoi(m[1])
	if err != nil {
		return store.Licence{}, fmt.Errorf("licence %q: %w", text, err)
	}
	end, err := parseTyped(m[3])
	if err != nil {
		return store.Licence{}, fmt.Errorf("licence %q: %w", text, err)
	}
	return store.Licence{ClientID: clientID, Product: m[2], Quantity: qty, TermEnd: end, Billing: m[4]}, nil
}
