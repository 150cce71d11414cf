package rules

import (
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

func TestHeadingIncrement(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-heading-increment", HeadingIncrement)
}

// TestHeadingIncrementCorpora pins the findings on the real blogs: skipped
// levels (#### right after ##, often headings used to hold an image) and
// pages whose first heading is an h3 or deeper.
func TestHeadingIncrementCorpora(t *testing.T) {
	for _, c := range []struct {
		corpus      string
		jumps, deep int
	}{
		{"ludovicalarcon", 9, 0}, {"pix-engineering", 1, 1}, {"aeris-blog", 0, 0}, {"zibok", 0, 0},
		{"sauml", 0, 0}, {"hugo-theme-learn", 0, 9}, {"travisdowns", 0, 4}, {"jekyll-docs", 0, 15},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			got := proseCorpusFindings(t, c.corpus, HeadingIncrement)
			jumps, deep := 0, 0
			for _, l := range got {
				switch {
				case strings.Contains(l, "heading jumps from"):
					jumps++
				case strings.Contains(l, "the first heading is an h"):
					deep++
				}
			}
			if jumps != c.jumps || deep != c.deep || len(got) != jumps+deep {
				t.Errorf("%d jumps and %d deep first headings, want %d and %d:\n%s", jumps, deep, c.jumps, c.deep, strings.Join(got, "\n"))
			}
		})
	}
}
