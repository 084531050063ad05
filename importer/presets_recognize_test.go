package importer

import "testing"

// TestPresetsRecognizeTheirOwnHeader checks that no preset shadows another:
// a header of a preset's own column names is recognised as that preset.
func TestPresetsRecognizeTheirOwnHeader(t *testing.T) {
	for _, p := range append(append(append(append([]*Preset{}, accountingPresets...), psaPresets...), securityPresets...), clientPresets...) {
		var header []string
		for _, c := range p.Columns {
			header = append(header, c.Names[0])
		}
		header = append(header, p.Signature...)
		got, err := Recognize("export.csv", p.Kind, header)
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		if got.Name != p.Name {
			t.Errorf("%s's own header recognised as %s", p.Name, got.Name)
		}
	}
}
