package rules

import (
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
// plain typo in English prose.
func TestMisspellCorpora(t *testing.T) {
	for _, c := range []struct {
		corpus string
		want   []string
	}{
		{"travisdowns", []string{
			`_posts/2019-05-22-sorting.md:150:248: "disapeared" is a misspelling of "disappeared"`,
			`_posts/2019-05-22-sorting.md:16:133: "performace" is a misspelling of "performance"`,
			`_posts/2019-05-22-sorting.md:209:92: "actaully" is a misspelling of "actually"`,
			`_posts/2019-05-22-sorting.md:259:329: "accomodate" is a misspelling of "accommodate"`,
			`_posts/2019-05-22-sorting.md:438:337: "performace" is a misspelling of "performance"`,
			`_posts/2019-05-22-sorting.md:442:138: "assmebly" is a misspelling of "assembly"`,
			`_posts/2020-01-20-zero.md:241:697: "woudl" is a misspelling of "would"`,
			`_posts/2020-02-05-now-with-comments.md:74:387: "thigns" is a misspelling of "things"`,
			`_posts/2020-05-13-intel-zero-opt.md:197:41: "Miscellanous" is a misspelling of "Miscellaneous"`,
			`_posts/2020-05-18-icelake-zero-opt.md:273:177: "slighly" is a misspelling of "slightly"`,
			`misc/comments-test.md:9:58: "assocaited" is a misspelling of "associated"`,
		}},
		{"hugo-theme-learn", []string{
			`content/cont/menushortcuts.en.md:38:72: "overriden" is a misspelling of "overridden"`,
		}},
		{"jekyll-docs", nil}, {"ludovicalarcon", nil}, {"pix-engineering", nil}, {"aeris-blog", nil},
		{"zibok", nil}, {"sauml", nil},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			got := proseCorpusFindings(t, c.corpus, Misspell)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
