package rules

import (
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// TestListLinksCorpora checks that listLinks counts the links readItem
// counts, on every list of the real blogs.
func TestListLinksCorpora(t *testing.T) {
	lists := 0
	forEachCorpusMarkdown(t, func(p string, src []byte) {
		doc := lint.ParseFile(nil, p, p, src, "", nil)
		_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.List); !ok || !entering {
				return ast.WalkContinue, nil
			}
			lists++
			want := 0
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				want += readItem(doc, nil, nil, nil, item, nil).links
			}
			if got := listLinks(n); got != want {
				t.Errorf("%s: a list: listLinks = %d, readItem counts %d", p, got, want)
			}
			return ast.WalkContinue, nil
		})
	})
	if lists < 500 {
		t.Errorf("only %d lists", lists)
	}
}
