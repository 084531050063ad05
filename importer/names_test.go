package importer

import "testing"

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"ACME, Inc.":              "acme",
		"Acme Inc":                "acme",
		"acme":                    "acme",
		"Smith & Sons Ltd":        "smith and sons",
		"  Brick-House  LLC ":     "brick house",
		"Inc":                     "inc",
		"Müller GmbH":             "müller",
		"Northwind Traders Co.":   "northwind traders",
		"O'Brien Dental, P.L.L.C": "obrien dental",
		"The Harbor Group":        "harbor group",
		"Acme Dental, Inc.":       "acme dental",
		"ACME DENTAL":             "acme dental",
		"Acme Dental LLC":         "acme dental",
		"Baker & Sons Ltd":        "baker and sons",
		"Baker and Sons Limited":  "baker and sons",
		"The O'Brien Group":       "obrien group",
		"Inc.":                    "inc",
		"  Fabrikam,  Inc  ":      "fabrikam",
		"Contoso Pty. Ltd.":       "contoso",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}
