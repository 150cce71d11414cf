package rules

import (
	"slices"
	"testing"
)

// FuzzMatchJekyllPostName checks the hand-written match against Jekyll's
// regular expression.
func FuzzMatchJekyllPostName(f *testing.F) {
	for _, s := range []string{"2024-01-02-title", "24-1-2-x", "12345-01-02-x", "2024-123-02-x", "2024-01-02-", "2024-01-02", "2024-01-02-a\nb", "2024-01-02-a\rb", "1-01-02-x", "٢٠٢٤-01-02-x", "2024--02-x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := matchJekyllPostName(name), jekyllPostNameRE.FindStringSubmatch(name); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	})
}
