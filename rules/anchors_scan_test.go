package rules

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/postlint/postlint/lint/linttest"
)

// The expressions the scanners of anchors.go replace, as the reference
// they must agree with.
var (
	attributeListRE = regexp.MustCompile(`\{:\s*([^}\n]*)\}`)
	footnoteDefRE   = regexp.MustCompile(`(?m)^\[\^([^\]]+)\]:`)
)

func checkAnchorScanners(t *testing.T, name string, b []byte) {
	t.Helper()
	var wantLists, wantLabels []string
	for _, m := range attributeListRE.FindAllSubmatch(b, -1) {
		wantLists = append(wantLists, string(m[1]))
	}
	for _, m := range footnoteDefRE.FindAllSubmatch(b, -1) {
		wantLabels = append(wantLabels, string(m[1]))
	}
	if got := attributeLists(b); !slices.Equal(got, wantLists) {
		t.Errorf("%s: attributeLists = %q, want %q", name, got, wantLists)
	}
	if got := footnoteLabels(b); !slices.Equal(got, wantLabels) {
		t.Errorf("%s: footnoteLabels = %q, want %q", name, got, wantLabels)
	}
	if !mayHoldHTMLID(b) && htmlIDRE.Match(b) {
		t.Errorf("%s: mayHoldHTMLID = false, but htmlIDRE matches %q", name, htmlIDRE.Find(b))
	}
}

var anchorScannerSeeds = []string{
	"{: #a .b}\n{:\n #c}\n{: x\n}\n{:#d}{: #e}",
	"[^1]: one\n[^two\nlines]: x\n [^no]: y\n[^]: z\n[^x] y\n[^a]:[^b]:\n",
	"[^open\n[^b]: c",
	`<a id="x"> <b NAME = 'y'> <p data-id="z"> <img	Id="w"> <ſ id="s">`,
	"id=x name= <a\nid\n=\n\"k\">",
	"<a> id='x' <1 id='y'> <b x=1 name =\t\"z\" <ſ id='s'> <\u212A name='k'>",
}

func TestAnchorScanners(t *testing.T) {
	for _, s := range anchorScannerSeeds {
		checkAnchorScanners(t, s, []byte(s))
	}
}

// TestAnchorScannersCorpora compares the scanners with the expressions on
// every Markdown and HTML file of the real blogs.
func TestAnchorScannersCorpora(t *testing.T) {
	root := linttest.Corpora(t)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checkAnchorScanners(t, p, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func FuzzAnchorScanners(f *testing.F) {
	for _, s := range anchorScannerSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAnchorScanners(t, "fuzz", []byte(s))
	})
}

// TestTagLetters pins the runes (?i)[a-z] matches, which
// startsWithTagLetter must know.
func TestTagLetters(t *testing.T) {
	re := regexp.MustCompile(`^(?i)[a-z]$`)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if re.MatchString(s) != startsWithTagLetter([]byte(s)) {
			t.Errorf("%U: the expression says %v", r, re.MatchString(s))
		}
	}
}

// BenchmarkFootnoteLabels reads the footnote labels of every Markdown page
// of the real blogs.
func BenchmarkFootnoteLabels(b *testing.B) {
	var pages [][]byte
	forEachCorpusMarkdown(b, func(_ string, src []byte) { pages = append(pages, src) })
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			footnoteLabels(p)
		}
	}
}

// TestIsSetextUnderline checks isSetextUnderline against the expression
// it replaces, on lines built from the pieces of underlines.
func TestIsSetextUnderline(t *testing.T) {
	re := regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	pieces := []string{" ", "  ", "\t", "=", "==", "-", "--", "\r", "\n", "\f", "\v", "a", "*", "_", "\u00a0"}
	rng := rand.New(rand.NewPCG(11, 12))
	matched := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := []byte(b.String())
		want := re.Match(line)
		if got := isSetextUnderline(line); got != want {
			t.Errorf("isSetextUnderline(%q) = %v, the expression says %v", line, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d lines match", matched)
	}
}
