package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// TestListLinkCountsCorpora checks that listLinkCounts counts the links
// readItem counts, on every list of the real blogs and of pages that mix
// lists, quotes, images, code and raw HTML.
func TestListLinkCountsCorpora(t *testing.T) {
	lists, withLinks := 0, 0
	check := func(p string, src []byte) {
		doc := lint.ParseFile(nil, p, p, src, "", nil)
		counts, most := listLinkCounts(doc)
		wantMost := 0
		_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.List); !ok || !entering {
				return ast.WalkContinue, nil
			}
			lists++
			want := 0
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				want += readItem(doc, nil, nil, nil, item, nil).links
			}
			if got := counts[n]; got != want {
				t.Errorf("%s: a list: listLinkCounts = %d, readItem counts %d", p, got, want)
			}
			if want > 0 {
				withLinks++
			}
			wantMost = max(wantMost, want)
			return ast.WalkContinue, nil
		})
		if most != wantMost {
			t.Errorf("%s: listLinkCounts says the most is %d, want %d", p, most, wantMost)
		}
		if len(counts) > lists {
			t.Errorf("%s: listLinkCounts counts %d lists", p, len(counts))
		}
	}
	forEachCorpusMarkdown(t, check)
	pieces := []string{"- ", "* ", "1. ", "  ", "    ", "> ", "\n", "\n\n", "[a](b)", "[c][d]", "[d]: /d\n", "![i](j)", "![x [y](z)](w)",
		"`[k](l)`", "<span>[m](n)</span>", "<a href=\"o\">", "[p](q ![r](s))", "**[t](u)**", "text ", "```\n", "<div>\n", "| a | [v](w) |\n|---|---|\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i, page := range randomMixes(rng, pieces, 30, 3000) {
		check(fmt.Sprintf("mix%d.md", i), []byte(page))
	}
	if lists < 500 || withLinks < 200 {
		t.Errorf("only %d lists, %d with links", lists, withLinks)
	}
}

// navDestTagLinear is navDestTag as it was, walking the tags from the top
// of the page for each link: the reference the binary search must agree
// with.
func navDestTagLinear(d *lint.Document, l lint.Link) *lint.Tag {
	if !l.Located {
		return nil
	}
	for i := range d.Tags {
		t := &d.Tags[i]
		if t.Start >= l.DestSpan.End {
			break
		}
		if t.Start < l.DestSpan.Start || t.End > l.DestSpan.End || !t.Live() {
			continue
		}
		if namesPost(t) {
			return t
		}
	}
	return nil
}

// TestNavDestTagCorpora checks navDestTag against navDestTagLinear on every
// link of the real blogs and of pages that mix tags and links.
func TestNavDestTagCorpora(t *testing.T) {
	found := 0
	check := func(name string, src []byte) {
		doc := lint.ParseFile(nil, name, name, src, "", nil)
		for _, l := range doc.Links() {
			got, want := navDestTag(doc, l), navDestTagLinear(doc, l)
			if got != want {
				t.Errorf("%s: link %q: navDestTag = %v, want %v", name, l.Dest, got, want)
			}
			if got != nil {
				found++
			}
		}
	}
	forEachCorpusMarkdown(t, check)
	check("mix.md", []byte(`[a]({% post_url 2020-01-01-a %}) {{ x }} [b]({{< ref "b" >}}) [c]({% link _posts/c.md %})
[d]({{ site.baseurl }}{% post_url 2020-01-02-d %}) [e]({{< relref path="e" >}}#x) {% include x %} [f](/f/)
[g]({{</* ref "g" */>}}) [h]({% post_url %} "t") [i]({% if x %}{% link i.md %}{% endif %})`))
	if found < 6 {
		t.Errorf("only %d links name a post through a tag", found)
	}
}

// TestTitleClaimCache checks that the cache answers what findClaims does,
// on first and later reads, for every post title of the real blogs.
func TestTitleClaimCache(t *testing.T) {
	titles := 0
	forEachCorpusSite(t, func(site *lint.Site) {
		tc := titleClaimCacheOf(site)
		for range 2 {
			for _, p := range site.Posts {
				titles++
				if got, want := tc.find(p.Title), findClaims(p.Title, titleClaims); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: title %q: cached claims %v, want %v", p.Path, p.Title, got, want)
				}
			}
		}
	})
	if titles < 200 {
		t.Errorf("only %d titles", titles)
	}
}

// TestItemPostsCorpora checks that itemPosts finds the posts readItem
// finds, on every item of every list of the real blogs' posts, read with
// their sites.
func TestItemPostsCorpora(t *testing.T) {
	withPosts := 0
	forEachCorpusSite(t, func(site *lint.Site) {
		facts := seriesFacts(site, defaultSeriesOrderOptions())
		for _, p := range site.Posts {
			abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			doc := lint.ParseFileWithoutLanguage(site, abs, p.Path, src)
			linkOf := map[ast.Node]lint.Link{}
			for _, l := range doc.Links() {
				linkOf[l.Node] = l
			}
			_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if _, ok := n.(*ast.ListItem); !ok || !entering {
					return ast.WalkContinue, nil
				}
				got, want := itemPosts(doc, site, p, facts, n, linkOf), readItem(doc, site, p, facts, n, linkOf).posts
				if !slices.Equal(got, want) {
					t.Errorf("%s: an item: itemPosts = %v, readItem's posts %v", p.Path, got, want)
				}
				if len(got) > 0 {
					withPosts++
				}
				return ast.WalkContinue, nil
			})
		}
	})
	if withPosts < 20 {
		t.Errorf("only %d items link to posts", withPosts)
	}
}

// BenchmarkFindNavLists looks for navigation lists in every post of the
// real blogs, read with their sites, as checkSeries does for each page it
// checks (after other rules have asked for the page's links).
func BenchmarkFindNavLists(b *testing.B) {
	type page struct {
		site  *lint.Site
		post  *lint.Post
		facts *seriesSite
		doc   *lint.Document
	}
	var pages []page
	opts := defaultSeriesOrderOptions()
	forEachCorpusSite(b, func(site *lint.Site) {
		facts := seriesFacts(site, opts)
		for _, p := range site.Posts {
			abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
			src, err := os.ReadFile(abs)
			if err != nil {
				b.Fatal(err)
			}
			doc := lint.ParseFileWithoutLanguage(site, abs, p.Path, src)
			doc.Links()
			pages = append(pages, page{site, p, facts, doc})
		}
	})
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			findNavLists(pg.doc, pg.site, pg.post, pg.facts, opts.MinLinks)
		}
	}
}
