package rules

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// SeriesOrderOptions configures series-order.
type SeriesOrderOptions struct {
	// SeriesKey is the front matter key that names a post's series.
	SeriesKey string `yaml:"series-key"`
	// PartKeys are the front matter keys that give a post's explicit part
	// number, first found wins.
	PartKeys []string `yaml:"part-keys"`
	// MinLinks is how many items of a list must link to other posts for the
	// list to count as a series navigation list.
	MinLinks int `yaml:"min-links"`
}

// Validate rejects options that would make every list or no list a series.
func (o *SeriesOrderOptions) Validate() error {
	if strings.TrimSpace(o.SeriesKey) == "" {
		return errors.New("series-key must not be empty")
	}
	if o.MinLinks < 1 {
		return errors.New("min-links must be at least 1")
	}
	return nil
}

func defaultSeriesOrderOptions() *SeriesOrderOptions {
	return &SeriesOrderOptions{SeriesKey: "series", PartKeys: []string{"part", "series_part"}, MinLinks: 2}
}

// SeriesOrder checks that multi-part series are numbered and ordered the way
// their dates say.
var SeriesOrder = &lint.Rule{
	Name:            "series-order",
	Summary:         "multi-part series: ordinal claims, navigation lists, title numbers and part numbers agree with the dates",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"series", "links", "french"},
	NewOptions:      func() any { return defaultSeriesOrderOptions() },
	Doc:             seriesOrderDoc,
	Check: func(pass *lint.Pass) {
		opts, _ := pass.Options.(*SeriesOrderOptions)
		if opts == nil {
			opts = defaultSeriesOrderOptions()
		}
		checkSeries(pass, opts)
	},
}

const seriesOrderDoc = `Checks multi-part blog series: that the parts say the position their dates
give them. Series rot quietly: a part is copied from the previous one and
keeps "this is the second post of a series", a navigation list is pasted in
the wrong order, a part published later is never added to the older parts'
lists.

## How a series is found

1. **Front matter**: posts that share a ` + "`series: NAME`" + ` value (a string or a
   list of strings; the key is configurable) form a series.
2. **Navigation list** in the body: a Markdown list where at least two items
   (option ` + "`min-links`" + `) link to other posts of the site, through
   ` + "`{% post_url %}`" + `, ` + "`{% link %}`" + `, ` + "`{{< ref >}}`" + `/` + "`{{< relref >}}`" + ` or a relative link
   that resolves to a post (and, on Jekyll, a permalink URL such as
   ` + "`{{ site.baseurl }}/2023/04/20/slug.html`" + ` whose slug names one post of
   that year), and one item is this post: a link to itself, or an
   unlinked item that says "vous êtes ici"/"you are here", repeats this
   post's title, or is bold and shaped like the linked items (` + "`__Jour 3__`" + `
   among "Jour 1", "Jour 2"). Lists of external links are never series, and
   a bold heading item ("**À lire aussi**") does not make a list one.

A series is ordered by date: the front matter ` + "`date`" + ` with its time when
given (two parts published the same day are ordered by their times), else the
date in the file name. Posts with the same date and no time are tied: either
order is accepted. Drafts and unpublished posts (` + "`published: false`" + `) are not members.

## What is reported

- a navigation list whose order disagrees with the dates;
- this post's own item at the wrong place in its navigation list;
- an ordinal claim about this post, in its prose or title, that disagrees with
  its position: "Cet article est le deuxième d'une série" in part 3,
  "ce troisième volet", "This is the second post in a series", "part 2 of 3",
  "Partie 2", "(2/3)", "#2" in a title; French ` + "`premier/première/1er/1re`" + `,
  ` + "`deuxième/second(e)/2e/2nd`" + `, ` + "`troisième/3e`" + ` … ` + "`douzième`" + `, English
  ` + "`first`" + ` … ` + "`twelfth`" + `, ` + "`1st`" + `, ` + "`2nd`" + ` …, also across a line break; "le
  dernier de la série" / "the last post in the series" when a later part
  exists;
- day numbers in titles ("Jour 1", "Day 2") that do not increase with the
  dates (a day may be skipped: "Jour 1", "Jour 3" is fine);
- a list item whose number disagrees with the title of the post it links to
  ("[Jour 2]" linking to the post titled "… Jour 3");
- explicit ` + "`part:`" + `/` + "`series_part:`" + ` values that disagree with the dates, are
  duplicated or leave a gap;
- a navigation list that misses parts which exist (warning): "Jour 1 lists 2
  of 3 parts; add Jour 3".

Messages name the evidence:

    says "deuxième" (part 2) but this is part 3 of 3 by date (Jour 1 2023-04-20, Jour 2 2023-04-23, Jour 3 2023-04-30)

Not reported, on purpose: ordinals about something else ("le premier jour",
"la deuxième partie de la conférence", "un second temps", "le deuxième article
de la série parlera de…", "in this second part we"), series whose other
posts are not in the site, and anything ambiguous (ties, several series).

## Example

` + "```markdown" + `
---
title: "KubeCon Europe 2023 - Jour 3"
---
Cet article est le deuxième d'une série sur la KubeCon :
- [Jour 1]({% post_url 2023-04-20-KubeCon-J1 %})
- [Jour 2]({% post_url 2023-04-23-KubeCon-J2 %})
- __Jour 3__
` + "```" + `

## Fix

Correct the claim ("le troisième"), reorder the list, renumber the title or
the ` + "`part:`" + ` value, or add the missing parts to the list. When the dates
are what is wrong, fix the date.

## Options

` + "```yaml" + `
rules:
  series-order:
    series-key: series               # front matter key naming the series
    part-keys: [part, series_part]   # front matter keys giving a part number
    min-links: 2                     # links to other posts a nav list needs
` + "```" + `

A two-part series has a navigation list with one link to the other part;
set ` + "`min-links: 1`" + ` to check those too (more lists then look like series).
Missing parts are reported as warnings (or at the rule's severity when that
is lower); everything else at the rule's severity.
`

// ---------------------------------------------------------------------------
// Site-wide facts

// seriesSite holds the facts about every post that a check needs.
type seriesSite struct {
	// fm maps a normalised series name to its members in date order.
	fm map[string][]*lint.Post
	// ofPost maps a post to its series names.
	ofPost map[*lint.Post][]string
	// bySlug maps a Jekyll post's slug to the posts that have it.
	bySlug map[string][]*lint.Post
}

func isDraft(p *lint.Post) bool {
	if p.Kind == "draft" {
		return true
	}
	if d, _ := p.FrontMatter["draft"].(bool); d {
		return true
	}
	// Jekyll does not publish `published: false` posts.
	pub, ok := p.FrontMatter["published"].(bool)
	return ok && !pub
}

func seriesFacts(s *lint.Site, opts *SeriesOrderOptions) *seriesSite {
	key := "series-order/facts/" + opts.SeriesKey
	return s.Memo(key, func() any {
		f := &seriesSite{fm: map[string][]*lint.Post{}, ofPost: map[*lint.Post][]string{}, bySlug: map[string][]*lint.Post{}}
		for _, p := range s.Posts {
			if p.Kind == "post" {
				f.bySlug[p.Slug] = append(f.bySlug[p.Slug], p)
			}
			if isDraft(p) || p.Name == "_index" {
				continue
			}
			for _, n := range seriesNames(p.FrontMatter[opts.SeriesKey]) {
				k := strings.ToLower(n)
				if !containsString(f.ofPost[p], k) {
					f.ofPost[p] = append(f.ofPost[p], k)
					f.fm[k] = append(f.fm[k], p)
				}
			}
		}
		for _, ms := range f.fm {
			sortByDate(ms)
		}
		return f
	}).(*seriesSite)
}

func seriesNames(v any) []string {
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortByDate(ps []*lint.Post) {
	sort.SliceStable(ps, func(i, j int) bool {
		if !ps[i].Date.Equal(ps[j].Date) {
			return ps[i].Date.Before(ps[j].Date)
		}
		return ps[i].Name < ps[j].Name
	})
}

// navIndex maps every post of the site that has series navigation lists to
// the members of each list, so that a post can learn which parts its
// siblings list. Built once per run, parsing only files that can hold one.
func navIndex(s *lint.Site, opts *SeriesOrderOptions) map[*lint.Post][][]*lint.Post {
	return s.Memo("series-order/nav/"+strconv.Itoa(opts.MinLinks), func() any {
		facts := seriesFacts(s, opts)
		idx := map[*lint.Post][][]*lint.Post{}
		for _, p := range s.Posts {
			if isDraft(p) {
				continue
			}
			abs := filepath.Join(s.Root, filepath.FromSlash(p.Path))
			src, err := os.ReadFile(abs)
			if err != nil || bytes.Count(src, []byte("](")) < opts.MinLinks || postLinkDestinations(s, src) < opts.MinLinks {
				continue
			}
			d := lint.ParseFileWithoutLanguage(s, abs, p.Path, src)
			for _, l := range findNavLists(d, s, p, facts, opts.MinLinks) {
				idx[p] = append(idx[p], l.members())
			}
		}
		return idx
	}).(map[*lint.Post][][]*lint.Post)
}

// postLinkDestinations bounds from above, reading bytes, the number of
// links of src that a navigation list may list: a list needs min-links of
// them, and most pages, whose links are images, external or to their own
// headings, need no parse to know they have too few. It counts every link
// destination ("](" or a reference definition's "]:") except
//   - those that surely resolve to no post without a template tag: "#..."
//     (this page), or a URL with a scheme that is not the site's own URL,
//     and no "{" before the end of the line;
//   - those that are surely an image's: "![alt](dest)" with a "!" that is
//     not escaped, and an alt and destination without the characters that
//     could make the "![" something else or the link's destination differ
//     from what is written (brackets, code, HTML, templates, escapes,
//     entities, line breaks).
//
// A link listed as a post resolves its destination as written, which one of
// the counted destinations holds (TestPostLinkDestinationsBound).
func postLinkDestinations(s *lint.Site, src []byte) int {
	n := 0
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("]"))
		if k < 0 {
			return n
		}
		at := i + k
		i = at + 1
		if at+1 >= len(src) || src[at+1] != '(' && src[at+1] != ':' {
			continue
		}
		if src[at+1] == '(' && imageDestination(src, at) {
			continue
		}
		dest := src[at+2:]
		// Where Doc.Links finds the destination: after white space and
		// one "<".
		dest = bytes.TrimLeft(dest, " \t\r\n")
		dest = bytes.TrimPrefix(dest, []byte("<"))
		line := dest
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		if bytes.IndexByte(line, '{') < 0 && (bytes.HasPrefix(dest, []byte("#")) || hasScheme(string(line)) && (s.URL == "" || !bytes.HasPrefix(dest, []byte(s.URL)))) {
			continue
		}
		n++
	}
}

// imageDestination reports whether the "](" at src[at] surely ends the
// text of an image: see postLinkDestinations.
func imageDestination(src []byte, at int) bool {
	open := bytes.LastIndex(src[:at], []byte("!["))
	if open < 0 || open > 0 && src[open-1] == '\\' || bytes.ContainsAny(src[open+2:at], "[]`\\<>{}%&\n\r") {
		return false
	}
	dest := src[at+2:]
	end := bytes.IndexAny(dest, ")\n")
	if end < 0 {
		end = len(dest)
	}
	return len(dest) > 0 && dest[0] > ' ' && !bytes.ContainsAny(dest[:end], "{&\\<")
}

// ---------------------------------------------------------------------------
// Navigation lists

type navItem struct {
	post *lint.Post
	self bool
	// label is the item's visible text and span where it is.
	label string
	span  lint.Span
}

type navList struct {
	items []navItem // only the items that are members, in list order
	self  int       // index of this post's item in items
}

func (l navList) members() []*lint.Post {
	out := make([]*lint.Post, len(l.items))
	for i, it := range l.items {
		out[i] = it.post
	}
	return out
}

var hereMarkers = []string{"vous êtes ici", "vous etes ici", "you are here", "(cet article)", "(ce billet)", "(this post)", "(this article)", "(current)", "(actuel)"}

// findNavLists returns the series navigation lists of d, whose post is p.
func findNavLists(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, minLinks int) []navList {
	// Each listed post needs an item with a link: most lists, and most
	// pages, have too few links to read their items.
	lists, most := listItemLinks(d)
	if most < minLinks {
		return nil
	}
	var linkOf map[ast.Node]lint.Link // built for the first list that may list posts
	var out []navList
	consider := func(n ast.Node) {
		// Most lists with links link elsewhere than to posts: the posts of
		// the items decide, before their text is read.
		if links := lists[n]; len(links) < minLinks || !mayListPosts(d, s, p, facts, links, minLinks) {
			return
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
	}
	if candidates, ok := listsInPageOrder(d, lists, minLinks); ok {
		for _, n := range candidates {
			consider(n)
		}
		return out
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.List); !ok {
			if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil // inline content holds no list
			}
			return ast.WalkContinue, nil
		}
		consider(n)
		return ast.WalkContinue, nil
	})
	return out
}

// listsInPageOrder returns the lists of lists with min-links links in the
// order a walk of the page meets them, without the walk, which costs more
// than the rest of the rule: the order of their first links (Doc.Links
// is in walk order), when none of them is inside another; ok is false
// when one is, or when a walk would not reach one (under a node with
// inline content), and the page must be walked.
func listsInPageOrder(d *lint.Document, lists map[ast.Node][]listLink, minLinks int) (ordered []ast.Node, ok bool) {
	firstLinkOf := map[*lint.Link]ast.Node{}
	for n, links := range lists {
		if len(links) >= minLinks {
			firstLinkOf[links[0].link] = n
		}
	}
	for _, n := range firstLinkOf {
		for a := n.Parent(); a != nil; a = a.Parent() {
			if _, isList := a.(*ast.List); isList && len(lists[a]) >= minLinks {
				return nil, false
			}
			if fc := a.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
				return nil, false
			}
		}
	}
	if len(firstLinkOf) <= 1 {
		for _, n := range firstLinkOf {
			ordered = append(ordered, n)
		}
		return ordered, true
	}
	links := d.Links()
	for i := range links {
		if n, ok := firstLinkOf[&links[i]]; ok {
			ordered = append(ordered, n)
		}
	}
	return ordered, true
}

// listLink is a link of a list's item that readItem reads.
type listLink struct {
	item ast.Node // the list's child that holds it
	link *lint.Link
}

// listItemLinks returns, for each list of d, the links of its items that
// readItem reads (outside nested lists, code, raw HTML and images), in
// page order, and the largest number of them a list has, without walking
// the page: from each link of the page (Doc.Links, which other rules need
// anyway) up to the nearest node readItem does not enter; when that
// node is a list, the link is one of its items' links. Lists without such
// links are not in lists.
func listItemLinks(d *lint.Document) (lists map[ast.Node][]listLink, most int) {
	links := d.Links()
	for i := range links {
		l := &links[i]
		if _, ok := l.Node.(*ast.Link); !ok {
			continue
		}
		child := l.Node
	up:
		for n := l.Node.Parent(); n != nil; child, n = n, n.Parent() {
			switch n.(type) {
			case *ast.List:
				if lists == nil {
					lists = map[ast.Node][]listLink{}
				}
				lists[n] = append(lists[n], listLink{item: child, link: l})
				most = max(most, len(lists[n]))
				break up
			case *ast.CodeSpan, *ast.RawHTML, *ast.Image:
				break up
			}
		}
	}
	return lists, most
}

type rawItem struct {
	posts    []*lint.Post // distinct posts its links resolve to
	links    int
	firstTo  *lint.Post // the post its first link resolves to, or nil
	label    string
	span     lint.Span
	linkSpan lint.Span // text of its first post link
	bold     bool
}

func navListOf(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, list ast.Node, linkOf map[ast.Node]lint.Link, minLinks int) (navList, bool) {
	raws := make([]rawItem, 0, list.ChildCount())
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		raws = append(raws, readItem(d, s, p, facts, item, linkOf))
	}
	seen := map[*lint.Post]bool{}
	others, selfLinks := 0, 0
	for _, r := range raws {
		if len(r.posts) > 1 {
			return navList{}, false
		}
		if len(r.posts) == 1 {
			q := r.posts[0]
			if seen[q] {
				return navList{}, false
			}
			seen[q] = true
			if q == p {
				selfLinks++
			} else {
				others++
			}
		}
	}
	if others < minLinks {
		return navList{}, false
	}
	selfRaw := -1
	if selfLinks == 0 {
		for i, r := range raws {
			if r.links == 0 && looksLikeSelf(r, p, raws) {
				if selfRaw >= 0 {
					return navList{}, false
				}
				selfRaw = i
			}
		}
		if selfRaw < 0 {
			return navList{}, false
		}
	}
	var l navList
	for i, r := range raws {
		switch {
		case len(r.posts) == 1 && r.firstTo == r.posts[0]:
			it := navItem{post: r.posts[0], self: r.posts[0] == p, label: r.label, span: r.linkSpan}
			if it.self {
				l.self = len(l.items)
			}
			l.items = append(l.items, it)
		case i == selfRaw:
			l.self = len(l.items)
			l.items = append(l.items, navItem{post: p, self: true, label: r.label, span: r.span})
		case len(r.posts) == 1:
			// A post linked from the middle of an item's text is mentioned,
			// not listed.
			return navList{}, false
		}
	}
	return l, true
}

// mayListPosts applies the tests of navListOf that need only the posts
// each item links to (readItem's posts), given the list's links
// (listItemLinks): no item links to two posts, no post is linked twice,
// and minLinks other posts are. navListOf must pass them too.
func mayListPosts(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, links []listLink, minLinks int) bool {
	seen := map[*lint.Post]bool{}
	others := 0
	for i := 0; i < len(links); {
		// The links of an item follow each other in page order.
		posts := itemPosts(d, s, p, facts, links[i:])
		for item := links[i].item; i < len(links) && links[i].item == item; i++ {
		}
		if len(posts) > 1 {
			return false
		}
		if len(posts) == 1 {
			q := posts[0]
			if seen[q] {
				return false
			}
			seen[q] = true
			if q != p {
				others++
			}
		}
	}
	return others >= minLinks
}

// itemPosts returns the distinct posts the links of an item resolve to,
// as readItem does, given the item's links and those after them.
func itemPosts(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, links []listLink) []*lint.Post {
	var posts []*lint.Post
	for _, l := range links {
		if l.item != links[0].item {
			break
		}
		if q := resolveNavLink(d, s, p, facts, *l.link); q != nil && !slices.Contains(posts, q) {
			posts = append(posts, q)
		}
	}
	return posts
}

// looksLikeSelf says whether an unlinked item names this post: it says
// "you are here", repeats (part of) the title, or is bold and shaped like
// the linked items ("**Jour 3**" among "Jour 1", "Jour 2"). A bold item
// alone is often a heading ("**À lire aussi**").
func looksLikeSelf(r rawItem, p *lint.Post, raws []rawItem) bool {
	low := strings.ToLower(r.label)
	for _, m := range hereMarkers {
		if strings.Contains(low, m) {
			return true
		}
	}
	t := strings.Trim(low, " .:;!-–—*_")
	if len([]rune(t)) >= 3 && p.Title != "" && containsWords(strings.ToLower(p.Title), t) {
		return true
	}
	if !r.bold {
		return false
	}
	first := firstWord(low)
	same := 0
	for _, o := range raws {
		if len(o.posts) == 1 && first != "" && firstWord(strings.ToLower(o.label)) == first {
			same++
		}
	}
	return same >= 2
}

func firstWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// containsWords reports whether needle occurs in hay at word boundaries.
func containsWords(hay, needle string) bool {
	for i := 0; ; {
		k := strings.Index(hay[i:], needle)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(needle)
		if !wordCharBefore(hay, a) && !wordCharAt(hay, b) {
			return true
		}
		i = a + 1
	}
}

func wordCharBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r := []rune(s[:i])
	c := r[len(r)-1]
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

func wordCharAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := []rune(s[i:])[0]
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

// readItem gathers what a list item says and links to, ignoring its nested
// lists.
func readItem(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, item ast.Node, linkOf map[ast.Node]lint.Link) rawItem {
	var r rawItem
	var sb strings.Builder
	r.span = lint.Span{Start: -1}
	seen := map[*lint.Post]bool{}
	first := true
	var firstBlock ast.Node
	_ = ast.Walk(item, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.List:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if firstBlock == nil {
				firstBlock = n
			}
		case *ast.Link:
			r.links++
			l, ok := linkOf[n]
			var q *lint.Post
			if ok {
				q = resolveNavLink(d, s, p, facts, l)
			}
			if q != nil && !seen[q] {
				seen[q] = true
				r.posts = append(r.posts, q)
			}
			if first {
				r.firstTo = q
				if sp, ok := textSpan(v); ok {
					r.linkSpan = sp
				}
			}
			first = false
		case *ast.Text:
			seg := v.Segment
			sb.Write(d.Src[seg.Start:seg.Stop])
			if v.SoftLineBreak() {
				sb.WriteByte(' ')
			}
			if r.span.Start < 0 {
				r.span.Start = seg.Start
			}
			r.span.End = seg.Stop
		case *ast.CodeSpan, *ast.RawHTML, *ast.Image:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if r.span.Start < 0 {
		// No text (an image link): point at the item's first line.
		r.span = lint.Span{}
		_ = ast.Walk(item, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				r.span = lint.Span{Start: seg.Start, End: seg.Stop}
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
	r.label = strings.TrimSpace(sb.String())
	if firstBlock != nil {
		var kids []ast.Node
		for c := firstBlock.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(d.Src))) == 0 {
				continue
			}
			kids = append(kids, c)
		}
		if len(kids) == 1 {
			if e, ok := kids[0].(*ast.Emphasis); ok && e.Level == 2 {
				r.bold = true
			}
		}
	}
	if r.linkSpan.End == 0 {
		r.linkSpan = r.span
	}
	return r
}

func textSpan(n ast.Node) (lint.Span, bool) {
	s := lint.Span{Start: -1}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if s.Start < 0 {
				s.Start = t.Segment.Start
			}
			s.End = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return s, s.Start >= 0
}

// ---------------------------------------------------------------------------
// Resolving links to posts

// resolveNavLink returns the post a navigation link points at, or nil. It
// wants the post the author meant: a link Jekyll or Hugo would reject (a
// draft, a leading slash in {% link %}) still names its part, and post-url
// reports the link itself.
func resolveNavLink(d *lint.Document, s *lint.Site, p *lint.Post, facts *seriesSite, l lint.Link) *lint.Post {
	if l.Image {
		return nil
	}
	if t := navDestTag(d, l); t != nil {
		switch {
		case t.Kind == lint.LiquidTag && t.Name == "post_url":
			args := lint.LiquidArgs(t.Args)
			if len(args) == 0 {
				return nil
			}
			q, _, err := s.ResolvePostURL(args[0])
			var pe *lint.PostURLError
			if errors.As(err, &pe) && pe.Unpublished != "" {
				return s.PostByPath(pe.Unpublished)
			}
			return indexed(s, q, err)
		case t.Kind == lint.LiquidTag && t.Name == "link":
			args := lint.LiquidArgs(t.Args)
			if len(args) == 0 {
				return nil
			}
			rel, err := s.ResolveLink(args[0])
			var le *lint.LinkError
			if errors.As(err, &le) && (le.LeadingSlash || le.Unpublished != "") {
				return s.PostByPath(strings.TrimPrefix(strings.TrimSpace(args[0]), "/"))
			}
			if err != nil {
				return nil
			}
			return s.PostByPath(rel)
		default: // ref or relref
			pos, named := lint.ShortcodeArgs(t.Args)
			target := named["path"]
			if target == "" && len(pos) > 0 {
				target = pos[0]
			}
			if strings.TrimSpace(strings.Split(target, "#")[0]) == "" {
				return nil
			}
			q, err := s.ResolveRef(p.Path, target, named["lang"])
			var re *lint.RefError
			if errors.As(err, &re) && re.Draft != "" {
				return s.PostByPath(re.Draft)
			}
			return indexed(s, q, err)
		}
	}
	dest, ok := s.ExpandURL(d, l.Dest, nil)
	if !ok {
		return nil
	}
	dest, abs, kind := s.SitePath(dest)
	if kind != lint.URLLocal {
		return nil
	}
	if abs {
		if rel, ok := siteURLIndex(s).lookup(dest); ok && rel != "" {
			if q := s.PostByPath(rel); q != nil {
				return q
			}
		}
		if s.Kind == lint.SiteJekyll {
			if q := jekyllPermalinkPost(facts, dest); q != nil {
				return q
			}
		}
	}
	base := path.Dir(p.Path)
	if abs && s.Kind == lint.SiteHugo {
		for _, cd := range s.ContentDirs {
			if q := postAt(s, cd.Dir+dest); q != nil {
				return q
			}
		}
		return nil
	}
	bases := []string{base}
	if s.Kind == lint.SiteHugo && p.Name != "index" && p.Name != "_index" {
		// A Hugo page is served as a folder (/posts/a/), so the browser
		// resolves its relative links from there.
		bases = append(bases, path.Join(base, p.Name))
	}
	for _, b := range bases {
		if rel, ok := s.Resolve(b, dest); ok {
			if q := postAt(s, rel); q != nil {
				return q
			}
		}
	}
	return nil
}

// navDestTag returns the first live tag inside a link's destination that
// names a post: {% post_url %}, {% link %}, or a ref or relref shortcode.
func navDestTag(d *lint.Document, l lint.Link) *lint.Tag {
	if !l.Located {
		return nil
	}
	// Tags are in source order: start at the first one inside the
	// destination rather than at the top of a page that may hold
	// thousands.
	first := sort.Search(len(d.Tags), func(i int) bool { return d.Tags[i].Start >= l.DestSpan.Start })
	for i := first; i < len(d.Tags) && d.Tags[i].Start < l.DestSpan.End; i++ {
		if t := &d.Tags[i]; t.End <= l.DestSpan.End && t.Live() && namesPost(t) {
			return t
		}
	}
	return nil
}

func namesPost(t *lint.Tag) bool {
	switch t.Kind {
	case lint.LiquidTag:
		return t.Name == "post_url" || t.Name == "link"
	case lint.ShortcodeHTML, lint.ShortcodeMarkdown:
		return t.Name == "ref" || t.Name == "relref"
	}
	return false
}

// indexed returns the site's own entry for a resolved post (the resolvers
// make a fresh one for a file the index does not hold), so that posts
// compare by pointer.
func indexed(s *lint.Site, q *lint.Post, err error) *lint.Post {
	if err != nil || q == nil {
		return nil
	}
	return s.PostByPath(q.Path)
}

// jekyllPermalinkPost finds the post a served URL names when the site's
// URLs do not (a URL from an earlier permalink setting, served by a
// redirect): the last segment must be the slug of exactly one post, and
// the URL must hold that post's year.
func jekyllPermalinkPost(facts *seriesSite, u string) *lint.Post {
	seg := path.Base(strings.TrimSuffix(u, "/"))
	seg = strings.TrimSuffix(seg, ".html")
	if seg == "" || seg == "/" || seg == "." {
		return nil
	}
	cands := facts.bySlug[seg]
	if len(cands) != 1 {
		return nil
	}
	q := cands[0]
	if q.Date.IsZero() || !strings.Contains(u, "/"+strconv.Itoa(q.Date.Year())+"/") && !strings.Contains(u, "/"+strconv.Itoa(q.NameDate.Year())+"/") {
		return nil
	}
	return q
}

// postAt finds the post a file or bundle path names, ".md" optional.
func postAt(s *lint.Site, rel string) *lint.Post {
	rel = strings.TrimSuffix(strings.TrimPrefix(rel, "/"), "/")
	for _, c := range []string{rel, rel + ".md", rel + "/index.md", rel + "/_index.md"} {
		if q := s.PostByPath(c); q != nil {
			return q
		}
		if s.Kind == lint.SiteHugo {
			if real := s.Files.Fold(c); len(real) == 1 {
				if q := s.PostByPath(real[0]); q != nil {
					return q
				}
			}
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Claims

type claimKind int

const (
	claimOrdinal claimKind = iota // "le deuxième d'une série": absolute position
	claimPart                     // "Partie 2", "(2/3)", "#2": numbered parts
	claimDay                      // "Jour 2", "Day 2": may skip days
	claimLast                     // "le dernier de la série": no later part
)

type claim struct {
	kind       claimKind
	n, of      int
	text       string
	start, end int // offsets in the scanned text
}

type claimPattern struct {
	// re compiles the expression on first use: the 23 expressions, large
	// for their Unicode classes and alternations, took 15 ms to compile,
	// paid by every run at start-up, and most runs never need most of them.
	re   func() *regexp.Regexp
	kind claimKind
	// needs are words, lower case, without which re cannot match: the text
	// must hold one word of each group. Most texts lack them, and the
	// case-insensitive expressions, which have no literal prefix, are tried
	// at every byte.
	needs [][]string
	// mayMatch, when set, is a finer test of the lower-case text, which
	// re cannot match when it fails.
	mayMatch func(lower string) bool
}

// Word groups the claim expressions need (see claimPattern.needs).
var (
	needThisFRNoun = []string{"article", "billet", "post", "pisode", "volet", "texte", "chapitre"}
	needSeriesFR   = []string{"séri", "seri", "suite", "saga", "trilogie", "feuilleton"}
	needSeriesEN   = []string{"series"}
	needThis       = []string{"this"}
	needThisOrWelc = []string{"this", "welcome"}
	needLastFR     = []string{"derni"}
	needPresentFR  = []string{"est", "voici", "voil", "agit"}
	needNounEN     = []string{"post", "article", "entry", "instal", "episode", "part"}
)

var frOrdinals = map[string]int{
	"premier": 1, "première": 1, "premiere": 1, "1er": 1, "1re": 1, "1ère": 1, "1ere": 1,
	"deuxième": 2, "deuxieme": 2, "second": 2, "seconde": 2, "2e": 2, "2ème": 2, "2eme": 2, "2nd": 2, "2nde": 2,
	"troisième": 3, "troisieme": 3, "3e": 3, "3ème": 3, "3eme": 3,
	"quatrième": 4, "quatrieme": 4, "cinquième": 5, "cinquieme": 5, "sixième": 6, "sixieme": 6,
	"septième": 7, "septieme": 7, "huitième": 8, "huitieme": 8, "neuvième": 9, "neuvieme": 9,
	"dixième": 10, "dixieme": 10, "onzième": 11, "onzieme": 11, "douzième": 12, "douzieme": 12,
}

var enOrdinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
}

var romanNumerals = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}

func alternation(maps ...map[string]int) string {
	var words []string
	seen := map[string]bool{}
	for _, m := range maps {
		for w := range m {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(words, "|")
}

func claimRE(body string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return compileClaim(body) })
}

func compileClaim(body string) *regexp.Regexp {
	r := strings.NewReplacer(
		"ORD", `(?P<n>`+alternation(frOrdinals, enOrdinals)+`|\d{1,2}(?:ème|eme|ième|e|th))`,
		"NUM", `(?P<n>\d{1,2}|`+alternation(numberWords)+`)`,
		"TOT", `(?P<m>\d{1,2}|`+alternation(numberWords)+`)`,
		// "constitu"+"e" keeps an English spelling checker off a French verb.
		"COP", `(?:est|constitu`+`e|sera|représente)`,
		"SERIESFR", `(?:série|serie|suite|saga|trilogie|feuilleton)`,
		"DETFR", `(?:d['’]une|de\s+la|de\s+cette|de\s+ma|de\s+notre|de\s+mon|du|de\s+ce)`,
		"NOUNFR", `(?:article|billet|post|volet|épisode|episode|opus|chapitre|numéro)`,
		"NOUNEN", `(?:post|article|entry|installment|instalment|episode|part|chapter)`,
	).Replace(body)
	if !strings.HasPrefix(r, "(?:^") {
		r = `(?:^|[^\p{L}\p{N}_])` + r
	}
	return regexp.MustCompile(`(?i)` + r + `(?:$|[^\p{L}\p{N}_])`)
}

// proseClaims are statements about this post's place in its series; each
// is anchored to "this post" (a demonstrative, a copula after "cet
// article", an indefinite "d'une série"), so that ordinals about other
// things (days, sections, other posts) do not match.
var proseClaims = []claimPattern{
	{claimRE(`(?:cet\s+article|ce\s+billet|ce\s+post|cet\s+épisode|ce\s+volet|ce\s+texte|ce\s+chapitre)\s+COP\s+(?:donc\s+|ici\s+|maintenant\s+)?(?:le|la|l['’]|un|une)?\s*(?P<c>ORD)(?:\s+NOUNFR)?\s+DETFR\s+SERIESFR`), claimOrdinal, [][]string{needThisFRNoun, needSeriesFR}, hasOrdinal},
	{claimRE(`(?:cet\s+article|ce\s+billet|ce\s+post)\s+COP\s+(?:donc\s+|ici\s+|maintenant\s+)?(?:le|la|l['’])\s*(?P<c>ORD)\s+(?:volet|épisode|episode|partie|opus|chapitre|tome)`), claimOrdinal, [][]string{{"article", "billet", "post"}, {"volet", "pisode", "partie", "opus", "chapitre", "tome"}}, hasOrdinal},
	{claimRE(`(?:c['’]est|voici|voilà|voila|il\s+s['’]agit)\s+(?:donc\s+|ici\s+|maintenant\s+)?(?:le|la|l['’]|du|de\s+la)\s*(?P<c>ORD)(?:\s+NOUNFR)?\s+DETFR\s+SERIESFR`), claimOrdinal, [][]string{needPresentFR, needSeriesFR}, hasOrdinal},
	{claimRE(`(?:voici|voilà|voila|bienvenue\s+dans)\s+(?:le|la|ce|cette|l['’])\s*(?P<c>ORD)\s+(?:volet|épisode|episode|opus)`), claimOrdinal, [][]string{{"voici", "voil", "bienvenue"}, {"volet", "pisode", "opus"}}, hasOrdinal},
	{claimRE(`(?P<c>ORD)\s+(?:article|billet|post|volet|épisode|episode)\s+d['’]une\s+SERIESFR`), claimOrdinal, [][]string{{"article", "billet", "post", "volet", "pisode"}, needSeriesFR}, hasOrdinal},
	{claimRE(`(?:ce|cet|cette)\s+(?P<c>ORD)\s+(?:article|billet|volet|épisode|episode|opus)`), claimOrdinal, [][]string{{"article", "billet", "volet", "pisode", "opus"}}, hasOrdinal},
	{claimRE(`(?:this\s+(?:post|article|entry)\s+is|this\s+is|welcome\s+to)\s+(?:the\s+)?(?P<c>ORD)(?:\s+NOUNEN)?\s+(?:in|of)\s+(?:a|the|this|my|our)\s+(?:[\p{L}\d-]+\s+)?series`), claimOrdinal, [][]string{needThisOrWelc, needSeriesEN}, hasOrdinal},
	{claimRE(`(?P<c>ORD)\s+(?:post|article|entry|installment|instalment|episode|part)\s+(?:in|of)\s+a\s+(?:[\p{L}\d-]+\s+)?series`), claimOrdinal, [][]string{needNounEN, needSeriesEN}, hasOrdinal},
	{claimRE(`this\s+(?:post|article|entry)\s+is\s+(?:the\s+)?(?P<c>ORD)\s+(?:installment|instalment|episode|part|chapter)`), claimOrdinal, [][]string{needThis, {"post", "article", "entry"}, {"instal", "episode", "part", "chapter"}}, hasOrdinal},
	{claimRE(`(?:in\s+)?this\s+(?P<c>ORD)\s+(?:post|article|installment|instalment|episode|entry)`), claimOrdinal, [][]string{needThis, {"post", "article", "instal", "episode", "entry"}}, hasOrdinal},
	// "Last" only after a copula: "ce dernier" alone is "the latter".
	{claimRE(`(?:cet\s+article|ce\s+billet|ce\s+post|cet\s+épisode|ce\s+volet)\s+COP\s+(?:donc\s+)?(?:le|la)\s+(?P<c>dernier|dernière|derniere)(?:\s+NOUNFR)?\s+DETFR\s+SERIESFR`), claimLast, [][]string{needLastFR, needThisFRNoun, needSeriesFR}, nil},
	{claimRE(`(?:c['’]est|voici|voilà|voila)\s+(?:donc\s+)?(?:le|la)\s+(?P<c>dernier|dernière|derniere)\s+(?:volet|épisode|episode|article|billet)\s+DETFR\s+SERIESFR`), claimLast, [][]string{needLastFR, needSeriesFR, {"volet", "pisode", "article", "billet"}}, nil},
	{claimRE(`(?:this\s+(?:post|article)\s+is|this\s+is)\s+the\s+(?P<c>last|final)(?:\s+NOUNEN)?\s+(?:in|of)\s+(?:the|this|my|our)\s+(?:[\p{L}\d-]+\s+)?series`), claimLast, [][]string{needThis, {"last", "final"}, needSeriesEN}, nil},
	// "Part 2 of 3" opens a sentence or follows "this is"; elsewhere it is
	// often about a talk or a video.
	{claimRE(`(?:^\s*|[.!?:]\s+|[(\[]\s*|(?:^|[^\p{L}\p{N}_])(?:this\s+is|this\s+(?:post|article)\s+is|welcome\s+to|cet\s+article\s+est\s+la|voici\s+la)\s+)(?P<c>(?:part|partie|volet|épisode|episode)\s+NUM\s*(?:of|sur|/)\s*TOT)`), claimPart, [][]string{{"part", "volet", "pisode"}, {"of", "sur", "/"}}, mayNumberPart},
	{claimRE(`(?:this\s+is|welcome\s+to|this\s+(?:post|article)\s+is)\s+(?P<c>part\s+NUM)`), claimPart, [][]string{needThisOrWelc, {"part"}}, nil},
}

// titleClaims are read in a post's own title, which is about the post.
var titleClaims = []claimPattern{
	{claimRE(`(?P<c>(?:partie|part|épisode|episode|volet|chapitre|chapter|tome|n°|#)\s*(?:NUM|(?-i:(?P<r>[IVX]{1,4}))))(?:\s*(?:/|sur|of)\s*TOT)?`), claimPart, nil, nil},
	{claimRE(`(?P<c>[(\[]\s*(?P<n>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*[)\]])`), claimPart, nil, nil},
	{claimRE(`(?P<c>(?P<n>\d{1,2})\s*/\s*(?P<m>\d{1,2}))\s*["']?\s*$`), claimPart, nil, nil},
	{claimRE(`(?P<c>ORD)\s+(?:partie|part|volet|épisode|episode|chapitre|chapter|article|billet|installment)`), claimPart, nil, hasOrdinal},
	{claimRE(`(?P<c>(?:jour|journée|journee|day)\s*(?P<n>\d{1,2}))`), claimDay, nil, nil},
	{claimRE(`(?P<c>ORD)\s+(?:jour|journée|journee|day)`), claimDay, nil, hasOrdinal},
}

// titleClaimCache keeps the claims found in the titles of a site's posts and
// the labels of its lists: the check of each part of a series reads the
// title of every other part.
type titleClaimCache struct {
	mu     sync.Mutex
	claims map[string][]claim
}

func titleClaimCacheOf(site *lint.Site) *titleClaimCache {
	return site.Memo("series-order/title-claims", func() any {
		return &titleClaimCache{claims: map[string][]claim{}}
	}).(*titleClaimCache)
}

// find returns findClaims(text, titleClaims), which the caller must not
// change.
func (tc *titleClaimCache) find(text string) []claim {
	tc.mu.Lock()
	cs, ok := tc.claims[text]
	tc.mu.Unlock()
	if !ok {
		cs = findClaims(text, titleClaims)
		tc.mu.Lock()
		tc.claims[text] = cs
		tc.mu.Unlock()
	}
	return cs
}

func findClaims(text string, patterns []claimPattern) []claim {
	var out []claim
	var lower string // text in lower case, once a pattern needs words
	// The long s 'ſ' matches 's' in a case-insensitive expression but has
	// no lower case 's': a text with one is always searched.
	longS := strings.ContainsRune(text, 'ſ')
	for _, p := range patterns {
		if p.needs != nil && !longS {
			if lower == "" {
				lower = strings.ToLower(text)
			}
			if !containsOneOfEach(lower, p.needs) || p.mayMatch != nil && !p.mayMatch(lower) {
				continue
			}
		}
		re := p.re()
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			c := claim{kind: p.kind, n: -1}
			if p.kind == claimLast {
				c.n = 1 // the position is checked against the series' length
			}
			for gi, name := range re.SubexpNames() {
				if m[2*gi] < 0 {
					continue
				}
				v := text[m[2*gi]:m[2*gi+1]]
				switch name {
				case "c":
					c.start, c.end, c.text = m[2*gi], m[2*gi+1], v
				case "n":
					c.n = claimNumber(v)
				case "r":
					c.n = romanNumerals[v]
				case "m":
					c.of = claimNumber(v)
				}
			}
			if c.n <= 0 || (c.of > 0 && (c.n > c.of || c.of > 30)) {
				continue
			}
			if overlapsClaim(out, c) {
				continue
			}
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// hasOrdinal reports whether lower holds what ORD needs: an ordinal word
// ("deuxième", "third", "1re", "2nd"), or a digit then "e", "è", "i" or
// "t" ("2e", "2ème", "2ième", "4th"). Most texts that hold the words of an
// ordinal claim hold no ordinal.
func hasOrdinal(lower string) bool {
	for i := 0; i+1 < len(lower); i++ {
		if c := lower[i]; c >= '0' && c <= '9' {
			switch next := lower[i+1:]; {
			case next[0] == 'e', next[0] == 'i', next[0] == 't', strings.HasPrefix(next, "è"):
				return true
			}
		}
	}
	for _, words := range [...]map[string]int{frOrdinals, enOrdinals} {
		for w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
	}
	return false
}

// mayNumberPart reports whether lower holds what the "part 2 of 3"
// expression needs at its core: "part", "partie", "volet" or "pisode",
// white space, a number of one or two digits or a number word, optional
// white space, then "of", "sur" or "/". Most texts with "part" and "of"
// (French "partir", "à part", English "part of") have none.
func mayNumberPart(lower string) bool {
	for _, kw := range [...]string{"part", "volet", "pisode"} {
		for rest := lower; ; {
			i := strings.Index(rest, kw)
			if i < 0 {
				break
			}
			rest = rest[i+len(kw):]
			after := rest
			if kw == "part" && !startsWithRE2Space(after) {
				after = strings.TrimPrefix(after, "ie")
			}
			if !startsWithRE2Space(after) {
				continue
			}
			after = strings.TrimLeft(after, " \t\n\f\r")
			if numberThenOf(after) {
				return true
			}
		}
	}
	return false
}

func startsWithRE2Space(s string) bool { return s != "" && isRE2Space(s[0]) }

// numberThenOf reports whether s starts with NUM (one or two digits or a
// number word), optional white space and "of", "sur" or "/".
func numberThenOf(s string) bool {
	var heads []string
	if n := len(s) - len(strings.TrimLeft(s, "0123456789")); n > 0 {
		for k := 1; k <= min(n, 2); k++ {
			heads = append(heads, s[k:])
		}
	}
	for w := range numberWords {
		if rest, ok := strings.CutPrefix(s, w); ok {
			heads = append(heads, rest)
		}
	}
	for _, rest := range heads {
		rest = strings.TrimLeft(rest, " \t\n\f\r")
		if strings.HasPrefix(rest, "of") || strings.HasPrefix(rest, "sur") || strings.HasPrefix(rest, "/") {
			return true
		}
	}
	return false
}

// containsOneOfEach reports whether s holds a word of each group.
func containsOneOfEach(s string, groups [][]string) bool {
	for _, g := range groups {
		found := false
		for _, w := range g {
			if strings.Contains(s, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func overlapsClaim(cs []claim, c claim) bool {
	for _, o := range cs {
		if c.start < o.end && o.start < c.end {
			return true
		}
	}
	return false
}

var leadingDigits = regexp.MustCompile(`^\d+`)

func claimNumber(w string) int {
	w = strings.ToLower(w)
	if n, ok := frOrdinals[w]; ok {
		return n
	}
	if n, ok := enOrdinals[w]; ok {
		return n
	}
	if n, ok := numberWords[w]; ok {
		return n
	}
	if d := leadingDigits.FindString(w); d != "" {
		n, err := strconv.Atoi(d)
		if err == nil {
			return n
		}
	}
	return -1
}

// ---------------------------------------------------------------------------
// The check

// series is an ordered set of posts with what the messages need.
type series struct {
	members []*lint.Post // in date order
	labels  map[*lint.Post]string
	dated   bool // every member has a date
}

func newSeries(ps []*lint.Post) *series {
	ms := append([]*lint.Post(nil), ps...)
	sortByDate(ms)
	s := &series{members: ms, labels: shortLabels(ms), dated: true}
	for _, m := range ms {
		if m.Date.IsZero() {
			s.dated = false
		}
	}
	return s
}

// position returns the range of 1-based positions p can have by date: a
// range when p shares its date with other members.
func (s *series) position(p *lint.Post) (lo, hi int) {
	for _, m := range s.members {
		if m.Date.Before(p.Date) {
			lo++
		}
		if !m.Date.After(p.Date) {
			hi++
		}
	}
	return lo + 1, hi
}

func (s *series) evidence() string {
	withTime := false
	for i := 1; i < len(s.members); i++ {
		a, b := s.members[i-1], s.members[i]
		if a.Date.Format("2006-01-02") == b.Date.Format("2006-01-02") && (a.DateHasTime || b.DateHasTime) {
			withTime = true
		}
	}
	parts := make([]string, len(s.members))
	for i, m := range s.members {
		parts[i] = s.labels[m] + " " + formatDate(m.Date, withTime)
	}
	return strings.Join(parts, ", ")
}

func formatDate(t time.Time, withTime bool) string {
	if withTime {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02")
}

func posText(lo, hi int) string {
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// shortLabels names each post by what its title adds to the titles of the
// others ("Jour 1" for "KubeCon 2023 - Jour 1").
func shortLabels(ps []*lint.Post) map[*lint.Post]string {
	out := map[*lint.Post]string{}
	prefix := ""
	for i, p := range ps {
		if p.Title == "" {
			prefix = ""
			break
		}
		if i == 0 {
			prefix = p.Title
			continue
		}
		prefix = commonPrefix(prefix, p.Title)
	}
	prefix = labelPrefix(prefix, len(ps))
	for _, p := range ps {
		l := strings.TrimLeft(strings.TrimPrefix(p.Title, prefix), " -–—:|,")
		if l == "" {
			l = p.Title
		}
		if l == "" {
			l = p.Name
		}
		out[p] = l
	}
	return out
}

// labelPrefix cuts a common title prefix after its last separator
// ("KubeCon 2023 - "), else before its last shared word, which usually
// names the numbering ("Hugo " of "Hugo Partie 1", "Hugo Partie 2").
func labelPrefix(prefix string, n int) string {
	if n < 2 {
		return ""
	}
	best := -1
	for _, sep := range []string{" - ", " – ", " — ", ": ", " | ", ", "} {
		if i := strings.LastIndex(prefix, sep); i >= 0 && i+len(sep) > best {
			best = i + len(sep)
		}
	}
	if best >= 0 {
		return prefix[:best]
	}
	i := strings.LastIndexByte(prefix, ' ')
	if i < 0 {
		return ""
	}
	t := strings.TrimRight(prefix[:i], " ")
	j := strings.LastIndexByte(t, ' ')
	if j < 0 {
		return ""
	}
	return t[:j+1]
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// frontMatterValue returns the span of a top-level key's value in the front
// matter (YAML or TOML), quotes included.
func frontMatterValue(d *lint.Document, key string) (lint.Span, bool) {
	fm := d.FrontMatter
	if !fm.Has() || fm.Content.End <= fm.Content.Start {
		return lint.Span{}, false
	}
	re := regexp.MustCompile(`(?m)^"?` + regexp.QuoteMeta(key) + `"?[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$`)
	m := re.FindSubmatchIndex(d.Src[fm.Content.Start:fm.Content.End])
	if m == nil || m[2] == m[3] {
		return lint.Span{}, false
	}
	start, end := fm.Content.Start+m[2], fm.Content.Start+m[3]
	v := d.Src[start:end]
	if q := v[0]; q == '"' || q == '\'' {
		if k := bytes.IndexByte(v[1:], q); k >= 0 {
			end = start + k + 2
		}
	} else if k := bytes.Index(v, []byte(" #")); k >= 0 {
		end = start + k
	}
	return lint.Span{Start: start, End: end}, true
}

func partOf(p *lint.Post, keys []string) (int, string, bool) {
	for _, k := range keys {
		switch v := p.FrontMatter[k].(type) {
		case int:
			return v, k, true
		case int64:
			return int(v), k, true
		case uint64:
			return int(v), k, true
		case float64:
			if v == float64(int(v)) {
				return int(v), k, true
			}
		case string:
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				return n, k, true
			}
		}
	}
	return 0, "", false
}

func checkSeries(pass *lint.Pass, opts *SeriesOrderOptions) {
	site, doc := pass.Site, pass.Doc
	p := doc.Post
	if site == nil || p == nil || isDraft(p) || p.Name == "_index" {
		return
	}
	facts := seriesFacts(site, opts)

	var ctx *series // the series whose position claims are checked against
	ambiguous := false
	names := facts.ofPost[p]
	for _, name := range names {
		if ms := facts.fm[name]; len(ms) >= 2 {
			s := newSeries(ms)
			checkParts(pass, opts, s, name)
			if ctx != nil {
				ambiguous = true
			}
			ctx = s
		}
	}

	lists := findNavLists(doc, site, p, facts, opts.MinLinks)
	if len(lists) > 0 {
		idx := navIndex(site, opts)
		var navCtx *series
		for _, l := range lists {
			s := checkNavList(pass, l, idx, facts, names)
			if navCtx != nil && !sameMembers(navCtx.members, s.members) {
				ambiguous = true
			}
			navCtx = s
		}
		if ctx == nil {
			ctx = navCtx
		}
	}
	if ctx == nil || ambiguous || !ctx.dated {
		return
	}
	checkClaims(pass, ctx)
}

func sameMembers(a, b []*lint.Post) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkNavList checks one navigation list of this post and returns the
// series it belongs to: its members plus the parts its siblings list.
func checkNavList(pass *lint.Pass, l navList, idx map[*lint.Post][][]*lint.Post, facts *seriesSite, fmNames []string) *series {
	p := pass.Doc.Post
	listed := l.members()
	inList := map[*lint.Post]bool{}
	for _, m := range listed {
		inList[m] = true
	}
	all := append([]*lint.Post(nil), listed...)
	have := map[*lint.Post]bool{}
	for _, m := range listed {
		have[m] = true
	}
	add := func(ms []*lint.Post) {
		for _, m := range ms {
			if !have[m] && !isDraft(m) {
				have[m] = true
				all = append(all, m)
			}
		}
	}
	for q, qls := range idx {
		if q == p {
			continue
		}
		for _, ql := range qls {
			overlap, hasP := 0, false
			for _, m := range ql {
				if inList[m] && m != p {
					overlap++
				}
				if m == p {
					hasP = true
				}
			}
			// A sibling's list names this post and most of this list: the
			// same series, not a list of favourites that happens to cite it.
			if hasP && overlap >= min(2, len(listed)-1) {
				add(ql)
			}
		}
	}
	for _, name := range fmNames {
		ms := facts.fm[name]
		overlap := 0
		for _, m := range ms {
			if inList[m] {
				overlap++
			}
		}
		if overlap >= 2 {
			add(ms)
		}
	}
	whole := newSeries(all)
	ls := newSeries(listed)
	ls.labels = whole.labels
	if !ls.dated {
		return whole
	}

	// This post's item.
	lo, hi := ls.position(p)
	if at := l.self + 1; at < lo || at > hi {
		it := l.items[l.self]
		pass.Reportf(it.span.Start, it.span.End, "this post is item %d of the series list but part %s of %d by date (%s); move it to position %s",
			at, posText(lo, hi), len(listed), ls.evidence(), posText(lo, hi))
	} else {
		// The other items, in pairs.
		var prev *navItem
		for i := range l.items {
			it := &l.items[i]
			if it.self {
				continue
			}
			if prev != nil && prev.post.Date.After(it.post.Date) {
				pass.Reportf(it.span.Start, it.span.End, "series list order disagrees with the dates: %s (%s) is listed after %s (%s)",
					whole.labels[it.post], formatDate(it.post.Date, false), whole.labels[prev.post], formatDate(prev.post.Date, false))
			}
			prev = it
		}
	}

	checkItemLabels(pass, l, whole)

	// Parts that exist but are not listed.
	if len(all) > len(listed) {
		var missing []string
		for _, m := range whole.members {
			if !inList[m] {
				missing = append(missing, whole.labels[m])
			}
		}
		sev := lint.SeverityWarning
		if pass.Severity < sev {
			sev = pass.Severity
		}
		first := l.items[0].span
		pass.Report(lint.Finding{
			Start:    lint.Position{Offset: first.Start},
			End:      lint.Position{Offset: first.End},
			Severity: sev,
			Message:  fmt.Sprintf("%s lists %d of %d parts; add %s", whole.labels[p], len(listed), len(all), strings.Join(missing, ", ")),
		})
	}
	return whole
}

// checkParts checks explicit part numbers of a front matter series.
func checkParts(pass *lint.Pass, opts *SeriesOrderOptions, s *series, name string) {
	p := pass.Doc.Post
	n, key, ok := partOf(p, opts.PartKeys)
	if !ok {
		return
	}
	span, found := frontMatterValue(pass.Doc, key)
	if !found {
		return
	}
	seriesName := name
	if v := seriesNames(p.FrontMatter[opts.SeriesKey]); len(v) > 0 {
		for _, x := range v {
			if strings.ToLower(x) == name {
				seriesName = x
			}
		}
	}
	parts := map[int]*lint.Post{}
	var inOrder []int
	minPart := n
	for _, m := range s.members {
		if mn, _, ok := partOf(m, opts.PartKeys); ok {
			if m != p && mn == n {
				pass.Reportf(span.Start, span.End, "%s: %d is also the part of %s in series %q; each part needs its own number", key, n, s.labels[m], seriesName)
				return
			}
			parts[mn] = m
			inOrder = append(inOrder, mn)
			minPart = min(minPart, mn)
		}
	}
	if !s.dated {
		return
	}
	increasing := true
	for i := 1; i < len(inOrder); i++ {
		if inOrder[i] <= inOrder[i-1] {
			increasing = false
		}
	}
	base := 1
	if minPart == 0 {
		base = 0
	}
	lo, hi := s.position(p)
	if !increasing {
		if want := n - base + 1; want < lo || want > hi {
			pass.Reportf(span.Start, span.End, "%s: %d disagrees with the dates: this is part %s of %d by date (%s)", key, n, posText(lo+base-1, hi+base-1), len(s.members), s.evidence())
		}
		return
	}
	if n > base && parts[n-1] == nil {
		pass.Reportf(span.Start, span.End, "%s: %d leaves a gap: no post of series %q has part %d", key, n, seriesName, n-1)
	}
}

// titleOffset finds how the members' title numbers relate to their
// positions ("Part 0", "Part 1" … gives -1); ok is false when they do not
// agree on one offset.
func titleOffset(tc *titleClaimCache, s *series) (int, bool) {
	counts := map[int]int{}
	for _, m := range s.members {
		lo, hi := s.position(m)
		if lo != hi {
			continue
		}
		if n := titlePart(tc, m.Title); n >= 0 {
			counts[n-lo]++
		}
	}
	best, bestN, tie := 0, 0, false
	for k, n := range counts {
		switch {
		case n > bestN:
			best, bestN, tie = k, n, false
		case n == bestN && k != best:
			tie = true
		}
	}
	if tie {
		if counts[0] == bestN {
			return 0, true
		}
		return 0, false
	}
	return best, true
}

// titlePart returns the part number a title gives, or -1.
func titlePart(tc *titleClaimCache, title string) int {
	for _, c := range tc.find(title) {
		if c.kind == claimPart {
			return c.n
		}
	}
	return -1
}

// numbered narrows a series to the members whose titles carry a part
// number, when this post is one of them: an unnumbered bonus post between
// "Part 1" and "Part 2" does not shift the numbers.
func numbered(tc *titleClaimCache, s *series, p *lint.Post) *series {
	if titlePart(tc, p.Title) < 0 {
		return s
	}
	var ms []*lint.Post
	for _, m := range s.members {
		if titlePart(tc, m.Title) >= 0 {
			ms = append(ms, m)
		}
	}
	if len(ms) < 2 || len(ms) == len(s.members) {
		return s
	}
	n := newSeries(ms)
	n.labels = s.labels
	return n
}

func checkClaims(pass *lint.Pass, s *series) {
	p := pass.Doc.Post
	report := func(s *series, start, end int, what string, c claim, offset int) {
		lo, hi := s.position(p)
		total := len(s.members)
		want := c.n - offset
		switch c.kind {
		case claimOrdinal:
			want, offset = c.n, 0
		case claimLast:
			want, offset = total, 0
		}
		if want >= lo && want <= hi && (c.of == 0 || c.of >= total) {
			return
		}
		claimed := fmt.Sprintf("part %d", c.n)
		if c.kind == claimLast {
			claimed = "the last part"
		}
		if c.of > 0 {
			claimed = fmt.Sprintf("part %d of %d", c.n, c.of)
		}
		pass.Reportf(start, end, "%s %q (%s) but this is part %s of %d by date (%s)", what, c.text, claimed, posText(lo+offset, hi+offset), total, s.evidence())
	}

	tc := titleClaimCacheOf(pass.Site)
	ns := numbered(tc, s, p)
	offset, offsetOK := titleOffset(tc, ns)
	if span, ok := frontMatterValue(pass.Doc, "title"); ok {
		raw := string(pass.Doc.Src[span.Start:span.End])
		for _, c := range findClaims(raw, titleClaims) {
			switch c.kind {
			case claimPart:
				if offsetOK {
					report(ns, span.Start+c.start, span.Start+c.end, "title says", c, offset)
				}
			case claimDay:
				checkDay(pass, s, span.Start+c.start, span.Start+c.end, c)
			}
		}
	}
	for _, b := range pass.Doc.Prose() {
		text := proseText(pass.Doc.Src, &b)
		var offs []int
		for _, c := range findClaims(text, proseClaims) {
			if offs == nil {
				_, offs = b.Text(pass.Doc.Src)
			}
			switch {
			case c.kind == claimOrdinal || c.kind == claimLast:
				report(s, offs[c.start], offs[c.end-1]+1, "says", c, 0)
			case offsetOK:
				report(ns, offs[c.start], offs[c.end-1]+1, "says", c, offset)
			}
		}
	}
}

// checkDay checks a day number in this post's title against the day
// numbers in the titles of the parts just before and after it: days may be
// skipped, but they must increase.
func checkDay(pass *lint.Pass, s *series, start, end int, c claim) {
	p := pass.Doc.Post
	tc := titleClaimCacheOf(pass.Site)
	dayOf := func(m *lint.Post) int {
		for _, mc := range tc.find(m.Title) {
			if mc.kind == claimDay {
				return mc.n
			}
		}
		return -1
	}
	var prev, next *lint.Post
	for _, m := range s.members {
		if m.Date.Before(p.Date) && dayOf(m) > 0 {
			prev = m
		}
		if m.Date.After(p.Date) && dayOf(m) > 0 && next == nil {
			next = m
		}
	}
	lo, hi := s.position(p)
	// Of two days out of order, the one farther from its position is blamed;
	// on a tie, the later one.
	dist := func(day, pos int) int { return max(day-pos, pos-day) }
	switch {
	case prev != nil && dayOf(prev) >= c.n && dist(c.n, lo) >= dist(dayOf(prev), pos1(s, prev)):
		pass.Reportf(start, end, "title says %q (day %d) but %s, dated before it, is day %d; this is part %s of %d by date (%s)",
			c.text, c.n, s.labels[prev], dayOf(prev), posText(lo, hi), len(s.members), s.evidence())
	case next != nil && dayOf(next) <= c.n && dist(c.n, lo) > dist(dayOf(next), pos1(s, next)):
		pass.Reportf(start, end, "title says %q (day %d) but %s, dated after it, is day %d; this is part %s of %d by date (%s)",
			c.text, c.n, s.labels[next], dayOf(next), posText(lo, hi), len(s.members), s.evidence())
	}
}

func pos1(s *series, p *lint.Post) int {
	lo, _ := s.position(p)
	return lo
}

// labelNumber returns the part or day number a label or title gives.
func labelNumber(tc *titleClaimCache, text string) (claim, bool) {
	for _, c := range tc.find(text) {
		if c.n > 0 && c.of == 0 {
			return c, true
		}
	}
	return claim{}, false
}

// checkItemLabels compares the number in each linked item's text ("Jour 2")
// with the number in the title of the post it links to ("… - Jour 3"): a
// list copied from another part often keeps a stale link.
func checkItemLabels(pass *lint.Pass, l navList, whole *series) {
	tc := titleClaimCacheOf(pass.Site)
	for _, it := range l.items {
		if it.self {
			continue
		}
		lc, ok := labelNumber(tc, it.label)
		if !ok {
			continue
		}
		pc, ok := labelNumber(tc, it.post.Title)
		if !ok || pc.kind != lc.kind || pc.n == lc.n {
			continue
		}
		hint := ""
		for _, m := range whole.members {
			if mc, ok := labelNumber(tc, m.Title); ok && mc.kind == lc.kind && mc.n == lc.n {
				hint = fmt.Sprintf("; did you mean %s (%s)?", whole.labels[m], m.Path)
				break
			}
		}
		pass.Reportf(it.span.Start, it.span.End, "item %q links to %s (%s), whose title says %q%s",
			it.label, whole.labels[it.post], formatDate(it.post.Date, false), pc.text, hint)
	}
}
