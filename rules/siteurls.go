package rules

import (
	"bytes"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/postlint/postlint/lint"
	"gopkg.in/yaml.v3"
)

// siteURLs is the set of URLs a site publishes, as far as postlint can
// compute them, with the source file behind each.
type siteURLs struct {
	// byURL maps a normalized URL path to the root-relative source file.
	byURL map[string]string
	// byFile maps a source file to the URLs it is published at.
	byFile map[string][]string
	// generated are URL prefixes that plugins or the generator fill with
	// pages postlint does not model (tags, pagination, archives).
	generated []string
	// unknown is set when pages come from code postlint cannot read (a
	// generator plugin, Hugo permalinks): missing URLs are then not
	// reported.
	unknown bool
	// fold compares URLs case-insensitively (Hugo lowercases them).
	fold bool
}

// normURL reduces a URL path to a comparable form: decoded, rooted,
// without "index.html", ".html" or a trailing slash, which web servers
// serving a static site treat alike.
func (u *siteURLs) normURL(p string) string {
	if d, err := url.PathUnescape(p); err == nil {
		p = d
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = path.Clean(p)
	p = strings.TrimSuffix(p, "/index.html")
	p = strings.TrimSuffix(p, "/index.htm")
	p = strings.TrimSuffix(p, ".html")
	if p == "" {
		p = "/"
	}
	if u.fold {
		p = strings.ToLower(p)
	}
	return p
}

func (u *siteURLs) add(urlPath, rel string) {
	n := u.normURL(urlPath)
	// rel "" is a URL with no source page (a section list); a page
	// published there wins.
	if old, ok := u.byURL[n]; !ok || (old == "" && rel != "") {
		u.byURL[n] = rel
	}
	if rel != "" {
		u.byFile[rel] = append(u.byFile[rel], urlPath)
	}
}

// lookup returns the source file published at urlPath.
func (u *siteURLs) lookup(urlPath string) (string, bool) {
	rel, ok := u.byURL[u.normURL(urlPath)]
	return rel, ok
}

// isGenerated reports whether a URL falls under a prefix whose pages are
// generated.
func (u *siteURLs) isGenerated(urlPath string) bool {
	n := u.normURL(urlPath)
	for _, g := range u.generated {
		if n == strings.TrimSuffix(g, "/") || strings.HasPrefix(n+"/", g) {
			return true
		}
	}
	return false
}

// siteURLIndex computes (once per run) the URLs of a site.
func siteURLIndex(site *lint.Site) *siteURLs {
	return site.Memo("internal-link:urls", func() any {
		u := &siteURLs{byURL: map[string]string{}, byFile: map[string][]string{}}
		switch site.Kind {
		case lint.SiteJekyll:
			indexJekyllURLs(site, u)
		case lint.SiteHugo:
			u.fold = !cfgBool(cfgLookupFold(site.Config, "disablePathToLower"))
			indexHugoURLs(site, u)
		}
		return u
	}).(*siteURLs)
}

func cfgBool(v any) bool { b, _ := v.(bool); return b }

func cfgLookupFold(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

// jekyllPermalinkStyles are Jekyll's named permalink styles.
var jekyllPermalinkStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// jekyllGeneratorPlugins make pages under prefixes taken from their
// configuration or fixed ones.
var jekyllGeneratorPlugins = map[string][]string{
	"jekyll-feed":          {"/feed.xml", "/feed/"},
	"jekyll-sitemap":       {"/sitemap.xml", "/robots.txt"},
	"jekyll-paginate":      {"/page"},
	"jekyll-archives":      {"/"},
	"jekyll-tagging":       {"/tag/", "/tags/"},
	"jekyll-seo-tag":       nil,
	"jekyll-redirect-from": {"/redirects.json"},
}

// frontMatterOf reads the YAML front matter of a non-Markdown page
// (.html); nil when it has none.
func frontMatterOf(site *lint.Site, rel string) map[string]any {
	b, err := readFileIn(site, rel)
	if err != nil || !bytes.HasPrefix(b, []byte("---")) {
		return nil
	}
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || strings.TrimSpace(string(b[:nl])) != "---" {
		return nil
	}
	rest := b[nl+1:]
	end := fmCloseRE.FindIndex(rest)
	if end == nil {
		return nil
	}
	var m map[string]any
	if yaml.Unmarshal(rest[:end[0]], &m) != nil || m == nil {
		return map[string]any{}
	}
	return m
}

func indexJekyllURLs(site *lint.Site, u *siteURLs) {
	cfg := site.Config
	for _, p := range jekyllPlugins(site) {
		if prefixes, ok := jekyllGeneratorPlugins[p]; ok {
			u.generated = append(u.generated, prefixes...)
		}
	}
	if pp := fmString(cfg["paginate_path"]); pp != "" {
		u.generated = append(u.generated, strings.SplitN(pp, ":num", 2)[0])
	}
	// Generators in _plugins may write any page.
	site.Files.Walk(func(rel string) {
		if strings.HasPrefix(rel, "_plugins/") && strings.HasSuffix(rel, ".rb") {
			u.unknown = true
		}
	})
	posts := map[string]*lint.Post{}
	for _, p := range site.Posts {
		posts[p.Path] = p
	}
	cols := jekyllCollections(site)
	site.Files.Walk(func(rel string) {
		if !jekyllReads(site, rel) {
			return
		}
		var fm map[string]any
		if p := posts[rel]; p != nil {
			if p.FrontMatterErr == nil && hasFrontMatterFile(site, rel) {
				fm = p.FrontMatter
			}
		} else if ext := path.Ext(rel); ext == ".html" || ext == ".htm" || ext == ".xml" || ext == ".scss" || ext == ".sass" || ext == ".json" || ext == ".txt" {
			fm = frontMatterOf(site, rel)
		}
		for _, r := range redirectFrom(fm) {
			u.add(r, rel)
		}
		first, _, _ := strings.Cut(rel, "/")
		switch {
		case isPostPath(rel):
			if fm == nil && !lint.IsMarkdown(rel) {
				u.add("/"+rel, rel)
				return
			}
			if p := posts[rel]; p != nil {
				for _, url := range jekyllPostURLs(site, p, fm) {
					u.add(url, rel)
				}
			}
		case strings.HasPrefix(first, "_"):
			label := strings.TrimPrefix(first, "_")
			c, ok := cols[label]
			if !ok || !cfgBool(c["output"]) {
				return
			}
			if fm == nil {
				u.add("/"+rel, rel) // static file of the collection
				return
			}
			tmpl := fmString(c["permalink"])
			if tmpl == "" {
				tmpl = "/:collection/:path:output_ext"
			}
			if pl := fmString(fm["permalink"]); pl != "" {
				tmpl = pl
			}
			inner := strings.TrimPrefix(rel, first+"/")
			ph := map[string]string{
				"collection": label,
				"path":       strings.TrimSuffix(inner, path.Ext(inner)),
				"name":       strings.TrimSuffix(path.Base(inner), path.Ext(inner)),
				"basename":   strings.TrimSuffix(path.Base(inner), path.Ext(inner)),
				"title":      strings.TrimSuffix(path.Base(inner), path.Ext(inner)),
				"output_ext": outputExt(rel),
			}
			u.add(expandPermalink(tmpl, ph), rel)
		default:
			if fm == nil {
				u.add("/"+rel, rel)
				if ext := path.Ext(rel); ext == ".scss" || ext == ".sass" {
					u.add("/"+strings.TrimSuffix(rel, ext)+".css", rel)
				}
				return
			}
			u.add(jekyllPageURL(site, rel, fm), rel)
		}
	})
}

func isPostPath(rel string) bool {
	return strings.HasPrefix(rel, "_posts/") || strings.Contains(rel, "/_posts/")
}

func hasFrontMatterFile(site *lint.Site, rel string) bool {
	b, err := readFileIn(site, rel)
	if err != nil {
		return false
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	return bytes.HasPrefix(b, []byte("---"))
}

func redirectFrom(fm map[string]any) []string {
	switch v := fm["redirect_from"].(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func outputExt(rel string) string {
	switch ext := path.Ext(rel); {
	case lint.IsMarkdown(rel), ext == ".html", ext == ".htm":
		return ".html"
	case ext == ".scss", ext == ".sass":
		return ".css"
	default:
		return ext
	}
}

// jekyllPageURL is Page#url: the front matter permalink, else the folder
// and name with the suffix the permalink style implies.
func jekyllPageURL(site *lint.Site, rel string, fm map[string]any) string {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	ph := map[string]string{"path": dir, "basename": base, "output_ext": outputExt(rel)}
	if pl := fmString(fm["permalink"]); pl != "" {
		return expandPermalink(pl, ph)
	}
	if d := defaultsValue(site, rel, "pages", "permalink"); d != "" {
		return expandPermalink(d, ph)
	}
	html := outputExt(rel) == ".html"
	switch {
	case !html:
		return expandPermalink("/:path/:basename:output_ext", ph)
	case base == "index":
		return expandPermalink("/:path/", ph)
	}
	style := site.Permalink
	if _, ok := jekyllPermalinkStyles[style]; ok {
		if style == "pretty" {
			return expandPermalink("/:path/:basename/", ph)
		}
		return expandPermalink("/:path/:basename:output_ext", ph)
	}
	switch {
	case strings.HasSuffix(style, "/"):
		return expandPermalink("/:path/:basename/", ph)
	case strings.HasSuffix(style, ":output_ext"):
		return expandPermalink("/:path/:basename:output_ext", ph)
	}
	return expandPermalink("/:path/:basename", ph)
}

// defaultsValue returns the front matter default for key that applies to
// rel and type (posts, pages, drafts or a collection label).
func defaultsValue(site *lint.Site, rel, typ, key string) string {
	list, _ := site.Config["defaults"].([]any)
	val := ""
	for _, d := range list {
		m, _ := d.(map[string]any)
		scope, _ := m["scope"].(map[string]any)
		values, _ := m["values"].(map[string]any)
		if values == nil {
			continue
		}
		v := fmString(values[key])
		if v == "" {
			continue
		}
		if t := fmString(scope["type"]); t != "" && t != typ {
			continue
		}
		if p := strings.Trim(fmString(scope["path"]), "/"); p != "" && rel != p && !strings.HasPrefix(rel, p+"/") {
			continue
		}
		val = v
	}
	return val
}

// jekyllPostURLs returns the URLs a post may have: one, or two when the
// day of its date depends on the build machine's time zone.
func jekyllPostURLs(site *lint.Site, p *lint.Post, fm map[string]any) []string {
	tmpl := site.Permalink
	if c, ok := jekyllCollections(site)["posts"]; ok {
		if pl := fmString(c["permalink"]); pl != "" {
			tmpl = pl
		}
	}
	if d := defaultsValue(site, p.Path, "posts", "permalink"); d != "" {
		tmpl = d
	}
	if pl := fmString(fm["permalink"]); pl != "" {
		tmpl = pl
	}
	if t, ok := jekyllPermalinkStyles[tmpl]; ok {
		tmpl = t
	}
	slug := p.Slug
	if s := fmString(fm["slug"]); s != "" {
		slug = s
	}
	var cats []string
	seen := map[string]bool{}
	addCat := func(c string) {
		c = strings.ToLower(c)
		if c != "" && !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	if i := strings.Index(p.Path, "_posts/"); i > 0 {
		for _, c := range strings.Split(strings.Trim(p.Path[:i], "/"), "/") {
			addCat(c)
		}
	}
	for _, key := range []string{"category", "categories"} {
		switch v := fm[key].(type) {
		case string:
			// A plural string is a space-separated list; a singular one
			// is one category.
			if key == "category" {
				addCat(v)
				continue
			}
			for _, c := range strings.Fields(v) {
				addCat(c)
			}
		case []any:
			for _, c := range v {
				addCat(fmString(c))
			}
		}
	}
	dates := []time.Time{p.Date}
	if tz := fmString(site.Config["timezone"]); tz != "" {
		if loc, err := time.LoadLocation(tz); err == nil && p.DateHasTime {
			dates = []time.Time{p.Date.In(loc)}
		}
	} else if p.DateHasTime {
		dates = append(dates, p.Date.UTC())
	}
	base := strings.TrimSuffix(path.Base(p.Path), path.Ext(p.Path))
	var urls []string
	for _, d := range dates {
		ph := map[string]string{
			"year":       d.Format("2006"),
			"month":      d.Format("01"),
			"day":        d.Format("02"),
			"i_month":    d.Format("1"),
			"i_day":      d.Format("2"),
			"short_year": d.Format("06"),
			"y_day":      d.Format("002"),
			"hour":       d.Format("15"),
			"minute":     d.Format("04"),
			"second":     d.Format("05"),
			"title":      slugifyPretty(slug),
			"slug":       slugifyDefault(slug),
			"name":       slugifyDefault(base),
			"categories": strings.Join(cats, "/"),
			"output_ext": outputExt(p.Path),
			"collection": "posts",
			"path":       strings.TrimSuffix(p.Path, path.Ext(p.Path)),
			"basename":   base,
		}
		urls = append(urls, expandPermalink(tmpl, ph))
	}
	return urls
}

var (
	placeholderRE = regexp.MustCompile(`:([a-z_]+)`)
	slashesRE     = regexp.MustCompile(`/+`)
	fmCloseRE     = regexp.MustCompile(`(?m)^(---|\.\.\.)\s*$`)
)

// expandPermalink replaces :placeholders and cleans the result as
// Jekyll's URL class does.
func expandPermalink(tmpl string, ph map[string]string) string {
	out := placeholderRE.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := m[1:]
		// The longest placeholder name that is known wins (":title" in
		// ":titlefoo" is not a placeholder, but ":output_ext" is).
		for n := len(name); n > 0; n-- {
			if v, ok := ph[name[:n]]; ok {
				return v + name[n:]
			}
		}
		return m
	})
	out = slashesRE.ReplaceAllString("/"+out, "/")
	return out
}

// slugifyPretty is Jekyll's slugify in "pretty" mode, case kept: runs of
// characters other than letters, digits and ._~!$&'()+,;=@ become "-".
func slugifyPretty(s string) string {
	return slugifyWith(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._~!$&'()+,;=@", r)
	}, false)
}

// slugifyDefault is Jekyll's default slugify: lower case, runs of
// characters other than letters and digits become "-".
func slugifyDefault(s string) string {
	return slugifyWith(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }, true)
}

func slugifyWith(s string, keep func(rune) bool, lower bool) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if keep(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if lower {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

func indexHugoURLs(site *lint.Site, u *siteURLs) {
	cfg := site.Config
	if cfgLookupFold(cfg, "permalinks") != nil || cfgBool(cfgLookupFold(cfg, "uglyURLs")) {
		u.unknown = true
	}
	u.generated = append(u.generated, "/tags/", "/categories/", "/page/", "/index.xml", "/sitemap.xml", "/robots.txt")
	if tax, ok := cfgLookupFold(cfg, "taxonomies").(map[string]any); ok {
		for _, v := range tax {
			u.generated = append(u.generated, "/"+fmString(v)+"/")
		}
	}
	defLang := strings.ToLower(fmString(cfgLookupFold(cfg, "defaultContentLanguage")))
	if defLang == "" {
		defLang = "en"
	}
	inSubdir := cfgBool(cfgLookupFold(cfg, "defaultContentLanguageInSubdir"))
	langs, _ := cfgLookupFold(cfg, "languages").(map[string]any)
	isLang := func(l string) bool {
		for k := range langs {
			if strings.EqualFold(k, l) {
				return true
			}
		}
		return false
	}
	prefix := func(lang string) string {
		if len(langs) == 0 || (lang == defLang && !inSubdir) {
			return ""
		}
		return "/" + lang
	}
	for _, sd := range site.StaticDirs {
		site.Files.Walk(func(rel string) {
			if r, ok := strings.CutPrefix(rel, sd+"/"); ok {
				u.add("/"+r, rel)
				for l := range langs {
					u.add(prefix(strings.ToLower(l))+"/"+r, rel)
				}
			}
		})
	}
	posts := map[string]*lint.Post{}
	for _, p := range site.Posts {
		posts[p.Path] = p
	}
	for _, cd := range site.ContentDirs {
		site.Files.Walk(func(rel string) {
			inner, ok := strings.CutPrefix(rel, cd.Dir+"/")
			if !ok {
				return
			}
			lang := cd.Lang
			if !lint.IsMarkdown(rel) && path.Ext(rel) != ".html" {
				// A bundle resource is published beside its page.
				dir := path.Dir(inner)
				for _, l := range hugoLangs(langs, defLang, lang) {
					u.add(prefix(l)+"/"+dir+"/"+path.Base(inner), rel)
				}
				return
			}
			// A top-level folder of content is a section with a list page.
			if first, _, nested := strings.Cut(inner, "/"); nested {
				for _, l := range hugoLangs(langs, defLang, lang) {
					u.add(prefix(l)+"/"+first+"/", "")
				}
			}
			name := strings.TrimSuffix(path.Base(inner), path.Ext(inner))
			if ext := path.Ext(name); ext != "" && isLang(ext[1:]) {
				lang = strings.ToLower(ext[1:])
				name = strings.TrimSuffix(name, ext)
			}
			dir := path.Dir(inner)
			if dir == "." {
				dir = ""
			}
			p := posts[rel]
			var fm map[string]any
			if p != nil {
				fm = p.FrontMatter
			}
			var pagePath string
			switch name {
			case "index", "_index":
				pagePath = "/" + dir + "/"
			default:
				pagePath = "/" + path.Join(dir, name) + "/"
			}
			if s := fmString(fm["slug"]); s != "" && name != "index" && name != "_index" {
				pagePath = "/" + path.Join(dir, s) + "/"
			} else if s != "" {
				pagePath = "/" + path.Join(path.Dir(dir), s) + "/"
			}
			for _, l := range hugoLangs(langs, defLang, lang) {
				u.add(prefix(l)+pagePath, rel)
				if uu := fmString(fm["url"]); uu != "" {
					u.add(uu, rel)
					u.add(prefix(l)+"/"+strings.TrimPrefix(uu, "/"), rel)
				}
			}
			if al, ok := fm["aliases"].([]any); ok {
				for _, a := range al {
					u.add(fmString(a), rel)
				}
			}
		})
	}
}

// hugoLangs are the languages a content file is published in: its own, or
// every language for a file without one in a multilingual site.
func hugoLangs(langs map[string]any, defLang, lang string) []string {
	if lang != "" {
		return []string{lang}
	}
	if len(langs) == 0 {
		return []string{defLang}
	}
	return []string{defLang}
}
