package rules

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

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
	return site.Memo("internal-link:urls", func() any { return computeSiteURLs(site) }).(*siteURLs)
}

func computeSiteURLs(site *lint.Site) *siteURLs {
	// Most files of a site are published at one URL.
	u := &siteURLs{byURL: make(map[string]string, site.Files.Len()), byFile: make(map[string][]string, site.Files.Len())}
	switch site.Kind {
	case lint.SiteJekyll:
		indexJekyllURLs(site, u)
	case lint.SiteHugo:
		u.fold = !cfgBool(site.ConfigValue("disablePathToLower"))
		indexHugoURLs(site, u)
	}
	return u
}

func cfgBool(v any) bool { b, _ := v.(bool); return b }

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
	if !startsWithDashes(site, rel) {
		return nil
	}
	b, err := readFileIn(site, rel)
	if err != nil || !bytes.HasPrefix(b, []byte("---")) {
		return nil
	}
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || strings.TrimSpace(string(b[:nl])) != "---" {
		return nil
	}
	rest := b[nl+1:]
	end := frontMatterClose(rest)
	if end < 0 {
		return nil
	}
	var m map[string]any
	if yaml.Unmarshal(rest[:end], &m) != nil || m == nil {
		return map[string]any{}
	}
	return m
}

// startsWithDashes reports whether the file rel of site (one that
// site.Files walks) starts with "---", as a front matter does, reading its
// first bytes only: every .html, .xml, .scss... file of a site is read to
// know whether it has one, almost none has, and reading each whole (with
// the size that os.ReadFile asks for first) cost a third of the URL index.
func startsWithDashes(site *lint.Site, rel string) bool {
	f, err := os.Open(filepath.Join(site.Root, filepath.FromSlash(rel)))
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	var head [3]byte
	_, err = io.ReadFull(f, head[:])
	return err == nil && string(head[:]) == "---"
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
	cols := jekyllCollections(site)
	site.Files.Walk(func(rel string) {
		if !jekyllReads(site, rel) {
			return
		}
		var fm map[string]any
		post := site.PostByPath(rel)
		if post != nil {
			if post.FrontMatterErr == nil && post.OpensWithDashes {
				fm = post.FrontMatter
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
			if post != nil {
				urls, _ := site.JekyllURLs(rel, fm)
				for _, url := range urls {
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
			urls, _ := site.JekyllURLs(rel, fm)
			for _, url := range urls {
				u.add(url, rel)
			}
		default:
			if fm == nil {
				u.add("/"+rel, rel)
				if ext := path.Ext(rel); ext == ".scss" || ext == ".sass" {
					u.add("/"+strings.TrimSuffix(rel, ext)+".css", rel)
				}
				return
			}
			url, _ := site.JekyllURL(rel, fm)
			u.add(url, rel)
		}
	})
}

func isPostPath(rel string) bool {
	return strings.HasPrefix(rel, "_posts/") || strings.Contains(rel, "/_posts/")
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

// frontMatterClose returns the offset of the first line of b that closes
// a front matter, "---" or "..." and spaces, or -1: where the expression
// `(?m)^(---|\.\.\.)\s*$` first matches, without trying it at every byte.
func frontMatterClose(b []byte) int {
	for lineStart := 0; lineStart < len(b); {
		if rest := b[lineStart:]; bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) {
			i := 3
			for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\f' || rest[i] == '\r') {
				i++
			}
			if i == len(rest) || rest[i] == '\n' {
				return lineStart
			}
		}
		nl := bytes.IndexByte(b[lineStart:], '\n')
		if nl < 0 {
			break
		}
		lineStart += nl + 1
	}
	return -1
}

func indexHugoURLs(site *lint.Site, u *siteURLs) {
	if site.ConfigValue("permalinks") != nil || cfgBool(site.ConfigValue("uglyURLs")) {
		u.unknown = true
	}
	u.generated = append(u.generated, "/tags/", "/categories/", "/page/", "/index.xml", "/sitemap.xml", "/robots.txt")
	if tax, ok := site.ConfigValue("taxonomies").(map[string]any); ok {
		for _, v := range tax {
			u.generated = append(u.generated, "/"+fmString(v)+"/")
		}
	}
	defLang := strings.ToLower(fmString(site.ConfigValue("defaultContentLanguage")))
	if defLang == "" {
		defLang = "en"
	}
	inSubdir := cfgBool(site.ConfigValue("defaultContentLanguageInSubdir"))
	langs, _ := site.ConfigValue("languages").(map[string]any)
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
			p := site.PostByPath(rel)
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
