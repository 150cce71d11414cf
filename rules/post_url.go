package rules

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// PostURL checks that Jekyll post_url and link tags and Hugo ref/relref
// shortcodes name pages that exist.
var PostURL = &lint.Rule{
	Name:            "post-url",
	Summary:         "post_url, link, ref and relref name existing posts and files",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"links", "jekyll", "hugo"},
	Fixable:         true,
	Doc: "Checks the references between pages that the site generator resolves\n" +
		"at build time, exactly as it resolves them:\n" +
		"\n" +
		"- Jekyll `{% post_url [SUBDIR/]YYYY-MM-DD-slug %}`: the name is the post's\n" +
		"  file name without extension and must match `_posts/SUBDIR/NAME.EXT` or\n" +
		"  `SUBDIR/_posts/NAME.EXT`, case included (Jekyll 4, `tags/post_url.rb`).\n" +
		"  A name without a date cannot be parsed. A name that matches a post only\n" +
		"  by date and slug in another subfolder still works but Jekyll deprecates\n" +
		"  it (warning). Drafts and posts with `published: false` are not in the\n" +
		"  site, so post_url cannot find them.\n" +
		"- Jekyll `{% link PATH %}`: PATH is the path of a file of the site from its\n" +
		"  root, exactly, case included; files under underscore folders that are\n" +
		"  no collection (`_includes`, `_data`), drafts and files the `exclude`\n" +
		"  setting leaves out are not published.\n" +
		"- Hugo `{{< ref \"x\" >}}`, `{{< relref \"x\" >}}` (and `{{% … %}}`), with a\n" +
		"  positional or `path=` argument, an optional `#anchor` and `lang=`:\n" +
		"  resolved like Hugo, relative to the page, then from the content root,\n" +
		"  `.md` optional, page bundles (`x/index.md`, `x/_index.md`), case\n" +
		"  ignored; a bare name matches the unique page of that name, and a name\n" +
		"  that several pages share is ambiguous. A page with `draft: true` is\n" +
		"  not built, so a ref to it fails.\n" +
		"- A page that links to itself (post_url, or ref without `#anchor`) is a\n" +
		"  warning: in \"read the next part\" the next part was almost always\n" +
		"  meant. Series navigation lists, whose items link every part, are fine.\n" +
		"\n" +
		"Jekyll stops at the first broken `post_url` or `link` (and needs a Ruby\n" +
		"build to tell you); Hugo fails the build on a broken ref (`refLinksErrorLevel`\n" +
		"ERROR). This rule reports them all, with the closest existing names.\n" +
		"\n" +
		"Tags are checked wherever the generator executes them, in code blocks and\n" +
		"code spans too (Liquid and shortcodes run before Markdown). Tags inside\n" +
		"`{% raw %}`, `{% comment %}` and Hugo's escaped `{{</* … */>}}` are text.\n" +
		"A tag whose argument is a Liquid expression (`{{ page.x }}`, `page.next`,\n" +
		"filters) is not checked. Jekyll files without front matter (copied as\n" +
		"they are), excluded files and files with `render_with_liquid: false`\n" +
		"are skipped, as are Hugo files outside the content folders.\n" +
		"\n" +
		"## Example\n" +
		"\n" +
		"    [Jour 2]({% post_url 2023-04-20-KubeCon-J9 %})\n" +
		"\n" +
		"is reported as `post_url \"2023-04-20-KubeCon-J9\" matches no post in\n" +
		"_posts/; did you mean 2023-04-20-KubeCon-J1?`.\n" +
		"\n" +
		"## Fix\n" +
		"\n" +
		"Write the post's file name without its extension (and with its subfolder\n" +
		"when it has one), the path of the file from the site root for `link`, or\n" +
		"a path from `content/` for `ref` when a bare name is ambiguous.\n" +
		"`--fix` rewrites the name when the intended post is certain: an\n" +
		"extension to drop, a difference of case only, a deprecated match, a\n" +
		"`link` path whose case differs from the file's.\n" +
		"\n" +
		"## Options\n" +
		"\n" +
		"None.\n",
	Check: checkPostURL,
}

// liquidExpr matches arguments that are Liquid expressions rather than
// literal names: output tags, filters, and variable paths (page.next,
// include.post, posts[0]).
var liquidExpr = regexp.MustCompile(`\{\{|\{%|\||^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])+$`)

func checkPostURL(pass *lint.Pass) {
	site := pass.Site
	if site == nil || site.Kind == lint.SitePlain {
		return
	}
	// Most pages have no tag to check: the tests of the page below cost
	// more than looking.
	if !hasCheckedTag(site, pass.Doc.Tags) {
		return
	}
	rel, ok := site.Rel(pass.Doc.AbsPath)
	if !ok {
		return
	}
	switch site.Kind {
	case lint.SiteJekyll:
		if !site.JekyllRendersLiquid(rel, pass.Doc.FrontMatter.Has(), pass.Doc.FrontMatter.Data) {
			return
		}
	case lint.SiteHugo:
		if !site.IsHugoPage(rel) {
			return
		}
	}
	warn := min(pass.Severity, lint.SeverityWarning)
	for i := range pass.Doc.Tags {
		t := &pass.Doc.Tags[i]
		if !checksTag(site, t) {
			continue
		}
		switch {
		case site.Kind == lint.SiteJekyll && t.Name == "post_url":
			checkPostURLTag(pass, rel, t, warn)
		case site.Kind == lint.SiteJekyll:
			checkLinkTag(pass, t)
		default:
			checkRefTag(pass, rel, t)
		}
	}
}

func hasCheckedTag(site *lint.Site, tags []lint.Tag) bool {
	for i := range tags {
		if checksTag(site, &tags[i]) {
			return true
		}
	}
	return false
}

// checksTag reports whether post-url checks t: a live {% post_url %} or
// {% link %} of a Jekyll page, or an opening ref or relref shortcode of a
// Hugo page.
func checksTag(site *lint.Site, t *lint.Tag) bool {
	if !t.Live() {
		return false
	}
	switch site.Kind {
	case lint.SiteJekyll:
		return t.Kind == lint.LiquidTag && (t.Name == "post_url" || t.Name == "link")
	case lint.SiteHugo:
		return (t.Kind == lint.ShortcodeHTML || t.Kind == lint.ShortcodeMarkdown) && (t.Name == "ref" || t.Name == "relref") && !t.Closing
	}
	return false
}

// argSpan returns the span of a tag's arguments, or of the whole tag when
// it has none.
func argSpan(t *lint.Tag) (int, int) {
	if t.Args == "" {
		return t.Start, t.End
	}
	return t.ArgsStart, t.ArgsStart + len(t.Args)
}

func checkPostURLTag(pass *lint.Pass, rel string, t *lint.Tag, warn lint.Severity) {
	site := pass.Site
	start, end := argSpan(t)
	name := t.Args
	if name == "" {
		pass.Reportf(start, end, "%s", "post_url without a post name; write {% post_url YYYY-MM-DD-slug %}, the post's file name without extension")
		return
	}
	if liquidExpr.MatchString(name) {
		return
	}
	post, deprecated, err := site.ResolvePostURL(name)
	if err != nil {
		var pe *lint.PostURLError
		if !errors.As(err, &pe) {
			pass.Reportf(start, end, "post_url %q: %v", name, err)
			return
		}
		msg, fix := postURLMiss(site, pe)
		if fix != "" {
			pass.ReportWithFix(start, end, msg, "write "+fix, fix)
		} else {
			pass.Reportf(start, end, "%s", msg)
		}
		return
	}
	if deprecated {
		want := site.PostURLName(post.Path)
		pass.Report(lint.Finding{
			Start:    lint.Position{Offset: start},
			End:      lint.Position{Offset: end},
			Severity: warn,
			Message:  fmt.Sprintf("post_url %q matches %s only by date and slug, which Jekyll deprecates; write {%% post_url %s %%}", name, post.Path, want),
			Fix:      &lint.Fix{Message: "use the post's exact name", Edits: []lint.Edit{{Start: start, End: end, NewText: want}}},
		})
		return
	}
	if post.Path == rel && !inNavList(pass.Doc, t.Start) {
		pass.Report(lint.Finding{
			Start:    lint.Position{Offset: start},
			End:      lint.Position{Offset: end},
			Severity: warn,
			Message:  fmt.Sprintf("post_url %q links to this post itself; the next or previous part was probably meant%s", name, nextPart(site, post)),
		})
	}
}

// postExts are extensions people paste into post_url names by mistake.
var postExts = []string{".md", ".markdown", ".mkdown", ".mkdn", ".mkd", ".mdown", ".html", ".textile"}

// postURLMiss explains a post_url miss and, when the intended post is
// certain (an extension or only case differs), returns its name as a fix.
func postURLMiss(site *lint.Site, pe *lint.PostURLError) (msg, fix string) {
	name := strings.TrimPrefix(pe.Name, "/")
	for _, ext := range postExts {
		if base, ok := strings.CutSuffix(name, ext); ok {
			if _, _, err := site.ResolvePostURL(base); err == nil {
				return fmt.Sprintf("post_url %q names no post: post_url takes the file name without extension; write {%% post_url %s %%}", pe.Name, base), base
			}
		}
	}
	if pe.Unpublished != "" {
		return fmt.Sprintf("post_url %q names %s, which has published: false: Jekyll leaves it out of the site and fails on this tag; publish it or remove the link", pe.Name, pe.Unpublished), ""
	}
	if d := draftNamed(site, name); d != "" {
		return fmt.Sprintf("post_url %q names the draft %s, not a post: Jekyll finds only posts in _posts/; publish the draft or remove the link", pe.Name, d), ""
	}
	if errors.Is(pe, lint.ErrPostName) {
		msg = fmt.Sprintf("post_url %q: cannot parse name; post_url wants YYYY-MM-DD-slug, the post's file name without extension", pe.Name)
	} else {
		msg = fmt.Sprintf("post_url %q matches no post in _posts/", pe.Name)
	}
	if len(pe.Similar) > 0 {
		if len(pe.Similar) == 1 && strings.EqualFold(pe.Similar[0], name) {
			fix = pe.Similar[0]
		}
		return msg + "; did you mean " + strings.Join(pe.Similar, " or ") + "?", fix
	}
	if pe.Err == nil {
		msg += "; check the date and the name of the post's file"
	}
	return msg, ""
}

// draftNamed returns the draft file whose name is name, or "".
func draftNamed(site *lint.Site, name string) string {
	for _, p := range site.Posts {
		if p.Kind == "draft" && (p.Name == name || strings.HasSuffix(strings.TrimSuffix(p.Path, path.Ext(p.Path)), "/"+name)) {
			return p.Path
		}
	}
	return ""
}

func checkLinkTag(pass *lint.Pass, t *lint.Tag) {
	site := pass.Site
	start, end := argSpan(t)
	p := t.Args
	if p == "" {
		pass.Reportf(start, end, "%s", "link without a path; write {% link path/from/site/root.md %}")
		return
	}
	if strings.Contains(p, "{{") || strings.Contains(p, "{%") {
		return
	}
	_, err := site.ResolveLink(p)
	if err == nil {
		return
	}
	var le *lint.LinkError
	if !errors.As(err, &le) {
		pass.Reportf(start, end, "link %q: %v", p, err)
		return
	}
	switch {
	case le.Escapes:
		pass.Reportf(start, end, "link %q climbs out of the site root; link to a file of the site, by its path from the root", p)
	case le.Unpublished != "":
		pass.Reportf(start, end, "link %q %s; link to a published page or file", p, le.Unpublished)
	case le.LeadingSlash:
		want := strings.TrimPrefix(p, "/")
		pass.ReportWithFix(start, end, fmt.Sprintf("link %q matches no page: Jekyll compares a page's path without a leading slash (only static files take one); write %s", p, want), "write "+want, want)
	case len(le.CaseVariants) == 1:
		pass.ReportWithFix(start, end, fmt.Sprintf("link %q matches no file: it exists as %s, and Jekyll compares paths case-sensitively", p, le.CaseVariants[0]), "write "+le.CaseVariants[0], le.CaseVariants[0])
	case len(le.CaseVariants) > 0:
		pass.Reportf(start, end, "link %q matches no file: it exists as %s, and Jekyll compares paths case-sensitively", p, strings.Join(le.CaseVariants, ", "))
	default:
		msg := fmt.Sprintf("link %q matches no file of the site (the path is from the site root, extension included)", p)
		if s := similarFiles(site, p); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, " or ") + "?"
		}
		pass.Reportf(start, end, "%s", msg)
	}
}

// similarFiles returns files whose base name is close to p's: the same name
// in another folder, or a small typo in the same folder.
func similarFiles(site *lint.Site, p string) []string {
	p = strings.TrimPrefix(strings.TrimPrefix(p, "./"), "/")
	dir, base := path.Dir(p), strings.ToLower(path.Base(p))
	var exact, near []string
	site.Files.Walk(func(rel string) {
		b := strings.ToLower(path.Base(rel))
		switch {
		case b == base:
			exact = append(exact, rel)
		case path.Dir(rel) == dir && lint.EditDistance(b, base) <= 2:
			near = append(near, rel)
		}
	})
	sort.Strings(exact)
	sort.Strings(near)
	out := make([]string, 0, len(exact)+len(near))
	out = append(out, exact...)
	out = append(out, near...)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func checkRefTag(pass *lint.Pass, rel string, t *lint.Tag) {
	site := pass.Site
	pos, named := lint.ShortcodeArgs(t.Args)
	ref, ok := named["path"]
	if !ok && len(pos) > 0 {
		ref = pos[0]
	}
	start, end := argSpan(t)
	if i := strings.Index(t.Args, ref); ref != "" && i >= 0 {
		start, end = t.ArgsStart+i, t.ArgsStart+i+len(ref)
	}
	if strings.TrimSpace(ref) == "" {
		pass.Reportf(start, end, "%s without a page path; write {{< %s \"path/from/content\" >}}", t.Name, t.Name)
		return
	}
	if strings.Contains(ref, "{{") {
		return
	}
	post, err := site.ResolveRef(rel, ref, named["lang"])
	if err == nil {
		if post.Path == rel && !strings.Contains(ref, "#") && !inNavList(pass.Doc, t.Start) {
			pass.Report(lint.Finding{
				Start:    lint.Position{Offset: start},
				End:      lint.Position{Offset: end},
				Severity: min(pass.Severity, lint.SeverityWarning),
				Message:  fmt.Sprintf("%s %q links to this page itself; the next or previous part was probably meant", t.Name, ref),
			})
		}
		return
	}
	var re *lint.RefError
	if !errors.As(err, &re) {
		pass.Reportf(start, end, "%s %q: %v", t.Name, ref, err)
		return
	}
	switch {
	case len(re.Ambiguous) > 0:
		pass.Reportf(start, end, "%s %q is ambiguous: it matches %s; write the page's path from the content folder", t.Name, ref, strings.Join(re.Ambiguous, ", "))
	case re.Draft != "":
		pass.Reportf(start, end, "%s %q names %s, a draft: Hugo builds without drafts and fails on this reference; publish it or remove the link", t.Name, ref, re.Draft)
	case re.UnknownLang != "":
		pass.Reportf(start, end, "%s %q: lang=%q is not a language of the site", t.Name, ref, re.UnknownLang)
	default:
		msg := fmt.Sprintf("%s %q matches no page (Hugo looks next to this page, then from the content folder)", t.Name, ref)
		if len(re.Similar) > 0 {
			msg += "; did you mean " + strings.Join(refNames(site, re.Similar), " or ") + "?"
		}
		pass.Reportf(start, end, "%s", msg)
	}
}

// refNames turns root-relative page paths into the form a ref takes: the
// path from the content folder, without extension.
func refNames(site *lint.Site, rels []string) []string {
	out := make([]string, 0, len(rels))
	for _, rel := range rels {
		for _, cd := range site.ContentDirs {
			if r, ok := strings.CutPrefix(rel, cd.Dir+"/"); ok {
				rel = r
				break
			}
		}
		rel = strings.TrimSuffix(rel, path.Ext(rel))
		if b := path.Base(rel); b == "index" || b == "_index" {
			rel = path.Dir(rel)
		}
		out = append(out, rel)
	}
	return out
}

// nextPart suggests the post that a link to oneself most likely meant: the
// closest post by date whose slug shares most of this one's (the other
// parts of a series), later ones first.
func nextPart(site *lint.Site, self *lint.Post) string {
	var best *lint.Post
	bestLater := false
	for _, p := range site.Posts {
		if p.Kind != "post" || p == self || p.NameDate.IsZero() || site.PostURLName(p.Path) == "" {
			continue
		}
		n := commonPrefixLen(strings.ToLower(p.Slug), strings.ToLower(self.Slug))
		if n < 8 && n*2 < len(self.Slug) {
			continue
		}
		later := p.Date.After(self.Date)
		switch {
		case best == nil,
			later && !bestLater,
			later == bestLater && later && p.Date.Before(best.Date),
			later == bestLater && !later && p.Date.After(best.Date):
			best, bestLater = p, later
		}
	}
	if best == nil {
		return ""
	}
	return "; did you mean " + site.PostURLName(best.Path) + "?"
}

func commonPrefixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// inNavList reports whether offset off lies in an item of a list whose
// items link to other pages: a series' navigation list, where linking the
// current part too is a common design, not a mistake.
func inNavList(d *lint.Document, off int) bool {
	found := false
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		list, ok := n.(*ast.List)
		if !ok {
			return ast.WalkContinue, nil
		}
		linked, here := 0, false
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			start, end := navBlockSpan(item)
			if start < 0 {
				continue
			}
			if start <= off && off < end {
				here = true
			}
			if hasLinkOrTag(d, start, end) {
				linked++
			}
		}
		if here && linked >= 2 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// navBlockSpan returns the extent of the lines of a block's descendants.
func navBlockSpan(n ast.Node) (int, int) {
	start, end := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if start < 0 || seg.Start < start {
				start = seg.Start
			}
			end = max(end, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	return start, end
}

// hasLinkOrTag reports whether src[start:end] holds a link or a
// post_url/link/ref/relref tag.
func hasLinkOrTag(d *lint.Document, start, end int) bool {
	for i := range d.Tags {
		t := &d.Tags[i]
		if t.Start >= start && t.Start < end && (t.Name == "post_url" || t.Name == "link" || t.Name == "ref" || t.Name == "relref") {
			return true
		}
	}
	for _, l := range d.Links() {
		if !l.Image && l.DestSpan.Start >= start && l.DestSpan.Start < end {
			return true
		}
	}
	return false
}
