package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/postlint/postlint/lint"
)

// TestEditDistanceBelow holds editDistanceBelow to lint.EditDistance on
// random strings of one- to four-byte runes.
func TestEditDistanceBelow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "b", "é", "e", "/", "-", "日", "😀", "ab", "post"}
	words := randomMixes(rng, pieces, 8, 4000)
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		want := lint.EditDistance(a, b)
		for limit := 0; limit < 8; limit++ {
			d, ok := editDistanceBelow(a, b, limit)
			if ok != (want < limit) || ok && d != want {
				t.Fatalf("editDistanceBelow(%q, %q, %d) = %d, %v; distance %d", a, b, limit, d, ok, want)
			}
		}
	}
}
