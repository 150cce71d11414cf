package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFrenchWordsMatchesTokenizer keeps the allocation-free word scan of
// the site word counts in step with tokenizeFrench, on every Markdown file
// of the corpora and on tricky strings.
func TestFrenchWordsMatchesTokenizer(t *testing.T) {
	for _, text := range []string{"", "-", "a-", "-a", "peut-être l'écosystème", "x--y 3e 2-3 été… «citation»", "naïve\u0301 co-op’s"} {
		sameWords(t, text)
	}
	forEachCorpusMarkdown(t, func(_ string, src []byte) { sameWords(t, string(src)) })
}

func sameWords(t *testing.T, text string) {
	t.Helper()
	var got []string
	frenchWords(text, func(w string, upper bool) {
		got = append(got, w)
		if upper != (strings.ToLower(w) != w) {
			t.Errorf("frenchWords: %q has upper %v", w, upper)
		}
	})
	toks := tokenizeFrench(text)
	if len(got) != len(toks) {
		t.Fatalf("%d words, tokenizeFrench has %d, in %.80q", len(got), len(toks), text)
	}
	for i, tk := range toks {
		if got[i] != tk.text {
			t.Fatalf("word %d is %q, tokenizeFrench has %q", i, got[i], tk.text)
		}
	}
}

// TestMinBytesOfFourRunes checks the length from which wordFix takes a
// word to have four runes without counting them: on strings of every
// length up to 20 made of 1- to 4-byte runes and invalid bytes, and on
// plainLower words.
func TestMinBytesOfFourRunes(t *testing.T) {
	pieces := []string{"a", "é", "ß", "€", "😀", "\xff", "\xc3", "-", "Z"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for b.Len() < rng.IntN(21) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		w := b.String()
		plain := isPlainLowerSlow(w)
		for _, plainLower := range []bool{false, plain} {
			if len(w) >= minBytesOfFourRunes(plainLower) && utf8.RuneCountInString(w) < 4 {
				t.Fatalf("%q (plainLower %v) has %d runes", w, plainLower, utf8.RuneCountInString(w))
			}
		}
	}
}
