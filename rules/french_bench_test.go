package rules

import (
	"testing"
	"time"
)

func TestFrenchDictSpeed(t *testing.T) {
	start := time.Now()
	d := (&frenchDictLoader{}).get("", nil)
	if d == nil {
		t.Skip("no French hunspell dictionary (apt-get install hunspell-fr)")
	}
	t.Logf("load %v (%s)", time.Since(start), d.path)
	words := []string{"precisement", "ecosystem", "complétement", "interessant", "generalement", "deploiement", "configuration", "kubernetes", "observabilite", "hebergement"}
	start = time.Now()
	for _, w := range words {
		fix, ok := d.accentFix(w)
		t.Logf("%s → %q %v", w, fix, ok)
	}
	t.Logf("%v per word", time.Since(start)/time.Duration(len(words)))
}
