package rules

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/postlint/postlint/lint"
)

// jekyllCollections returns a Jekyll site's collections (posts included)
// by label, with their settings. It is computed once per site, as it is
// asked for every file of the site's URL index; callers must not change
// it.
func jekyllCollections(site *lint.Site) map[string]map[string]any {
	return site.Memo("rules/siteinfo:collections", func() any { return readJekyllCollections(site) }).(map[string]map[string]any)
}

func readJekyllCollections(site *lint.Site) map[string]map[string]any {
	out := map[string]map[string]any{"posts": {"output": true}}
	switch c := site.Config["collections"].(type) {
	case map[string]any:
		for label, v := range c {
			m, _ := v.(map[string]any)
			if m == nil {
				m = map[string]any{}
			}
			out[label] = m
		}
	case []any:
		for _, v := range c {
			if label, ok := v.(string); ok {
				out[label] = map[string]any{}
			}
		}
	}
	return out
}

// builtBySite reports whether the site generator reads the file at the
// root-relative path rel: Jekyll skips folders whose names start with "_"
// or "." (except _posts, _drafts and collections) and excluded paths; Hugo
// reads content folders only. Files of plain sites are all read.
func builtBySite(site *lint.Site, rel string) bool {
	if site.Memo("site:vendored", func() any { return vendoredSite(site.Root) }).(bool) {
		return false
	}
	switch site.Kind {
	case lint.SiteJekyll:
		return jekyllReads(site, rel)
	case lint.SiteHugo:
		for _, cd := range site.ContentDirs {
			if strings.HasPrefix(rel, cd.Dir+"/") {
				return true
			}
		}
		return false
	}
	return true
}

func jekyllReads(site *lint.Site, rel string) bool {
	return jekyllReaderOf(site).reads(rel)
}

// jekyllReader holds what jekyllReads needs of a site's configuration,
// read once: it is asked for every file of the site by several rules.
type jekyllReader struct {
	collectionsDir string
	cols           map[string]map[string]any
	excludes       []jekyllExclude
}

// jekyllExclude is one exclude pattern of the site. A pattern without glob
// syntax (most are plain paths: "Gemfile", "vendor/bundle") matches as
// doublestar would with a string comparison: the path itself, or, for
// pattern + "/**", anything under it.
type jekyllExclude struct {
	pattern string
	literal bool
	under   string // pattern + "/", for a literal pattern
}

func jekyllReaderOf(site *lint.Site) *jekyllReader {
	return site.Memo("rules/siteinfo:reader", func() any {
		r := &jekyllReader{
			collectionsDir: strings.Trim(fmString(site.Config["collections_dir"]), "/"),
			cols:           jekyllCollections(site),
		}
		for _, pat := range jekyllExcludes(site) {
			e := jekyllExclude{pattern: pat, literal: literalGlob(pat)}
			if e.literal {
				e.under = pat + "/"
			}
			r.excludes = append(r.excludes, e)
		}
		return r
	}).(*jekyllReader)
}

// literalGlob reports whether doublestar reads pattern as a plain path:
// no glob or escape character, and none of the forms (empty, a leading or
// trailing slash, an empty segment) left to doublestar to decide.
func literalGlob(pattern string) bool {
	return pattern != "" && !strings.ContainsAny(pattern, "*?[]{}\\") &&
		!strings.HasPrefix(pattern, "/") && !strings.HasSuffix(pattern, "/") && !strings.Contains(pattern, "//")
}

func (e jekyllExclude) matches(rel string) bool {
	if e.literal {
		return rel == e.pattern || strings.HasPrefix(rel, e.under)
	}
	if ok, _ := doublestar.Match(e.pattern, rel); ok {
		return true
	}
	ok, _ := doublestar.Match(strings.TrimSuffix(e.pattern, "/")+"/**", rel)
	return ok
}

func (r *jekyllReader) reads(rel string) bool {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	if r.collectionsDir != "" {
		if rest, ok := strings.CutPrefix(dir, r.collectionsDir+"/"); ok {
			dir = rest
		} else if dir == r.collectionsDir {
			dir = ""
		}
	}
	for i := 0; dir != ""; i++ {
		part, rest, _ := strings.Cut(dir, "/")
		dir = rest
		if part == "_posts" || part == "_drafts" {
			continue
		}
		if i == 0 && strings.HasPrefix(part, "_") {
			if _, ok := r.cols[strings.TrimPrefix(part, "_")]; ok {
				continue
			}
		}
		if strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") || strings.HasPrefix(part, "#") || strings.HasPrefix(part, "~") {
			return false
		}
	}
	for _, e := range r.excludes {
		if e.matches(rel) {
			return false
		}
	}
	return true
}

// jekyllDefaultExcludes are excluded by Jekyll unless the site lists its own.
var jekyllDefaultExcludes = []string{".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby"}

// jekyllExcludes returns the patterns Jekyll excludes, once per site.
// Callers must not change them.
func jekyllExcludes(site *lint.Site) []string {
	return site.Memo("rules/siteinfo:excludes", func() any { return readJekyllExcludes(site) }).([]string)
}

func readJekyllExcludes(site *lint.Site) []string {
	out := append([]string{}, jekyllDefaultExcludes...)
	if l, ok := site.Config["exclude"].([]any); ok {
		for _, v := range l {
			if s, ok := v.(string); ok {
				out = append(out, strings.Trim(s, "/"))
			}
		}
	}
	return out
}

// siteRel returns the document's path relative to its site root.
func siteRel(pass *lint.Pass) (string, bool) {
	if pass.Site == nil {
		return "", false
	}
	return pass.Site.Rel(pass.Doc.AbsPath)
}

// vendoredSite reports whether a site root lies in a folder that an
// enclosing Jekyll site skips ("_minima-fork/" holding a theme's demo
// site): such a copy is never built, so its pages are not checked.
func vendoredSite(root string) bool {
	dir := root
	for range 6 {
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return false
		}
		dir = parent
		for _, name := range []string{"_config.yml", "_config.yaml", "_config.toml"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				continue
			}
			r, err := filepath.Rel(dir, root)
			if err != nil {
				return false
			}
			for _, part := range strings.Split(filepath.ToSlash(r), "/") {
				if strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") {
					return true
				}
			}
			return false
		}
	}
	return false
}

// jekyllRunsLiquid reports whether Jekyll renders the document with Liquid:
// posts always; pages and collection documents only when they have front
// matter (or, for pages, when jekyll-optional-front-matter is loaded, as on
// GitHub Pages); never with `render_with_liquid: false`.
func jekyllRunsLiquid(pass *lint.Pass, rel string) bool {
	fm := &pass.Doc.FrontMatter
	if v, ok := fm.Data["render_with_liquid"].(bool); ok && !v {
		return false
	}
	if isPostPath(rel) || strings.HasPrefix(rel, "_drafts/") || strings.Contains(rel, "/_drafts/") {
		return true
	}
	if fm.Has() {
		return true
	}
	if strings.HasPrefix(rel, "_") {
		return false // a collection document without front matter is copied as is
	}
	for _, p := range jekyllPlugins(pass.Site) {
		if p == "jekyll-optional-front-matter" || p == "github-pages" {
			return true
		}
	}
	return false
}
