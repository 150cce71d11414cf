package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/yuin/goldmark/ast"
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

// headingsByWalk lists the headings checkHeadingIncrement read with
// ast.Walk, before forEachHeading: the reference it must agree with.
func headingsByWalk(root ast.Node) []*ast.Heading {
	var out []*ast.Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindHeading:
			out = append(out, n.(*ast.Heading))
			return ast.WalkSkipChildren, nil
		}
		if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TestForEachHeadingCorpora checks forEachHeading against ast.Walk on every
// Markdown page of the real blogs and on headings nested in lists, quotes
// and footnotes.
func TestForEachHeadingCorpora(t *testing.T) {
	pages, headings := 0, 0
	check := func(d *lint.Document) {
		var got []*ast.Heading
		forEachHeading(d.AST, func(h *ast.Heading) { got = append(got, h) })
		want := headingsByWalk(d.AST)
		if !slices.Equal(got, want) {
			t.Errorf("%s: forEachHeading finds %d headings, ast.Walk %d", d.Path, len(got), len(want))
		}
		pages++
		headings += len(want)
	}
	forEachCorpusSite(t, func(site *lint.Site) {
		for _, p := range site.Posts {
			abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			check(lint.ParseFile(site, abs, p.Path, src, "", nil))
		}
	})
	nested := "# A\n\n- item\n\n  ## In a list\n\n> ### In a quote\n>\n> - > #### Deeper\n\n" +
		"Text[^1].\n\n[^1]: note\n\n    ##### In a footnote\n\n```\n## not a heading\n```\n\n<div>\n\n## after HTML\n</div>\n\nSetext\n------\n"
	check(lint.ParseFile(nil, "/nested.md", "nested.md", []byte(nested), "", nil))
	if pages < 300 || headings < 1000 {
		t.Errorf("only %d pages and %d headings checked", pages, headings)
	}
}
