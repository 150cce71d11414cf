package rules

import (
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
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
			plainLower: isPlainLowerSlow(w), codeLike: codeBeforeSlow(text[:start]) || codeAfterSlow(text[i:])})
		sentence = false
	}
	return toks
}
func isPlainLowerSlow(w string) bool {
	for _, r := range w {
		if ('a' > r || r > 'z') && ('ß' > r || r > 'ÿ' || r == '÷') {
			return false
		}
	}
	return true
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
	return append(texts, randomMixes(rand.New(rand.NewPCG(5, 6)), pieces, 16, 20000)...)
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
		if shapeOf(text) != shapeOfSlow(text) {
			t.Fatalf("shapeOf(%.80q) = %v, want %v", text, shapeOf(text), shapeOfSlow(text))
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

func TestAppendLowerMatchesToLower(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := string(r); string(appendLower(nil, s)) != strings.ToLower(s) {
			t.Fatalf("appendLower(%U) = %q, want %q", r, appendLower(nil, s), strings.ToLower(s))
		}
	}
	texts := tokenizerTexts(t)
	// Every ASCII byte at every place of the eight bytes lowered at once.
	for c := range utf8.RuneSelf {
		for at := range 9 {
			texts = append(texts, strings.Repeat("Az", at)[:at]+string(rune(c))+"@Z[`a{ ÉMILE Zz")
		}
	}
	for _, s := range texts {
		if got := string(appendLower(nil, s)); got != strings.ToLower(s) {
			t.Fatalf("appendLower(%.80q) = %.80q, want %.80q", s, got, strings.ToLower(s))
		}
		if got := string(appendLower([]byte("x"), []byte(s))); got != "x"+strings.ToLower(s) {
			t.Fatalf("appendLower of the bytes of %.80q = %.80q", s, got)
		}
	}
}

// countSiteWordsSlow is the site word count as first written.
func countSiteWordsSlow(site *lint.Site) map[string]int {
	counts := map[string]int{}
	for _, p := range site.Posts {
		b, err := os.ReadFile(filepath.Join(site.Root, filepath.FromSlash(p.Path)))
		if err != nil {
			continue
		}
		seen := map[string]bool{}
		frenchWords(string(b), func(w string, _ bool) {
			if lower := strings.ToLower(w); !seen[lower] {
				seen[lower] = true
				counts[lower]++
			}
		})
	}
	return counts
}

func TestCountSiteWordsMatchesSlow(t *testing.T) {
	for _, name := range []string{"aeris-blog", "zibok", "hugo-theme-learn"} {
		dir := filepath.Join(linttest.Corpora(t), name)
		kind := lint.SiteJekyll
		if _, err := os.Stat(filepath.Join(dir, "_config.yml")); err != nil {
			kind = lint.SiteHugo
		}
		site, err := lint.LoadSite(dir, kind)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := countSiteWords(site), countSiteWordsSlow(site); !maps.Equal(got, want) || len(got) < 1000 {
			t.Fatalf("%s: %d words counted, want %d", name, len(got), len(want))
		}
	}
}

// frenchCorpusSites are the corpus sites with French pages.
var frenchCorpusSites = []string{"aeris-blog", "hugo-theme-learn", "ludovicalarcon", "pix-engineering", "sauml", "zibok"}

func loadCorpusSite(t *testing.T, name string) *lint.Site {
	t.Helper()
	dir := filepath.Join(linttest.Corpora(t), name)
	root, kind := lint.DiscoverSite(dir, dir)
	site, err := lint.LoadSite(root, kind)
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestSiteVocabularyMatchesSlow holds the site vocabulary, which searches
// the site's lowercased text for the word asked, to the full count of
// every word: on every word of every French corpus site, on the pieces
// of those words (the parts of "peut-être", a word cut short) and on
// words that are no word of the site.
func TestSiteVocabularyMatchesSlow(t *testing.T) {
	for _, name := range frenchCorpusSites {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			site := loadCorpusSite(t, name)
			want := countSiteWordsSlow(site)
			if len(want) < 100 {
				t.Fatalf("%d words", len(want))
			}
			sameUses(t, site, want, vocabularyProbes(want))
		})
	}
}

// TestSiteVocabularyMatchesSlowOnOddText does the same on a site whose
// pages are random mixes of the characters the tokenizer and lowercasing
// treat apart (capitals that change length, invalid bytes, hyphens).
func TestSiteVocabularyMatchesSlowOnOddText(t *testing.T) {
	pieces := []string{"a", "é", "É", "E", "Z", "3", "٣", "\u0301", "-", "--", "'", "’", " ", "\u00a0", ".", "\n", "…", "/", "_", "x", "İ", "ı", "ǅ", "ß", "ẞ", "K", "\u212a", "Ω", "\xff", "\xe2\x82", "ﬁ", "Ⓐ", "Ⅻ"}
	rng := rand.New(rand.NewPCG(7, 8))
	var bodies []string
	for range 8 {
		bodies = append(bodies, strings.Join(randomMixes(rng, pieces, 12, 300), " "))
	}
	site, err := lint.LoadSite(writeFrenchSite(t, bodies...), lint.SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	want := countSiteWordsSlow(site)
	probes := append(vocabularyProbes(want), randomMixes(rng, pieces, 6, 5000)...)
	sameUses(t, site, want, probes)
}

// vocabularyProbes returns the words of counts, the parts of those with
// hyphens and, for one word in eight, the word without its first or its
// last rune (found inside a longer word), plus strings that are no word.
func vocabularyProbes(counts map[string]int) []string {
	probes := []string{"", "-", "é", "zzzz", "l'écosystème", "Le", "peut être"}
	for i, w := range slices.Sorted(maps.Keys(counts)) {
		probes = append(probes, w)
		if strings.Contains(w, "-") {
			probes = append(probes, strings.Split(w, "-")...)
		}
		if i%8 == 0 {
			_, first := utf8.DecodeRuneInString(w)
			_, last := utf8.DecodeLastRuneInString(w)
			probes = append(probes, w[first:], w[:len(w)-last])
		}
	}
	return probes
}

// sameUses checks uses on every probe, with the site's text kept and,
// over the size cap, with the words counted.
func sameUses(t *testing.T, site *lint.Site, want map[string]int, probes []string) {
	t.Helper()
	kept := &siteVocabulary{site: site}
	counted := &siteVocabulary{site: site}
	counted.once.Do(func() { counted.read(0) })
	if counted.counts == nil {
		t.Fatal("the words are not counted over the size cap")
	}
	for _, w := range probes {
		if got := kept.uses(w); got != want[w] {
			t.Fatalf("uses(%q) = %d, want %d", w, got, want[w])
		}
		if got := counted.uses(w); got != want[w] {
			t.Fatalf("over the cap, uses(%q) = %d, want %d", w, got, want[w])
		}
	}
	if kept.lowered == nil {
		t.Fatal("the site's text is not kept")
	}
}

// TestLowerKeepsWordRunes checks what hasWord relies on: lowercasing a
// rune never turns a word rune into another kind, nor anything into a
// hyphen or a hyphen into anything else.
func TestLowerKeepsWordRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		lower := []rune(string(appendLower(nil, string(r))))
		if len(lower) != 1 || isWordRune(lower[0]) != isWordRune(r) || (lower[0] == '-') != (r == '-') {
			t.Fatalf("%U lowercases to %U", r, lower)
		}
	}
}

func TestParticipleForKeysEndInIt(t *testing.T) {
	for k := range participleFor {
		if !strings.HasSuffix(k, "it") {
			t.Errorf("participleFor[%q]: checkPatterns only looks up words in -it", k)
		}
	}
}

// TestWordEndHasUpper checks wordEnd's hasUpper on every word rune.
func TestWordEndHasUpper(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r) + "a"
		if !isWordRune(r) || !utf8.ValidString(s) {
			continue
		}
		end, _, upper, plainLower := wordEnd(s, 0)
		if end != len(s) || upper != (strings.ToLower(s) != s) || plainLower != isPlainLowerSlow(s) {
			t.Fatalf("wordEnd(%U) = %d, upper %v, plainLower %v", r, end, upper, plainLower)
		}
		if plainLower && (shapeOf(s) != caseLower || !unicode.IsLetter(r) || unicode.IsUpper(r)) {
			t.Fatalf("%U is plainLower but no lowercase letter", r)
		}
	}
}
