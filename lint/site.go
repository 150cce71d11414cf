package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"gopkg.in/yaml.v3"
)

// SiteKind is the static site generator a site is built with.
type SiteKind string

// Site kinds.
const (
	SiteJekyll SiteKind = "jekyll"
	SiteHugo   SiteKind = "hugo"
	SitePlain  SiteKind = "plain"
)

// Site is everything about a site that rules need beyond one document: its
// configuration, its posts and its files. It is built once per run and is
// read-only while rules run (Memo excepted, which is safe for concurrent
// use).
type Site struct {
	Kind SiteKind
	// Root is the absolute path of the site's root folder.
	Root string
	// ConfigFile is the generator's configuration file ("" for plain).
	ConfigFile string
	// Config is the decoded generator configuration.
	Config map[string]any
	// BaseURL is the path prefix the site is served under ("/blog"), or "".
	// URL is Jekyll's `url` or the scheme and host of Hugo's baseURL.
	BaseURL, URL string
	// Lang is the site's language as configured ("fr"), or "".
	Lang string
	// Permalink is Jekyll's `permalink` setting (default "date").
	Permalink string
	// Markdown is the Markdown engine: "kramdown" (Jekyll default),
	// "goldmark" (Hugo) or "commonmark".
	Markdown string
	// ContentDirs are Hugo's content folders relative to Root, with the
	// language each holds ("" when shared). Jekyll and plain sites have none.
	ContentDirs []ContentDir
	// StaticDirs are Hugo's static folders relative to Root.
	StaticDirs []string
	// Posts lists the site's posts and pages in path order: for Jekyll every
	// file under a _posts folder (Kind "post"), every draft (Kind "draft")
	// and every other Markdown page (Kind "page"); for Hugo every content
	// page (Kind "page").
	Posts []*Post
	// Files holds every file of the site.
	Files *FileSet

	byPath map[string]*Post
	// checked tells the files of the run to check (nil: none), whose
	// content the index keeps for the checker; sourceBytes counts the
	// bytes kept against sourceBudget.
	checked     func(abs string) bool
	sourceBytes atomic.Int64
	// parsed counts the documents of this site parsed in the run.
	parsed atomic.Int64
	memoMu sync.Mutex
	memo   map[string]*memoEntry
	// md parses the documents rules read besides the checked ones, built on
	// first use: building a parser costs more than a small page.
	md     goldmark.Markdown
	mdOnce sync.Once
	// location is the time zone of the `timezone` setting, loaded on
	// first use: loading reads the zone database.
	location     *time.Location
	locationOnce sync.Once
}

// ContentDir is one Hugo content folder.
type ContentDir struct {
	Dir  string // relative to Root, slash-separated
	Lang string
}

// Post is one post or page of the site.
type Post struct {
	// Path is relative to the site root, slash-separated.
	Path string
	// Kind is "post", "draft" or "page".
	Kind string
	// Name is the file name without extension ("2023-04-20-KubeCon-J1").
	Name string
	// NameDate is the date in a Jekyll-style file name (zero when absent);
	// Slug is the rest of the name after that date.
	NameDate time.Time
	Slug     string
	// Date is the front matter date when set (with its time), else NameDate.
	// DateHasTime says whether it carries a time of day.
	Date        time.Time
	DateHasTime bool
	// Title is the front matter title.
	Title string
	// FrontMatter is the decoded front matter (never nil).
	FrontMatter map[string]any
	// FrontMatterErr is set when the front matter is broken.
	FrontMatterErr error
	// Lang is the language the page declares or that its place implies
	// (Hugo language folders and .fr.md suffixes), or "".
	Lang string
	// OpensWithDashes is set when the file starts with "---" (after a
	// byte order mark, if any), the line Jekyll opens a front matter
	// block with; it does not say whether the block is well formed. Rules
	// read it instead of opening every post again.
	OpensWithDashes bool

	// parsedFrontMatter is the index's parse of the file's front matter and
	// parsedFrom the bytes it depends on (the file up to the end of the
	// block): parsing the file again reuses it while those bytes are
	// unchanged, so a checked file's front matter is decoded once.
	parsedFrontMatter *FrontMatter
	parsedFrom        []byte
	// source is the whole file, read by the index when the run checks it,
	// until the checker takes it: the file is read once, not twice.
	source []byte
}

// frontMatterFor returns the index's parse of the front matter of src, the
// content of the post's file, when src still starts with the bytes it was
// parsed from.
func (p *Post) frontMatterFor(src []byte) (FrontMatter, bool) {
	if p == nil || p.parsedFrontMatter == nil || !bytes.HasPrefix(src, p.parsedFrom) {
		return FrontMatter{}, false
	}
	return *p.parsedFrontMatter, true
}

type memoEntry struct {
	once  sync.Once
	value any
}

// Memo computes a site-wide value once per run and returns it to every
// caller; rules use it for facts that need every post (vocabularies,
// series). key should start with the rule's name.
func (s *Site) Memo(key string, compute func() any) any {
	s.memoMu.Lock()
	if s.memo == nil {
		s.memo = map[string]*memoEntry{}
	}
	e, ok := s.memo[key]
	if !ok {
		e = &memoEntry{}
		s.memo[key] = e
	}
	s.memoMu.Unlock()
	e.once.Do(func() { e.value = compute() })
	return e.value
}

// markdown returns the parser for the documents of the site (of no site
// when s is nil) that are parsed outside a Checker.
func (s *Site) markdown() goldmark.Markdown {
	if s == nil {
		return NewMarkdown()
	}
	s.mdOnce.Do(func() { s.md = NewMarkdown() })
	return s.md
}

// Location returns the time zone the site's `timezone` setting names, and
// false when it names none or one unknown to the zone database.
func (s *Site) Location() (*time.Location, bool) {
	s.locationOnce.Do(func() {
		if tz := fmString(s.Config["timezone"]); tz != "" {
			if loc, err := time.LoadLocation(tz); err == nil {
				s.location = loc
			}
		}
	})
	return s.location, s.location != nil
}

// dropMemo forgets the memoized values once no file of the site is left to
// check: over a run of many sites they would otherwise all stay in memory.
func (s *Site) dropMemo() {
	s.memoMu.Lock()
	s.memo = nil
	s.memoMu.Unlock()
}

// Parsed returns how many documents of the site the run has parsed so far,
// the checked ones and those rules parsed for their own needs: tests use it
// to keep a one-file check from parsing the whole site.
func (s *Site) Parsed() int64 { return s.parsed.Load() }

// PostByPath returns the post at a root-relative slash path, or nil.
func (s *Site) PostByPath(rel string) *Post { return s.byPath[rel] }

// Rel returns the root-relative slash path of an absolute path, and false
// when it lies outside the root.
func (s *Site) Rel(abs string) (string, bool) {
	// Paths found by walking the root need no cleaning: every checked file
	// asks, and filepath.Rel cleans both paths.
	if r, ok := strings.CutPrefix(abs, s.Root); ok && len(r) > 1 && r[0] == filepath.Separator && !strings.HasSuffix(s.Root, string(filepath.Separator)) && isCleanRel(r[1:]) {
		return filepath.ToSlash(r[1:]), true
	}
	r, err := filepath.Rel(s.Root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// isCleanRel tells whether the relative path r is clean: no empty, "." or
// ".." element, no leading or trailing separator.
func isCleanRel(r string) bool {
	for r != "" {
		elem, rest, more := strings.Cut(r, string(filepath.Separator))
		if elem == "" || elem == "." || elem == ".." || more && rest == "" {
			return false
		}
		r = rest
	}
	return true
}

// Resolve joins a slash path to a root-relative folder and cleans it. It
// returns false when the result climbs out of the site root, so that such a
// path is reported and never opened.
func (s *Site) Resolve(baseDir, p string) (string, bool) {
	var joined string
	if strings.HasPrefix(p, "/") {
		joined = path.Clean(p)
	} else {
		joined = path.Clean("/" + baseDir + "/" + p)
	}
	// path.Clean of a rooted path never climbs above "/", so check the
	// unclean parts.
	depth := 0
	parts := strings.Split(strings.TrimPrefix(strings.TrimPrefix(p, "/"), "./"), "/")
	if !strings.HasPrefix(p, "/") && baseDir != "" && baseDir != "." {
		parts = append(strings.Split(baseDir, "/"), parts...)
	}
	for _, part := range parts {
		switch part {
		case "", ".":
		case "..":
			depth--
			if depth < 0 {
				return "", false
			}
		default:
			depth++
		}
	}
	return strings.TrimPrefix(joined, "/"), true
}

// markdownExts are the extensions Jekyll and Hugo render as Markdown.
var markdownExts = map[string]bool{".md": true, ".markdown": true, ".mkdown": true, ".mkdn": true, ".mkd": true, ".mdown": true, ".mdwn": true}

// IsMarkdown reports whether a file name has a Markdown extension.
func IsMarkdown(name string) bool { return markdownExts[strings.ToLower(filepath.Ext(name))] }

// skippedDirs are never walked: build output, dependencies, VCS data.
var skippedDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, "_site": true, "public": true, "vendor": true, ".bundle": true, ".jekyll-cache": true, ".sass-cache": true, ".jekyll-metadata": true}

// SkippedDir reports whether a folder name is skipped by default.
func SkippedDir(name string) bool { return skippedDirs[name] }

var jekyllConfigs = []string{"_config.yml", "_config.yaml", "_config.toml"}
var hugoConfigs = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// DiscoverSite finds the site that contains target (a file or folder) by
// walking up to the nearest Jekyll or Hugo configuration, stopping at the
// repository root. When none is found the site is plain, rooted at stop
// (the folder the user named).
func DiscoverSite(target, stop string) (root string, kind SiteKind) {
	return siteFinder{}.discover(target, stop)
}

// siteFinder is DiscoverSite remembering what it learns of each folder (a
// nil map remembers nothing): the files of a walk share their parent
// folders up to the site root, and asking about one costs several stats.
type siteFinder map[string]folderFacts

// folderFacts is what discovery needs to know about a folder.
type folderFacts struct {
	kind     SiteKind // siteKindAt
	repoRoot bool     // holds .git (only looked at when kind is "")
}

func (f siteFinder) facts(dir string) folderFacts {
	if v, ok := f[dir]; ok {
		return v
	}
	v := folderFacts{kind: siteKindAt(dir)}
	if v.kind == "" {
		_, err := os.Stat(filepath.Join(dir, ".git"))
		v.repoRoot = err == nil
	}
	if f != nil {
		f[dir] = v
	}
	return v
}

// discover is DiscoverSite.
func (f siteFinder) discover(target, stop string) (root string, kind SiteKind) {
	dir := target
	if fi, err := os.Stat(target); err == nil && !fi.IsDir() {
		dir = filepath.Dir(target)
	}
	for {
		facts := f.facts(dir)
		if facts.kind != "" {
			return dir, facts.kind
		}
		if facts.repoRoot {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if stop == "" {
		stop = target
	}
	if fi, err := os.Stat(stop); err == nil && !fi.IsDir() {
		stop = filepath.Dir(stop)
	}
	return stop, SitePlain
}

func siteKindAt(dir string) SiteKind {
	for _, name := range jekyllConfigs {
		if fileExists(filepath.Join(dir, name)) {
			return SiteJekyll
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "content")); err == nil && fi.IsDir() {
		for _, name := range hugoConfigs {
			if fileExists(filepath.Join(dir, name)) {
				return SiteHugo
			}
		}
		if fi, err := os.Stat(filepath.Join(dir, "config", "_default")); err == nil && fi.IsDir() {
			return SiteHugo
		}
	}
	return ""
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// LoadSite reads a site's configuration, files and posts.
func LoadSite(root string, kind SiteKind) (*Site, error) { return loadSite(root, kind, nil, nil) }

// loadSite is LoadSite, its file index read from walked (a walk of the
// files to check) when the root lies in it, keeping the content of the
// posts checked tells for the checker.
func loadSite(root string, kind SiteKind, walked *tree, checked func(abs string) bool) (*Site, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	s := &Site{Kind: kind, Root: abs, Config: map[string]any{}, byPath: map[string]*Post{}, checked: checked}
	switch kind {
	case SiteJekyll:
		err = s.loadJekyllConfig()
	case SiteHugo:
		err = s.loadHugoConfig()
	}
	if err != nil {
		return nil, err
	}
	s.Files, err = indexFiles(abs, walked)
	if err != nil {
		return nil, err
	}
	s.indexPosts()
	return s, nil
}

func (s *Site) loadJekyllConfig() error {
	for _, name := range jekyllConfigs {
		p := filepath.Join(s.Root, name)
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s.ConfigFile = p
		if err := decodeConfig(p, b, &s.Config); err != nil {
			return err
		}
		break
	}
	s.BaseURL = strings.TrimRight(stringValue(s.Config["baseurl"]), "/")
	s.URL = strings.TrimRight(stringValue(s.Config["url"]), "/")
	s.Lang = NormalizeLang(firstString(s.Config, "lang", "locale", "language"))
	s.Permalink = stringValue(s.Config["permalink"])
	if s.Permalink == "" {
		s.Permalink = "date"
	}
	s.Markdown = strings.ToLower(stringValue(s.Config["markdown"]))
	if s.Markdown == "" {
		s.Markdown = "kramdown"
	}
	return nil
}

func (s *Site) loadHugoConfig() error {
	var files []string
	for _, name := range hugoConfigs {
		if p := filepath.Join(s.Root, name); fileExists(p) {
			files = append(files, p)
			break
		}
	}
	// config/_default/*.{toml,yaml,json}: hugo.* or config.* holds the top
	// level, every other file the key named after it (languages.toml …).
	def := filepath.Join(s.Root, "config", "_default")
	if entries, err := os.ReadDir(def); err == nil {
		for _, e := range entries {
			files = append(files, filepath.Join(def, e.Name()))
		}
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		var m map[string]any
		if err := decodeConfig(p, b, &m); err != nil {
			return err
		}
		base := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		if s.ConfigFile == "" {
			s.ConfigFile = p
		}
		if base == "hugo" || base == "config" {
			for k, v := range m {
				s.Config[k] = v
			}
		} else {
			s.Config[base] = m
		}
	}
	base := stringValue(lookupFold(s.Config, "baseURL"))
	if i := strings.Index(base, "://"); i >= 0 {
		rest := base[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			s.URL = base[:i+3+j]
			s.BaseURL = strings.TrimRight(rest[j:], "/")
		} else {
			s.URL = base
		}
	} else {
		s.BaseURL = strings.TrimRight(base, "/")
	}
	s.Lang = NormalizeLang(stringValue(lookupFold(s.Config, "defaultContentLanguage")))
	if s.Lang == "" {
		s.Lang = NormalizeLang(stringValue(lookupFold(s.Config, "languageCode")))
	}
	s.Markdown = "goldmark"
	contentDir := stringValue(lookupFold(s.Config, "contentDir"))
	if contentDir == "" {
		contentDir = "content"
	}
	s.ContentDirs = append(s.ContentDirs, ContentDir{Dir: cleanRel(contentDir)})
	if langs, ok := lookupFold(s.Config, "languages").(map[string]any); ok {
		names := make([]string, 0, len(langs))
		for name := range langs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if l, ok := langs[name].(map[string]any); ok {
				if dir := stringValue(lookupFold(l, "contentDir")); dir != "" {
					s.ContentDirs = append(s.ContentDirs, ContentDir{Dir: cleanRel(dir), Lang: NormalizeLang(name)})
				}
			}
		}
	}
	switch v := lookupFold(s.Config, "staticDir").(type) {
	case string:
		s.StaticDirs = []string{cleanRel(v)}
	case []any:
		for _, d := range v {
			s.StaticDirs = append(s.StaticDirs, cleanRel(stringValue(d)))
		}
	default:
		s.StaticDirs = []string{"static"}
	}
	if theme := stringValue(lookupFold(s.Config, "theme")); theme != "" {
		s.StaticDirs = append(s.StaticDirs, "themes/"+theme+"/static")
	}
	return nil
}

func cleanRel(p string) string { return strings.TrimPrefix(path.Clean("/"+filepath.ToSlash(p)), "/") }

// decodeConfig decodes a YAML, TOML or JSON configuration file by extension.
func decodeConfig(p string, b []byte, v *map[string]any) error {
	var err error
	switch strings.ToLower(filepath.Ext(p)) {
	case ".toml":
		_, err = toml.Decode(string(b), v)
	case ".json":
		err = json.Unmarshal(b, v)
	default:
		err = yaml.Unmarshal(b, v)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if *v == nil {
		*v = map[string]any{}
	}
	return nil
}

// lookupFold finds a key case-insensitively, as Hugo does.
func lookupFold(m map[string]any, key string) any {
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

func stringValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := stringValue(m[k]); s != "" {
			return s
		}
	}
	return ""
}

// NormalizeLang reduces a language tag to its primary subtag, lower case:
// "fr-FR", "fr_FR" and "FR" all give "fr".
func NormalizeLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

var postNameRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$`)

// ParsePostName splits a Jekyll post file name (without extension) into
// its date and slug.
func ParsePostName(name string) (date time.Time, slug string, ok bool) {
	m := postNameRE.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, "", false
	}
	d, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}, "", false
	}
	return d, m[4], true
}

func (s *Site) indexPosts() {
	var paths []string
	nested := nestedSites{files: s.Files, known: map[string]bool{}}
	s.Files.Walk(func(rel string) {
		jekyllHTMLPost := s.Kind == SiteJekyll && isJekyllPostPath(rel) && strings.HasSuffix(rel, ".html")
		if !IsMarkdown(rel) && !jekyllHTMLPost {
			return
		}
		switch s.Kind {
		case SiteJekyll:
			paths = append(paths, rel)
		case SiteHugo:
			for _, cd := range s.ContentDirs {
				if strings.HasPrefix(rel, cd.Dir+"/") {
					paths = append(paths, rel)
					break
				}
			}
		default:
			// A Jekyll or Hugo site inside a plain folder is checked as
			// its own site; indexing its pages here too would hold the
			// front matter of every nested blog for the life of the plain
			// site (a repository's README keeps it loaded).
			if !nested.under(rel) {
				paths = append(paths, rel)
			}
		}
	})
	if len(paths) == 0 {
		return
	}
	sort.Strings(paths)
	s.Posts = make([]*Post, len(paths))
	// Reading the posts' front matter is most of loading a site, and the
	// other workers wait for it (they check the same site's files): read
	// them on every CPU. readPost only reads the site.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)/postsPerReader+1) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				s.Posts[i] = s.readPost(paths[i])
			}
		})
	}
	wg.Wait()
	for _, p := range s.Posts {
		s.byPath[p.Path] = p
	}
}

// postsPerReader is the fewest posts worth another reader goroutine.
const postsPerReader = 32

func isJekyllPostPath(rel string) bool {
	return strings.HasPrefix(rel, "_posts/") || strings.Contains(rel, "/_posts/")
}

func isJekyllDraftPath(rel string) bool {
	return strings.HasPrefix(rel, "_drafts/") || strings.Contains(rel, "/_drafts/")
}

// frontMatterReadLimit bounds how much of a file the index reads: front
// matter sits at the start, and the index must stay cheap on huge files.
// It reads frontMatterFirstRead bytes first, which hold almost every
// block, and reads on to the limit only when the block goes on.
const (
	frontMatterReadLimit = 64 << 10
	frontMatterFirstRead = 4 << 10
)

func (s *Site) readPost(rel string) *Post {
	base := path.Base(rel)
	p := &Post{Path: rel, Kind: "page", Name: strings.TrimSuffix(base, path.Ext(base)), FrontMatter: map[string]any{}}
	if s.Kind == SiteJekyll {
		switch {
		case isJekyllPostPath(rel):
			p.Kind = "post"
		case isJekyllDraftPath(rel):
			p.Kind = "draft"
		}
	}
	if d, slug, ok := ParsePostName(p.Name); ok {
		p.NameDate, p.Slug, p.Date = d, slug, d
	} else {
		p.Slug = p.Name
	}
	file := filepath.Join(s.Root, filepath.FromSlash(rel))
	p.source = s.readSource(file)
	var src []byte
	var err error
	if p.source != nil {
		src = p.source[:min(len(p.source), frontMatterFirstRead)]
	} else if src, err = readHead(file, frontMatterFirstRead); err != nil {
		p.FrontMatterErr = err
		return p
	}
	bom := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		bom = 3
	}
	p.OpensWithDashes = bytes.HasPrefix(src[bom:], []byte("---"))
	fm := parseFrontMatter(src, bom)
	if len(src) == frontMatterFirstRead && !settledWithin(fm, src, bom) {
		if p.source != nil {
			src = p.source[:min(len(p.source), frontMatterReadLimit)]
		} else if src, err = readHead(file, frontMatterReadLimit); err != nil {
			p.FrontMatterErr = err
			return p
		}
		fm = parseFrontMatter(src, bom)
	}
	// The parse depends only on the bytes up to the block's end, provided
	// the closing line was read whole (the head may stop inside a line).
	wholeFile := len(src) < frontMatterReadLimit
	if fm.Has() && !fm.Unterminated && (fm.Span.End < len(src) || wholeFile) {
		p.parsedFrontMatter = &fm
		p.parsedFrom = bytes.Clone(src[:fm.Span.End])
	}
	if fm.Err != nil {
		p.FrontMatterErr = fm.Err
	}
	if fm.Data != nil {
		p.FrontMatter = fm.Data
	}
	p.Title = stringValue(p.FrontMatter["title"])
	if t, hasTime, ok := ParseDate(p.FrontMatter["date"]); ok {
		p.Date, p.DateHasTime = t, hasTime
	}
	p.Lang = NormalizeLang(firstString(p.FrontMatter, "lang", "language", "locale"))
	if p.Lang == "" {
		p.Lang = s.langFromPlace(rel)
	}
	return p
}

// settledWithin reports whether the parse of head, the start of a longer
// file, is that of the whole file: its first line, when it opens no block,
// or its whole block, closing line included, lies in head.
func settledWithin(fm FrontMatter, head []byte, bom int) bool {
	if !fm.Has() {
		return bytes.IndexByte(head[bom:], '\n') >= 0
	}
	return !fm.Unterminated && fm.Span.End < len(head)
}

// langFromPlace gives the language a Hugo page's place implies: a language
// content folder, a "content/fr/" folder of a multilingual site, or a
// ".fr.md" suffix.
func (s *Site) langFromPlace(rel string) string {
	if s.Kind != SiteHugo {
		return ""
	}
	for _, cd := range s.ContentDirs {
		if cd.Lang != "" && strings.HasPrefix(rel, cd.Dir+"/") {
			return cd.Lang
		}
	}
	name := path.Base(rel)
	name = strings.TrimSuffix(name, path.Ext(name))
	if ext := path.Ext(name); len(ext) >= 3 && len(ext) <= 6 {
		if l := strings.TrimPrefix(ext, "."); s.isLanguage(l) || len(l) == 2 {
			return NormalizeLang(l)
		}
	}
	for _, cd := range s.ContentDirs {
		if rest, ok := strings.CutPrefix(rel, cd.Dir+"/"); ok {
			if first, _, found := strings.Cut(rest, "/"); found && s.isLanguage(first) {
				return NormalizeLang(first)
			}
		}
	}
	return ""
}

func (s *Site) isLanguage(name string) bool {
	langs, ok := lookupFold(s.Config, "languages").(map[string]any)
	if !ok {
		return false
	}
	for k := range langs {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// sourceBudget bounds the bytes of the files to check a site's index keeps
// for the checker (see Post.source): a site is checked right after it is
// loaded, but a huge one must not be held in memory whole.
const sourceBudget = 8 << 20

// readSource returns the whole content of the post file, as readRegular
// would, when it is one of the files to check and it fits in what is left
// of the site's budget; nil otherwise, or when it cannot be read (the
// checker reports why).
func (s *Site) readSource(file string) []byte {
	if s.checked == nil || !s.checked(file) {
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	if s.sourceBytes.Add(fi.Size()) > sourceBudget {
		s.sourceBytes.Add(-fi.Size()) // a smaller file may still fit
		return nil
	}
	// As os.ReadFile: read to the end, whatever the size said.
	src := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src
		}
		if err != nil {
			return nil
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
	}
}

// takeSource returns the content of the file abs that the index read for
// the checker, once: the site lets go of it.
func (s *Site) takeSource(abs string) []byte {
	rel, ok := s.Rel(abs)
	if !ok {
		return nil
	}
	p := s.byPath[rel]
	if p == nil {
		return nil
	}
	src := p.source
	p.source = nil
	return src
}

func readHead(p string, limit int) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := limit
	if fi, err := f.Stat(); err == nil && fi.Size() < int64(limit) {
		size = int(fi.Size())
	}
	buf := make([]byte, size)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:n], nil
}

// ParseDate reads a front matter date: a YAML/TOML timestamp or a string in
// the forms Jekyll and Hugo accept. hasTime says whether a time of day was
// given.
func ParseDate(v any) (t time.Time, hasTime bool, ok bool) {
	switch x := v.(type) {
	case time.Time:
		return x, x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0, true
	case string:
		s := strings.TrimSpace(x)
		for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04 -0700", "2006-01-02 15:04", "2006-01-02T15:04"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true, true
			}
		}
		for _, layout := range []string{"2006-01-02", "2006-1-2"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t, false, true
			}
		}
	}
	return time.Time{}, false, false
}

// nestedSites tells whether a path of a plain site lies inside a Jekyll or
// Hugo site, answered from the site's file index (no file system calls)
// and remembered per folder.
type nestedSites struct {
	files *FileSet
	known map[string]bool
}

// under reports whether a folder above rel (not the root) is a site root.
func (n nestedSites) under(rel string) bool {
	dir := path.Dir(rel)
	if dir == "." {
		return false
	}
	if v, ok := n.known[dir]; ok {
		return v
	}
	v := n.isSiteRoot(dir) || n.under(dir)
	n.known[dir] = v
	return v
}

// isSiteRoot is siteKindAt answered from the index.
func (n nestedSites) isSiteRoot(dir string) bool {
	for _, name := range jekyllConfigs {
		if n.files.Has(dir + "/" + name) {
			return true
		}
	}
	if !n.files.HasDir(dir + "/content") {
		return false
	}
	for _, name := range hugoConfigs {
		if n.files.Has(dir + "/" + name) {
			return true
		}
	}
	return n.files.HasDir(dir + "/config/_default")
}
