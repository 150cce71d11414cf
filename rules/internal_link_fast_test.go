package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
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

// The expressions hasScheme and baseurlTagEnd replace.
var (
	linkSchemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	baseurlTagRE = regexp.MustCompile(`^\{\{-?\s*site\.baseurl\s*-?\}\}`)
)

func checkDestPrefixes(t *testing.T, dest string) {
	t.Helper()
	if got, want := hasScheme(dest), linkSchemeRE.MatchString(dest); got != want {
		t.Errorf("hasScheme(%q) = %v, want %v", dest, got, want)
	}
	end, ok := baseurlTagEnd(dest)
	loc := baseurlTagRE.FindStringIndex(dest)
	if ok != (loc != nil) || ok && end != loc[1] {
		t.Errorf("baseurlTagEnd(%q) = %d, %v; the expression matches %v", dest, end, ok, loc)
	}
}

var destPrefixPieces = []string{"http", "s", ":", "//", "a", "Z", "9", "+", ".", "-", "_", "é", "/", "{{", "}}", "-", " ", "\t", "\n", "\v", "site.baseurl", "site", ".baseurl", "{%", "x"}

// TestDestPrefixes holds hasScheme and baseurlTagEnd to the expressions on
// random destinations.
func TestDestPrefixes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, s := range randomMixes(rng, destPrefixPieces, 8, 50000) {
		checkDestPrefixes(t, s)
	}
	for _, s := range []string{"{{ site.baseurl }}/a", "{{-site.baseurl-}}", "{{- site.baseurl -}}x", "mailto:a", "C:", "1a:", "a b:"} {
		checkDestPrefixes(t, s)
	}
}

func FuzzDestPrefixes(f *testing.F) {
	for _, s := range destPrefixPieces {
		f.Add(s)
	}
	f.Fuzz(checkDestPrefixes)
}

// BenchmarkDestPrefixes tests the destinations of every link of the real
// blogs for a scheme and a baseurl tag, with the expressions and without.
func BenchmarkDestPrefixes(b *testing.B) {
	var dests []string
	forEachCorpusMarkdown(b, func(p string, src []byte) {
		for _, l := range lint.ParseFile(nil, p, p, src, "", nil).Links() {
			dests = append(dests, l.Dest)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			for _, d := range dests {
				linkSchemeRE.MatchString(d)
				baseurlTagRE.FindStringIndex(d)
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			for _, d := range dests {
				hasScheme(d)
				baseurlTagEnd(d)
			}
		}
	})
}

// TestRelativeURLMatch checks relativeURLMatch against the expression on
// destinations built from the pieces of template tags.
func TestRelativeURLMatch(t *testing.T) {
	pieces := []string{"{{", "}}", "{%", "%}", "-", " ", "\"", "'", "/a", "|", "relative_url", "absolute_url", "post_url", "_url", "site.baseurl", "x"}
	rng := rand.New(rand.NewPCG(13, 14))
	matched := 0
	for i := range 100000 {
		var b strings.Builder
		if i%2 == 0 { // the expression's shape, with random parts
			b.WriteString("{{")
			for _, part := range [][]string{{"", "-"}, {"", " "}, {"\"", "'"}, {"/a", "", "x y"}, {"\"", "'"}, {"", " "}, {"|", "||"}, {" ", ""}, {"relative_url", "absolute_url", "post_url"}, {"", " "}, {"", "-"}, {"}}", "}} ", "%}"}} {
				b.WriteString(part[rng.IntN(len(part))])
			}
		}
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		dest := b.String()
		want := relativeURLRE.FindStringSubmatch(dest)
		if got := relativeURLMatch(dest); !slices.Equal(got, want) {
			t.Errorf("relativeURLMatch(%q) = %q, the expression says %q", dest, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d destinations match", matched)
	}
}
