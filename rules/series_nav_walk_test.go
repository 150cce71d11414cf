package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// findNavListsWalk is findNavLists as it was, walking every node of the
// page: the reference the walk down to the candidate lists must agree with.
func findNavListsWalk(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, minLinks int) []navList {
	lists, most := listItemLinks(d)
	if most < minLinks {
		return nil
	}
	var linkOf map[ast.Node]lint.Link
	var out []navList
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.List); !ok {
			if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if links := lists[n]; len(links) < minLinks || !mayListPosts(d, s, p, facts, links, minLinks) {
			return ast.WalkContinue, nil
		}
		if linkOf == nil {
			linkOf = make(map[ast.Node]lint.Link, len(d.Links()))
			for _, l := range d.Links() {
				linkOf[l.Node] = l
			}
		}
		if l, ok := navListOf(d, s, p, facts, n, linkOf, minLinks); ok {
			out = append(out, l)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// TestFindNavListsWalkCorpora checks findNavLists against findNavListsWalk
// on every post of the real blogs and on pages of nested lists, quotes,
// tables and footnotes linking to the posts of a Jekyll and a Hugo blog,
// for several min-links.
func TestFindNavListsWalkCorpora(t *testing.T) {
	pages, found := 0, 0
	check := func(s *lint.Site, p *lint.Post, facts *seriesSite, src []byte) {
		abs := filepath.Join(s.Root, filepath.FromSlash(p.Path))
		pages++
		for _, minLinks := range []int{1, 2, 3} {
			d := lint.ParseFileWithoutLanguage(s, abs, p.Path, src)
			got := findNavLists(d, s, p, facts, minLinks)
			want := findNavListsWalk(d, s, p, facts, minLinks)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: min-links %d: %q: findNavLists = %v, want %v", p.Path, minLinks, src, got, want)
			}
			found += len(got)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	forEachCorpusSite(t, func(s *lint.Site) {
		facts := seriesFacts(s, defaultSeriesOrderOptions())
		var targets []string
		var targetPosts []*lint.Post
		for _, p := range s.Posts {
			src, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(p.Path)))
			if err != nil {
				t.Fatal(err)
			}
			check(s, p, facts, src)
			if urls := siteURLIndex(s).byFile[p.Path]; len(urls) > 0 && len(targets) < 8 {
				targets = append(targets, urls[0])
				targetPosts = append(targetPosts, p)
			}
		}
		if len(targets) < 4 || !strings.Contains(s.Root, "ludovicalarcon") && !strings.Contains(s.Root, "zibok") {
			return
		}
		// Pages of blocks: lists of links to distinct posts, this one's
		// among them, at some nesting, and other blocks between them.
		prefixes := []string{"", "", "  ", "> ", "- ", "1. ", "    ", "> - ", "[^1]: "}
		noise := []string{"text\n", "\n", "- item\n", "| a | b |\n|---|---|\n| [x](" + targets[0] + ") | y |\n", "```\n", "<div>\n", "**[b](" + targets[1] + ")**\n",
			"- [a](" + targets[0] + ")\n  - [b](" + targets[1] + ")\n  - [c](" + targets[2] + ")\n- [d](" + targets[3] + ")\n"}
		for range 1500 {
			self := rng.IntN(len(targets))
			var b strings.Builder
			for range 1 + rng.IntN(5) {
				if rng.IntN(3) == 0 {
					b.WriteString(noise[rng.IntN(len(noise))])
					continue
				}
				prefix, marker := prefixes[rng.IntN(len(prefixes))], []string{"- ", "* ", "1. "}[rng.IntN(3)]
				for i, k := range rng.Perm(len(targets))[:2+rng.IntN(len(targets)-2)] {
					if i > 0 && strings.HasPrefix(prefix, "- ") || strings.HasPrefix(prefix, "1. ") {
						b.WriteString(strings.Repeat(" ", len(prefix)))
					} else {
						b.WriteString(prefix)
					}
					b.WriteString(marker + "[Part " + strconv.Itoa(i+1) + "](" + targets[k] + ")\n")
				}
				b.WriteString("\n")
			}
			check(s, targetPosts[self], facts, []byte(b.String()))
		}
	})
	t.Logf("%d pages, %d navigation lists", pages, found)
	if found < 200 {
		t.Errorf("only %d navigation lists found", found)
	}
}
