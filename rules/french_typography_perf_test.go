package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// frLanguageOfSlow is frLanguageOf as first written, which the fast one
// must answer like.
func frLanguageOfSlow(seg string) frLang {
	en, fr := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if frEnglish[w] {
			en++
		}
		if frFrench[w] {
			fr++
		}
	}
	switch {
	case en == 0 && fr == 0:
		return frUnknownText
	case en == 0:
		return frFrenchText
	case fr == 0 && !strings.ContainsAny(strings.ToLower(seg), "àâéèêëîïôùûçœ"):
		return frEnglishText
	case en >= 3 && en >= 3*fr:
		return frEnglishText
	}
	return frFrenchText
}

// corpusTexts returns the Markdown files of the corpora, each whole and
// line by line.
func corpusTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	forEachCorpusMarkdown(t, func(_ string, src []byte) {
		texts = append(texts, string(src))
		texts = append(texts, strings.Split(string(src), "\n")...)
	})
	if len(texts) == 0 {
		t.Fatal("no corpus text")
	}
	return texts
}

func TestFrLanguageOfMatchesSlow(t *testing.T) {
	texts := []string{"", "The", "THE ÉTÉ", "the café", "İS", "the and is \xff\xfe é", "the\u0130s", "Ⓣⓗⓔ", "À LA", "the with is ŒUVRE", "the of to de"}
	texts = append(texts, corpusTexts(t)...)
	// Random mixes of function words, case, accents and odd bytes.
	pieces := []string{"the", "THE", "The", "and", "de", "LA", "été", "ÉTÉ", "voilà", "VOILÀ", "œ", "Œ", "İ", "ǅ", "\xff", " ", ", ", "-", "x", "should", "shoulder", "ﬁ", "ß", "K"}
	texts = append(texts, randomMixes(rand.New(rand.NewPCG(1, 2)), pieces, 12, 20000)...)
	for _, s := range texts {
		if got, want := frLanguageOf(s), frLanguageOfSlow(s); got != want {
			t.Fatalf("frLanguageOf(%.80q) = %v, want %v", s, got, want)
		}
	}
}

// TestFrLanguageOfEveryRune checks, for every rune, the assumption the
// fast frLanguageOf rests on: lowercasing a rune never changes whether it
// is a letter, so words split the same before and after lowercasing.
func TestFrLanguageOfEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsLetter(r) != unicode.IsLetter(unicode.ToLower(r)) {
			t.Fatalf("%U is a letter: %v, its lowercase %U: %v", r, unicode.IsLetter(r), unicode.ToLower(r), unicode.IsLetter(unicode.ToLower(r)))
		}
	}
}

// TestFrLangContextLazy checks that working out the last block's language
// on demand gives what updating it after every block gave.
func TestFrLangContextLazy(t *testing.T) {
	blocks := []string{"HTML:", "Le chat est là.", "x", "The cat is here.", "", "HTML:", "Voici le code", "42", "the end and the rest"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		lazy := &frLangContext{}
		eager := false
		for range rng.IntN(10) {
			text := blocks[rng.IntN(len(blocks))]
			if rng.IntN(2) == 0 && lazy.lastEnglish() != eager {
				t.Fatalf("lastEnglish() = %v, want %v", !eager, eager)
			}
			lazy.scanned(text)
			if v := frLanguageOfSlow(text); v != frUnknownText {
				eager = v == frEnglishText
			}
		}
		if lazy.lastEnglish() != eager {
			t.Fatalf("lastEnglish() = %v, want %v", !eager, eager)
		}
	}
}

// TestFrMarkFirstByte checks what the scan's byte skipping rests on: every
// mark's first byte is listed, and no UTF-8 continuation byte is.
func TestFrMarkFirstByte(t *testing.T) {
	for _, r := range ":;!?,.«»…" {
		if !frMarkFirstByte[string(r)[0]] {
			t.Errorf("the first byte of %q is missing", r)
		}
	}
	for b := 0x80; b < 0xC0; b++ {
		if frMarkFirstByte[b] {
			t.Errorf("continuation byte %#x is listed", b)
		}
	}
}
