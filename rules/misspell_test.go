package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

func TestMisspell(t *testing.T) {
	dir := "../testdata/jekyll-misspell"
	res := linttest.Run(t, dir, Misspell)
	fixed := applyFixes(t, dir, res.Findings)["_posts/2024-03-01-spelling.md"]
	for _, want := range []string{"We receive the events in a separate queue.", "Receive it now.", "## An occurred heading", "[to the receive docs](https://example.com/recieve-seperate)"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed text lacks %q:\n%s", want, fixed)
		}
	}
}

// TestMisspellCorpora pins the findings on the real blogs: every one is a
// plain typo in English prose. The expected findings are in
// testdata/misspell-corpora.golden ("corpus/path:line:col: message" lines),
// out of reach of the linters' own spell check.
func TestMisspellCorpora(t *testing.T) {
	golden, err := os.ReadFile("../testdata/misspell-corpora.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		corpus, rest, _ := strings.Cut(l, "/")
		want[corpus] = append(want[corpus], rest)
	}
	for _, c := range []string{"travisdowns", "hugo-theme-learn", "jekyll-docs", "ludovicalarcon", "pix-engineering", "aeris-blog", "zibok", "sauml"} {
		t.Run(c, func(t *testing.T) {
			got := proseCorpusFindings(t, c, Misspell)
			if strings.Join(got, "\n") != strings.Join(want[c], "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want[c], "\n"))
			}
		})
	}
}
