package rules

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// InternalLink checks links between pages of the same site.
var InternalLink = &lint.Rule{
	Name:            "internal-link",
	Summary:         "links to pages, files and headings of the same site resolve",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"links", "jekyll", "hugo"},
	Doc: `Finds links to pages of the same site that do not exist, and
` + "`#fragments`" + ` that match no heading.

Checked:

- relative links (` + "`other-post.md`" + `, ` + "`../guide/`" + `, ` + "`img/diagram.svg`" + `): against the
  file's folder, and for Jekyll and Hugo also against the page's published
  URL (that is how a browser resolves them);
- root-relative links (` + "`/2024/04/01/slug/`" + `, ` + "`/docs/install/`" + `): against every URL
  the site publishes: Jekyll posts through their permalink (the site's
  ` + "`permalink`" + ` style or pattern, collection and front matter defaults
  permalinks, front matter ` + "`permalink`" + `, ` + "`slug`" + `, ` + "`categories`" + `), pages,
  collections with ` + "`output: true`" + `, static files and ` + "`redirect_from`" + ` entries;
  Hugo pages (sections, bundles, ` + "`slug`" + `, ` + "`url`" + `, ` + "`aliases`" + `, languages) and static
  files. The site's ` + "`baseurl`" + ` prefix is removed first;
- ` + "`#fragments`" + `: against the heading ids of the target page, computed as the
  site's Markdown engine does (kramdown's GFM parser by default for Jekyll,
  kramdown's own rules with ` + "`kramdown.input: kramdown`" + `, GitHub-style ids for
  Hugo), plus explicit ` + "`{#id}`" + ` and ` + "`{: #id}`" + `, HTML ` + "`id`" + `/` + "`name`" + ` attributes and
  footnotes.

Not checked, to stay precise: images (see missing-image), URLs built by
templates other than ` + "`{{ site.baseurl }}`" + `, ` + "`post_url`" + `/` + "`ref`" + ` tags (see post-url),
and root-relative links of sites whose pages come from code postlint cannot
read (Jekyll ` + "`_plugins`" + ` generators, Hugo ` + "`permalinks`" + `) or from plugins that
generate pages (tags, pagination, archives). A fragment that matches no
heading is reported when it is a near miss of an existing id, or when every
layout that could add ids is known.

## Example

    See [the setup](/2024/04/01/setup/) and [step 2](#step2).

is reported as "` + "`/2024/04/01/setup/`" + ` matches no page or file of the site; did
you mean /2024/04/02/setup/?" and "` + "`#step2`" + ` matches no heading or anchor of this page;
did you mean #step-2?".

## Fix

Correct the link; for a moved page, add a ` + "`redirect_from`" + ` (Jekyll) or
` + "`aliases`" + ` (Hugo) entry.
`,
	Check: checkInternalLinks,
	// Almost every page links within its site: its URLs are needed at once.
	WarmSite: func(site *lint.Site, _ any) { siteURLIndex(site) },
}

var (
	relativeURLRE = regexp.MustCompile(`^\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}$`)
)

type linkChecker struct {
	pass *lint.Pass
	site *lint.Site
	rel  string // the document's root-relative path
	urls *siteURLs
	// self holds the document's own anchors once a fragment needs them.
	self *docAnchors
}

func checkInternalLinks(pass *lint.Pass) {
	site := pass.Site
	if site == nil {
		return
	}
	rel, ok := siteRel(pass)
	if !ok || !builtBySite(site, rel) {
		return
	}
	c := &linkChecker{pass: pass, site: site, rel: rel, urls: siteURLIndex(site)}
	for _, l := range pass.Doc.Links() {
		if l.Image || !l.Located {
			continue
		}
		if _, ok := l.Node.(*ast.Link); !ok {
			continue
		}
		c.check(l)
	}
	// Pages checked later may link to this one's headings: its anchors are
	// kept when a link to its own fragments computed them. Computing them
	// for every page cost more than the few parses of linked pages it
	// saved (most of which scanAnchors reads without a parse).
	if c.self != nil && lint.IsMarkdown(rel) {
		checkedAnchorsOf(site).keep(rel, pass.Doc.Src, c.self)
	}
}

func (c *linkChecker) check(l lint.Link) {
	dest := strings.TrimSpace(l.Dest)
	dest = strings.TrimSuffix(strings.TrimPrefix(dest, "<"), ">")
	if strings.Contains(dest, "{{") || strings.Contains(dest, "{%") {
		if m := relativeURLMatch(dest); m != nil {
			dest = m[1]
		} else if end, ok := baseurlTagEnd(dest); ok {
			dest = dest[end:]
			if !strings.HasPrefix(dest, "/") {
				return
			}
		} else {
			return
		}
		if strings.Contains(dest, "{{") || strings.Contains(dest, "{%") {
			return
		}
	}
	if dest == "" || hasScheme(dest) || strings.HasPrefix(dest, "//") {
		return
	}
	p, frag, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	span := l.DestSpan
	if p == "" {
		if frag != "" {
			c.checkFragment(c.rel, frag, span, dest, true)
		}
		return
	}
	decoded, err := url.PathUnescape(p)
	if err != nil {
		return
	}
	var target string
	var found bool
	if strings.HasPrefix(decoded, "/") {
		target, found = c.resolveRooted(decoded)
		if !found {
			if c.site.Kind == lint.SitePlain || c.urls.unknown || c.urls.isGenerated(decoded) {
				return
			}
			c.pass.Reportf(span.Start, span.End, "`%s` matches no page or file of the site%s", p, c.suggestURL(decoded))
			return
		}
	} else {
		target, found = c.resolveRelative(decoded)
		if !found {
			if c.urls.unknown || c.relativeURLGenerated(decoded) {
				return
			}
			where := ""
			if r, ok := c.site.Resolve(path.Dir(c.rel), decoded); ok {
				where = fmt.Sprintf(" (looked for %s", r)
				if urls := c.urls.byFile[c.rel]; len(urls) > 0 {
					where += " and " + joinPageURL(urls[0], decoded)
				}
				where += ")"
			} else {
				where = " (it climbs out of the site)"
			}
			if hint := schemeHint(decoded); hint != "" {
				c.pass.Reportf(span.Start, span.End, "`%s` matches no file or page of the site%s", p, hint)
				return
			}
			c.pass.Reportf(span.Start, span.End, "`%s` matches no file or page of the site%s%s", p, where, c.suggestRelative(decoded))
			return
		}
	}
	if frag != "" && target != "" && lint.IsMarkdown(target) {
		c.checkFragment(target, frag, span, dest, target == c.rel)
	}
}

// relativeURLMatch is relativeURLRE.FindStringSubmatch(dest), tried only
// when dest starts with "{{" and holds "_url", as the expression needs:
// most destinations with a tag have other tags ({{ site.baseurl }},
// {% post_url %}).
func relativeURLMatch(dest string) []string {
	if !strings.HasPrefix(dest, "{{") || !strings.Contains(dest, "_url") {
		return nil
	}
	return relativeURLRE.FindStringSubmatch(dest)
}

// hasScheme reports whether dest starts with a URL scheme and its colon,
// as `^[A-Za-z][A-Za-z0-9+.-]*:` matches, without a regular expression run
// for every link.
func hasScheme(dest string) bool {
	if dest == "" || !isASCIILetter(dest[0]) {
		return false
	}
	for i := 1; i < len(dest); i++ {
		switch c := dest[i]; {
		case c == ':':
			return true
		case isASCIILetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-':
		default:
			return false
		}
	}
	return false
}

// baseurlTagEnd returns where a leading {{ site.baseurl }} tag ends in
// dest, as `^\{\{-?\s*site\.baseurl\s*-?\}\}` matches.
func baseurlTagEnd(dest string) (int, bool) {
	rest, ok := strings.CutPrefix(dest, "{{")
	if !ok {
		return 0, false
	}
	rest = strings.TrimPrefix(rest, "-")
	rest = strings.TrimLeft(rest, " \t\n\f\r")
	if rest, ok = strings.CutPrefix(rest, "site.baseurl"); !ok {
		return 0, false
	}
	rest = strings.TrimLeft(rest, " \t\n\f\r")
	rest = strings.TrimPrefix(rest, "-")
	if rest, ok = strings.CutPrefix(rest, "}}"); !ok {
		return 0, false
	}
	return len(dest) - len(rest), true
}

// resolveRooted resolves a root-relative link to a source file ("" when it
// exists but is no file, such as a folder listing).
func (c *linkChecker) resolveRooted(p string) (string, bool) {
	if b := c.site.BaseURL; b != "" {
		if rest, ok := strings.CutPrefix(p, b); ok && (rest == "" || strings.HasPrefix(rest, "/")) {
			p = rest
			if p == "" {
				p = "/"
			}
		}
	}
	if c.site.Kind == lint.SitePlain {
		return c.fileOrDir(strings.TrimPrefix(path.Clean(p), "/"))
	}
	if rel, ok := c.urls.lookup(p); ok {
		return rel, true
	}
	if p == "/" {
		return "", true
	}
	return "", false
}

func (c *linkChecker) fileOrDir(rel string) (string, bool) {
	rel = strings.TrimSuffix(rel, "/")
	if rel == "" || rel == "." {
		return "", true
	}
	if c.site.Files.Has(rel) {
		return rel, true
	}
	if c.site.Files.HasDir(rel) {
		return "", true
	}
	return "", false
}

// resolveRelative resolves a relative link against the file's folder, and
// for generated sites against the page's own URL.
func (c *linkChecker) resolveRelative(p string) (string, bool) {
	dir := path.Dir(c.rel)
	if dir == "." {
		dir = ""
	}
	if r, ok := c.site.Resolve(dir, p); ok {
		if rel, found := c.fileOrDir(r); found {
			return rel, true
		}
	}
	if c.site.Kind == lint.SitePlain {
		return "", false
	}
	for _, pageURL := range c.urls.byFile[c.rel] {
		base := pageURL
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) + "/"
		}
		joined := path.Join(base, p)
		if strings.HasSuffix(p, "/") {
			joined += "/"
		}
		if rel, ok := c.resolveRooted(joined); ok {
			return rel, true
		}
	}
	return "", false
}

var (
	hostLikeRE   = regexp.MustCompile(`^(www\.[^/]+|\d{1,3}(\.\d{1,3}){3})(/.*)?$`)
	wrappedURLRE = regexp.MustCompile(`^[(<\[]+([A-Za-z][A-Za-z0-9+.-]*://.*?)[)>\]]*$`)
)

// schemeHint explains relative links that were meant to be absolute: a
// host without its scheme, or a URL wrapped in parentheses.
func schemeHint(p string) string {
	if m := wrappedURLRE.FindStringSubmatch(p); m != nil {
		return "; it looks like a URL inside extra brackets: did you mean " + m[1] + "?"
	}
	if hostLikeRE.MatchString(p) {
		return "; it looks like a host name: did you mean https://" + p + "?"
	}
	return ""
}

func (c *linkChecker) relativeURLGenerated(p string) bool {
	for _, pageURL := range c.urls.byFile[c.rel] {
		base := pageURL
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) + "/"
		}
		if c.urls.isGenerated(path.Join(base, p)) {
			return true
		}
	}
	return false
}

func (c *linkChecker) suggestURL(p string) string {
	want := c.urls.normURL(p)
	// Short names need close matches: "nope.svg" is not "diagram.svg".
	best, bestD := "", min(len(want)/3+1, 2+len(path.Base(want))/3)
	var keys []string
	for u := range c.urls.byURL {
		keys = append(keys, u)
	}
	sort.Strings(keys)
	for _, u := range keys {
		if d, ok := editDistanceBelow(want, u, bestD); ok {
			best, bestD = u, d
		}
	}
	if best == "" {
		return ""
	}
	for _, full := range c.urls.byFile[c.urls.byURL[best]] {
		if c.urls.normURL(full) == best {
			return "; did you mean " + full + "?"
		}
	}
	return "; did you mean " + best + "?"
}

// suggestRelative proposes a fix for a relative link: the same path from
// the site root, a file of the same folder, or the page URL nearest to
// where the link leads.
func (c *linkChecker) suggestRelative(p string) string {
	if c.site.Kind != lint.SitePlain {
		if _, ok := c.resolveRooted("/" + p); ok {
			return "; did you mean the root-relative /" + p + "?"
		}
	}
	if s := c.suggestFile(p); s != "" {
		return s
	}
	if urls := c.urls.byFile[c.rel]; len(urls) > 0 {
		return c.suggestURL(joinPageURL(urls[0], p))
	}
	return ""
}

// joinPageURL resolves a relative link against a page URL as a browser does.
func joinPageURL(pageURL, p string) string {
	base := pageURL
	if !strings.HasSuffix(base, "/") {
		base = path.Dir(base) + "/"
	}
	joined := path.Join(base, p)
	if strings.HasSuffix(p, "/") && joined != "/" {
		joined += "/"
	}
	return joined
}

func (c *linkChecker) suggestFile(p string) string {
	dir := path.Dir(c.rel)
	if dir == "." {
		dir = ""
	}
	r, ok := c.site.Resolve(dir, p)
	if !ok {
		return ""
	}
	if f := c.site.Files.Fold(strings.TrimSuffix(r, "/")); len(f) == 1 {
		return fmt.Sprintf("; %s exists with another case", f[0])
	}
	parent := path.Dir(r)
	base := path.Base(r)
	best, bestD := "", len(base)/3+1
	var names []string
	c.site.Files.Walk(func(f string) {
		if path.Dir(f) == parent {
			names = append(names, path.Base(f))
		}
	})
	sort.Strings(names)
	for _, n := range names {
		if d, ok := editDistanceBelow(base, n, bestD); ok {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	if strings.Contains(p, "/") {
		return "; did you mean " + path.Join(path.Dir(p), best) + "?"
	}
	return "; did you mean " + best + "?"
}

// checkFragment checks #frag against the ids of the target page.
func (c *linkChecker) checkFragment(target, frag string, span lint.Span, dest string, self bool) {
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if frag == "" || frag == "top" {
		return
	}
	var a *docAnchors
	if self {
		if c.self == nil {
			c.self = computeAnchors(c.site, c.pass.Doc)
		}
		a = c.self
	} else {
		a = c.site.Memo("internal-link:anchors:"+target, func() any { return c.anchorsOf(target) }).(*docAnchors)
	}
	if a == nil || a.ids[frag] || a.headingUnknown {
		return
	}
	near := nearID(frag, a.headings)
	if near == "" && (!a.certain || !c.layoutIDsKnown() || c.layoutHasID(frag)) {
		return
	}
	where := "this page"
	if !self {
		where = target
	}
	msg := fmt.Sprintf("`#%s` matches no heading or anchor of %s", frag, where)
	if near != "" {
		msg += "; did you mean #" + near + "?"
	}
	start := span.Start + strings.Index(dest, "#")
	if start < span.Start {
		start = span.Start
	}
	c.pass.Reportf(start, span.End, "%s", msg)
}

func (c *linkChecker) anchorsOf(target string) *docAnchors {
	abs := filepath.Join(c.site.Root, filepath.FromSlash(target))
	if !c.site.Files.Has(target) {
		return nil
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil
	}
	if a, ok := checkedAnchorsOf(c.site).lookup(target, src); ok {
		return a
	}
	if a, ok := scanAnchors(c.site, src); ok {
		return a
	}
	doc := lint.ParseFileWithoutLanguage(c.site, abs, target, src)
	return computeAnchors(c.site, doc)
}

// nearID returns the heading id the fragment most likely meant: equal
// ignoring case and accents, or within a small edit distance.
func nearID(frag string, ids []string) string {
	f := foldID(frag)
	for _, id := range ids {
		if foldID(id) == f {
			return id
		}
	}
	best, bestD := "", 3
	if len([]rune(frag)) < 6 {
		bestD = 2
	}
	for _, id := range ids {
		if d, ok := editDistanceBelow(frag, id, bestD); ok {
			best, bestD = id, d
		}
	}
	return best
}

// editDistanceBelow returns the edit distance of a and b when it is below
// limit. Strings whose lengths in runes differ by limit or more are that
// many edits apart at least: most candidates are ruled out without
// computing the distance.
func editDistanceBelow(a, b string, limit int) (int, bool) {
	if d := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); d >= limit || -d >= limit {
		return 0, false
	}
	d := lint.EditDistance(a, b)
	return d, d < limit
}

var fragmentAccentFold = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ä", "a", "î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "œ", "oe", "æ", "ae")

func foldID(s string) string {
	s = fragmentAccentFold.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// layoutIDs are the literal ids of the site's layouts and includes, and
// whether they are all known (no theme gem, no empty or templated ids).
type layoutIDs struct {
	ids   map[string]bool
	known bool
}

var templatedIDRE = regexp.MustCompile(`(?i)\s(?:id|name)\s*=\s*["'][^"']*(\{\{|\{%)`)

func (c *linkChecker) layouts() *layoutIDs {
	return c.site.Memo("internal-link:layout-ids", func() any {
		l := &layoutIDs{ids: map[string]bool{}, known: true}
		if c.site.Config["theme"] != nil || c.site.Config["remote_theme"] != nil || c.site.ConfigValue("theme") != nil {
			l.known = false
		}
		var dirs []string
		switch c.site.Kind {
		case lint.SiteJekyll:
			dirs = []string{"_layouts/", "_includes/"}
		case lint.SiteHugo:
			dirs = []string{"layouts/", "themes/"}
		default:
			return l
		}
		c.site.Files.Walk(func(rel string) {
			for _, d := range dirs {
				if !strings.HasPrefix(rel, d) {
					continue
				}
				b, err := readFileIn(c.site, rel)
				if err != nil || len(b) == 0 {
					l.known = false
					return
				}
				if templatedIDRE.Match(b) {
					l.known = false
				}
				for _, m := range htmlIDRE.FindAllSubmatch(b, -1) {
					l.ids[string(m[1])] = true
				}
			}
		})
		return l
	}).(*layoutIDs)
}

func (c *linkChecker) layoutIDsKnown() bool { return c.layouts().known }

func (c *linkChecker) layoutHasID(id string) bool { return c.layouts().ids[id] }
