package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The tokenizer as first written, without fast paths: the tokenizer must
// give the same tokens.

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
func tokenizeFrenchSlow(text string) []frToken {
	var toks []frToken
	i := 0
	sentence := true
	for i < len(text) {
		// Separator.
		sepStart := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRuneSlow(r) {
				break
			}
			switch r {
			case '.', '!', '?', '\n', '…':
				// Prose blocks hold no list bullets or heading marks: a new
				// line starts a list item's or a heading's text.
				sentence = true
			case ' ', '\t', '\u00a0', '\u202f', '\r', '«', '»', '"', '(', '“', '”':
			default:
				if !isApostrophe(r) {
					sentence = false
				}
			}
			i += size
		}
		if i >= len(text) {
			break
		}
		sep := classifySepSlow(text[sepStart:i])
		if len(toks) == 0 && sepStart == 0 && i == 0 {
			sep = sepNone
		}
		// Word.
		start := i
		var hasDigit bool
		i, hasDigit = wordEndSlow(text, start)
		w := text[start:i]
		toks = append(toks, frToken{start: start, end: i, text: w, lower: strings.ToLower(w), sep: sep, sentenceStart: sentence, hasDigit: hasDigit,
			codeLike: codeBeforeSlow(text[:start]) || codeAfterSlow(text[i:])})
		sentence = false
	}
	return toks
}
func wordEndSlow(text string, start int) (end int, hasDigit bool) {
	i := start
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRuneSlow(r) {
			if unicode.IsDigit(r) {
				hasDigit = true
			}
			i += size
			continue
		}
		if r == '-' && i+1 < len(text) {
			n, _ := utf8.DecodeRuneInString(text[i+1:])
			if isWordRuneSlow(n) && i > start {
				i += size
				continue
			}
		}
		break
	}
	return i, hasDigit
}
func classifySepSlow(s string) frSep {
	if s == "" {
		return sepNone
	}
	if s == "'" || s == "’" {
		return sepApos
	}
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return sepSpace
	}
	return sepOther
}
func shapeOfSlow(w string) caseShape {
	upper, lower := 0, 0
	first := true
	firstUpper := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			upper++
			if first {
				firstUpper = true
			}
		} else {
			lower++
		}
		first = false
	}
	switch {
	case upper == 0:
		return caseLower
	case lower == 0 && upper > 1:
		return caseUpper
	case firstUpper && upper == 1:
		return caseTitle
	}
	return caseMixed
}
func codeBeforeSlow(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("/\\_@#=~$<{.", r)
}
func codeAfterSlow(after string) bool {
	r, size := utf8.DecodeRuneInString(after)
	if strings.ContainsRune("/\\_=@({", r) {
		return true
	}
	if r == '.' || r == ':' {
		n, _ := utf8.DecodeRuneInString(after[size:])
		return unicode.IsLetter(n) || n == '/'
	}
	return false
}

// tokenizerTexts are corpus texts plus random mixes of the characters the
// tokenizer treats apart.
func tokenizerTexts(t *testing.T) []string {
	texts := append([]string{"", "-", "a-", "-a", "peut-être l'écosystème", "x--y 3e 2-3 été… «citation»", "naïve\u0301 co-op’s", "ÉTÉ İstanbul ǅemal ＡＢＣ ٣ x\xffy"}, corpusTexts(t)...)
	pieces := []string{"a", "É", "é", "Z", "3", "٣", "\u0301", "-", "'", "’", " ", "\u00a0", ".", "!", "\n", "…", "«", "/", "_", "@", ":", "x", "İ", "ǅ", "ß", "\xff", "ﬁ", "Ⓐ", "Ⅻ", "\t", "(", "{"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestTokenizeFrenchMatchesSlow(t *testing.T) {
	var reused []frToken
	for _, text := range tokenizerTexts(t) {
		want := tokenizeFrenchSlow(text)
		reused = appendFrenchTokens(reused[:0], text)
		for _, got := range [][]frToken{tokenizeFrench(text), reused} {
			if len(got) != len(want) {
				t.Fatalf("%d tokens, want %d, in %.80q", len(got), len(want), text)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("token %d is %+v, want %+v, in %.80q", i, got[i], want[i], text)
				}
			}
		}
		for _, tk := range want {
			if shapeOf(tk.text) != shapeOfSlow(tk.text) {
				t.Fatalf("shapeOf(%q) = %v, want %v", tk.text, shapeOf(tk.text), shapeOfSlow(tk.text))
			}
		}
	}
}

func TestWordRunesEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isWordRune(r) != isWordRuneSlow(r) {
			t.Fatalf("isWordRune(%U) = %v", r, isWordRune(r))
		}
		s := string(r)
		if shapeOf(s) != shapeOfSlow(s) || classifySep(s) != classifySepSlow(s) || codeBefore(s) != codeBeforeSlow(s) || codeAfter(s) != codeAfterSlow(s) {
			t.Fatalf("the fast paths differ on %U", r)
		}
	}
}
