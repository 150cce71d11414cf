package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// TestListLinkCountsCorpora checks that listItemLinks finds as many links
// as readItem counts, on every list of the real blogs and of pages that mix
// lists, quotes, images, code and raw HTML.
func TestListLinkCountsCorpora(t *testing.T) {
	listsSeen, withLinks := 0, 0
	check := func(p string, src []byte) {
		doc := lint.ParseFile(nil, p, p, src, "", nil)
		lists, most := listItemLinks(doc)
		wantMost := 0
		_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.List); !ok || !entering {
				return ast.WalkContinue, nil
			}
			listsSeen++
			want := 0
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				want += readItem(doc, nil, nil, nil, item, nil).links
			}
			if got := len(lists[n]); got != want {
				t.Errorf("%s: a list: listItemLinks finds %d, readItem counts %d", p, got, want)
			}
			if want > 0 {
				withLinks++
			}
			wantMost = max(wantMost, want)
			return ast.WalkContinue, nil
		})
		if most != wantMost {
			t.Errorf("%s: listItemLinks says the most is %d, want %d", p, most, wantMost)
		}
		if len(lists) > listsSeen {
			t.Errorf("%s: listItemLinks finds %d lists", p, len(lists))
		}
	}
	forEachCorpusMarkdown(t, check)
	pieces := []string{"- ", "* ", "1. ", "  ", "    ", "> ", "\n", "\n\n", "[a](b)", "[c][d]", "[d]: /d\n", "![i](j)", "![x [y](z)](w)",
		"`[k](l)`", "<span>[m](n)</span>", "<a href=\"o\">", "[p](q ![r](s))", "**[t](u)**", "text ", "```\n", "<div>\n", "| a | [v](w) |\n|---|---|\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i, page := range randomMixes(rng, pieces, 30, 3000) {
		check(fmt.Sprintf("mix%d.md", i), []byte(page))
	}
	if listsSeen < 500 || withLinks < 200 {
		t.Errorf("only %d lists, %d with links", listsSeen, withLinks)
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

// TestItemPostsCorpora checks that the links listItemLinks gives each
// item, in page order and one item after the other, resolve to the posts
// readItem finds, on every item of every list of the real blogs' posts,
// read with their sites.
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
			lists, _ := listItemLinks(doc)
			_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if _, ok := n.(*ast.List); !ok || !entering {
					return ast.WalkContinue, nil
				}
				links := lists[n]
				for item := n.FirstChild(); item != nil; item = item.NextSibling() {
					var got []*lint.Post
					if len(links) > 0 && links[0].item == item {
						got = itemPosts(doc, site, p, facts, links)
						for len(links) > 0 && links[0].item == item {
							links = links[1:]
						}
					}
					want := readItem(doc, site, p, facts, item, linkOf).posts
					if !slices.Equal(got, want) {
						t.Errorf("%s: an item: itemPosts = %v, readItem's posts %v", p.Path, got, want)
					}
					if len(got) > 0 {
						withPosts++
					}
				}
				if len(links) > 0 {
					t.Errorf("%s: a list: %d links of listItemLinks out of item order", p.Path, len(links))
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

// resolvedPosts returns the distinct posts the links of d resolve to as
// navigation links.
func resolvedPosts(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite) []*lint.Post {
	var out []*lint.Post
	for _, l := range d.Links() {
		if q := resolveNavLink(d, s, p, facts, l); q != nil && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// TestPostLinkDestinationsBound checks that postLinkDestinations counts at
// least as many destinations as a page has links to distinct posts, so
// that navIndex skips only pages without navigation lists: on every post
// of the real blogs, and on random pages of links, images and templates
// naming the posts of a Jekyll and a Hugo blog.
func TestPostLinkDestinationsBound(t *testing.T) {
	opts := defaultSeriesOrderOptions()
	pages, skipped, withPosts := 0, 0, 0
	check := func(s *lint.Site, p *lint.Post, facts *seriesSite, src []byte) {
		abs := filepath.Join(s.Root, filepath.FromSlash(p.Path))
		d := lint.ParseFileWithoutLanguage(s, abs, p.Path, src)
		posts := resolvedPosts(d, s, p, facts)
		bound := postLinkDestinations(s, src)
		pages++
		if len(posts) > 1 {
			withPosts++
		}
		if bound < len(posts) {
			t.Errorf("%s: %q: %d destinations counted, but links to %d posts", p.Path, src, bound, len(posts))
		}
		if bound < opts.MinLinks {
			skipped++
			if l := findNavLists(d, s, p, facts, opts.MinLinks); len(l) > 0 {
				t.Errorf("%s: %q: navigation lists but %d destinations counted", p.Path, src, bound)
			}
		}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	forEachCorpusSite(t, func(s *lint.Site) {
		facts := seriesFacts(s, opts)
		var pieces []string
		for _, p := range s.Posts {
			src, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(p.Path)))
			if err != nil {
				t.Fatal(err)
			}
			check(s, p, facts, src)
			if len(pieces) < 40 && (s.Kind == lint.SiteJekyll && p.Kind == "post" || s.Kind == lint.SiteHugo) {
				target := "{% post_url " + p.Name + " %}"
				if s.Kind == lint.SiteHugo {
					target = `{{< relref "/` + strings.TrimPrefix(p.Path, "content/") + `" >}}`
				}
				pieces = append(pieces, target)
				if urls := siteURLIndex(s).byFile[p.Path]; len(urls) > 0 {
					pieces = append(pieces, urls[0], s.URL+urls[0], "<"+urls[0]+">")
				}
			}
		}
		if !strings.Contains(s.Root, "ludovicalarcon") && !strings.Contains(s.Root, "zibok") {
			return
		}
		dests := slices.Concat(pieces, []string{"#x", "https://example.com/", "/img/a.png", "a b", "\\#x", "&#35;x", ""})
		p := s.Posts[0]
		for range 3000 {
			var b strings.Builder
			for range rng.IntN(12) {
				dest := dests[rng.IntN(len(dests))]
				switch rng.IntN(9) {
				case 0:
					b.WriteString("- [a](" + dest + ")\n")
				case 1:
					b.WriteString("![i](" + dest + ")")
				case 2:
					b.WriteString("[![t](" + dest + ")](" + dests[rng.IntN(len(dests))] + ")\n")
				case 3:
					b.WriteString("[r" + strconv.Itoa(rng.IntN(3)) + "]: " + dest + "\n")
				case 4:
					b.WriteString("* [b][r" + strconv.Itoa(rng.IntN(3)) + "]\n")
				case 5:
					b.WriteString("\\![x](" + dest + ") ")
				case 6:
					b.WriteString("`![c](" + dest + ")` [d](\n" + dest + ")\n")
				case 7:
					b.WriteString([]string{"\n", "\n\n", "- ", "**", "{% if x %}", "{{ site.baseurl }}"}[rng.IntN(6)])
				default:
					b.WriteString("1. [e](" + dest + ") ![f](" + dests[rng.IntN(len(dests))] + ")\n")
				}
			}
			check(s, p, facts, []byte(b.String()))
		}
	})
	t.Logf("%d pages, %d with links to posts, %d skipped", pages, withPosts, skipped)
	if withPosts < 500 || skipped < 500 {
		t.Errorf("%d pages with links to posts, %d skipped: too few", withPosts, skipped)
	}
}
