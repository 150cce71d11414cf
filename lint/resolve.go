package lint

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// This file answers "which page does this reference name?" the way Jekyll
// and Hugo do, for every rule that follows references between posts
// (post-url, series-order, internal links). Nothing here touches the disk:
// everything is looked up in Site.Files and Site.Posts.

// ErrPostName is wrapped by a PostURLError for a name Jekyll cannot parse
// (no YYYY-MM-DD- date): Jekyll stops the build with "Could not parse name
// of post".
var ErrPostName = errors.New("cannot parse name")

// PostURLError says why a post_url name resolves to no post.
type PostURLError struct {
	Name string
	// Err is ErrPostName for a name without a date, nil for a name that
	// parses but matches no post.
	Err error
	// Similar are the closest existing posts, as post_url names, best first.
	Similar []string
	// Unpublished is the post the name matches when that post has
	// `published: false`: Jekyll leaves it out of site.posts.
	Unpublished string
}

func (e *PostURLError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("post_url %q: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("post_url %q matches no post", e.Name)
}

func (e *PostURLError) Unwrap() error { return e.Err }

// postNameMatcher is Jekyll's PostComparer::MATCHER.
var postNameMatcher = regexp.MustCompile(`^((?:.+/)?)(\d+-\d+-\d+)-(.*)$`)

// jekyllDateFilename is Jekyll's Document::DATE_FILENAME_MATCHER applied to
// the part of a path after "_posts/": files that do not match are not read
// as posts.
var jekyllDateFilename = regexp.MustCompile(`^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$`)

// isDatedFilename reports whether jekyllDateFilename matches s, without
// running the expression, whose lazy prefix is slow to try: the part after
// the last slash is "DATE-NAME.EXT" (2 to 4, 1 or 2, 1 or 2 digits, then a
// last dot with text after it), and the part before that slash, if any,
// is what "(?:.+/)*?" matches: two characters at least, no line break.
func isDatedFilename(s string) bool {
	tail := s
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		if i == 0 || strings.IndexByte(s[:i], '\n') >= 0 {
			return false
		}
		tail = s[i+1:]
	}
	for _, digits := range [...][2]int{{2, 4}, {1, 2}, {1, 2}} {
		n := 0
		for n < len(tail) && tail[n] >= '0' && tail[n] <= '9' {
			n++
		}
		if n < digits[0] || n > digits[1] || n == len(tail) || tail[n] != '-' {
			return false
		}
		tail = tail[n+1:]
	}
	dot := strings.LastIndexByte(tail, '.')
	return dot >= 0 && dot < len(tail)-1
}

// jekyllPost is one file Jekyll reads as a post.
type jekyllPost struct {
	rel string
	// relInColl is rel without collections_dir: Jekyll's relative_path.
	relInColl string
	// name is how post_url names it: the subfolder and the file name
	// without extension ("sub/2023-04-20-x").
	name     string
	date     time.Time
	dateOK   bool
	slug     string
	fileSlug string
	// unpublished is set by `published: false`.
	unpublished bool
}

// jekyllPosts lists the files Jekyll reads as posts: every dated file under
// a _posts folder, whatever its extension, hidden and underscore files
// excepted. Drafts are not posts.
func (s *Site) jekyllPosts() []jekyllPost {
	return s.Memo("lint/resolve:jekyll-posts", func() any {
		var out []jekyllPost
		// With collections_dir, Jekyll reads posts there and names them
		// relative to it.
		collDir := strings.Trim(stringValue(s.Config["collections_dir"]), "/")
		s.Files.Walk(func(rel string) {
			inColl := rel
			if collDir != "" {
				var ok bool
				if inColl, ok = strings.CutPrefix(rel, collDir+"/"); !ok {
					return
				}
			}
			var before, after string
			if r, ok := strings.CutPrefix(inColl, "_posts/"); ok {
				after = r
			} else if i := strings.Index(inColl, "/_posts/"); i >= 0 {
				before, after = inColl[:i], inColl[i+len("/_posts/"):]
			} else {
				return
			}
			for _, seg := range strings.Split(before, "/") {
				if seg != "" && jekyllSpecial(seg) {
					return
				}
			}
			for _, seg := range strings.Split(after, "/") {
				if jekyllSpecial(seg) {
					return
				}
			}
			m := jekyllDateFilename.FindStringSubmatch(after)
			if m == nil {
				return
			}
			sub := strings.TrimSuffix(after, path.Base(after))
			if before != "" {
				sub = before + "/" + sub
			}
			base := path.Base(after)
			jp := jekyllPost{rel: rel, relInColl: inColl, name: sub + strings.TrimSuffix(base, path.Ext(base)), slug: m[2], fileSlug: m[2]}
			jp.date, jp.dateOK = parseJekyllDate(m[1])
			if p := s.PostByPath(rel); p != nil {
				if sl := stringValue(p.FrontMatter["slug"]); sl != "" {
					jp.slug = sl
				}
				if t, _, ok := ParseDate(p.FrontMatter["date"]); ok {
					jp.date, jp.dateOK = t, true
				}
				if pub, ok := p.FrontMatter["published"].(bool); ok && !pub {
					jp.unpublished = true
				}
			}
			out = append(out, jp)
		})
		sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
		return out
	}).([]jekyllPost)
}

// jekyllSpecial reports whether Jekyll's entry filter skips a file or
// folder name (hidden, underscore, Emacs backups).
func jekyllSpecial(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

func parseJekyllDate(s string) (time.Time, bool) {
	t, err := time.Parse("2006-1-2", s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// postOf returns the index entry of a post file, or a minimal one for a
// post the index does not hold (a .textile post).
func (s *Site) postOf(rel string) *Post {
	if p := s.PostByPath(rel); p != nil {
		return p
	}
	base := path.Base(rel)
	p := &Post{Path: rel, Kind: "post", Name: strings.TrimSuffix(base, path.Ext(base)), FrontMatter: map[string]any{}}
	if d, slug, ok := ParsePostName(p.Name); ok {
		p.NameDate, p.Slug, p.Date = d, slug, d
	}
	return p
}

// ResolvePostURL finds the post a Jekyll `{% post_url NAME %}` names, as
// Jekyll 4's tags/post_url.rb does: NAME is [SUBDIR/]YYYY-MM-DD-slug and
// matches _posts/SUBDIR/NAME.EXT or SUBDIR/_posts/NAME.EXT exactly (case
// included, any extension). When nothing matches that way, Jekyll falls back
// to a post with the same date and slug anywhere, with a deprecation
// warning: deprecated is then true. The error is a *PostURLError.
func (s *Site) ResolvePostURL(name string) (post *Post, deprecated bool, err error) {
	orig := strings.TrimSpace(name)
	name = strings.TrimPrefix(orig, "/")
	m := postNameMatcher.FindStringSubmatch(name)
	if m == nil {
		return nil, false, &PostURLError{Name: orig, Err: ErrPostName, Similar: s.similarPosts(name)}
	}
	dir, date, slug := m[1], m[2], m[3]
	posts := s.jekyllPosts()
	unpublished := ""
	for _, p := range posts {
		if postFileNamed(p.relInColl, dir, date+"-"+slug) {
			if p.unpublished {
				unpublished = p.rel
				continue
			}
			return s.postOf(p.rel), false, nil
		}
	}
	if d, ok := parseJekyllDate(date); ok {
		for _, p := range posts {
			if !p.unpublished && p.dateOK && p.slug == slug && p.date.Year() == d.Year() && p.date.Month() == d.Month() && p.date.Day() == d.Day() {
				return s.postOf(p.rel), true, nil
			}
		}
	}
	return nil, false, &PostURLError{Name: orig, Similar: s.similarPosts(name), Unpublished: unpublished}
}

// PostURLName returns the name a post_url tag uses for a post file
// ("sub/2023-04-20-x" for _posts/sub/2023-04-20-x.md), or "" when Jekyll
// does not read the file as a post.
func (s *Site) PostURLName(rel string) string {
	for _, p := range s.jekyllPosts() {
		if p.rel == rel {
			return p.name
		}
	}
	return ""
}

// similarPosts returns the post_url names closest to name: same name but
// for case, same slug a few days off, or same date and a slightly different
// slug.
func (s *Site) similarPosts(name string) []string {
	type cand struct {
		name  string
		score int
	}
	var cands []cand
	m := postNameMatcher.FindStringSubmatch(name)
	var date time.Time
	dateOK := false
	dir, slug := "", name
	if m != nil {
		dir, slug = m[1], m[3]
		date, dateOK = parseJekyllDate(m[2])
	}
	lslug := strings.ToLower(slug)
	seen := map[string]bool{}
	for _, p := range s.jekyllPosts() {
		if seen[p.name] {
			continue
		}
		seen[p.name] = true
		score := -1
		pslug := strings.ToLower(p.fileSlug)
		pdir := strings.TrimSuffix(p.name, path.Base(p.name))
		dist := EditDistance(lslug, pslug)
		maxDist := max(2, len([]rune(slug))/4)
		switch {
		case strings.EqualFold(p.name, name):
			score = 0
		case !dateOK:
			// A name without a date: compare its slug with the posts' slugs.
			if dist <= maxDist {
				score = 10 + dist
			}
		default:
			fd, _, ok := ParsePostName(path.Base(p.name))
			if !ok {
				break
			}
			days := int(fd.Sub(date).Hours() / 24)
			if days < 0 {
				days = -days
			}
			switch {
			case days == 0 && dist == 0:
				score = 1 // another subfolder
			case dist == 0 && days <= 7:
				score = 2 + days
			case days == 0 && dist <= maxDist:
				score = 2 + dist
			case days <= 3 && dist <= 2:
				score = 10 + days + dist
			}
		}
		if score >= 0 {
			if pdir != dir && score > 0 {
				score++
			}
			cands = append(cands, cand{p.name, score})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].name < cands[j].name
	})
	// Only the best tier: a typo of one post should not also suggest its
	// neighbours.
	var out []string
	for i := 0; i < len(cands) && i < 3 && cands[i].score == cands[0].score; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// LinkError says why a Jekyll `{% link PATH %}` finds no file.
type LinkError struct {
	Path string
	// Escapes is set for a path that climbs out of the site root.
	Escapes bool
	// Unpublished names why an existing file is not one Jekyll publishes
	// (an underscore folder that is no collection, a draft), or "".
	Unpublished string
	// CaseVariants are files whose path differs only in case.
	CaseVariants []string
	// LeadingSlash is set when the path starts with "/" but names a page
	// or document: Jekyll compares their relative paths, which have none
	// (only static files match with one).
	LeadingSlash bool
}

func (e *LinkError) Error() string {
	switch {
	case e.Escapes:
		return fmt.Sprintf("link %q climbs out of the site root", e.Path)
	case e.Unpublished != "":
		return fmt.Sprintf("link %q: %s", e.Path, e.Unpublished)
	case e.LeadingSlash:
		return fmt.Sprintf("link %q: a page's path takes no leading slash", e.Path)
	}
	return fmt.Sprintf("link %q matches no file", e.Path)
}

// JekyllCollectionDirs returns the folders of the site's output collections
// ("_posts", "_docs" for a `docs` collection), whose files Jekyll
// publishes although their folder starts with an underscore.
func (s *Site) JekyllCollectionDirs() map[string]bool {
	out := map[string]bool{"_posts": true}
	switch c := s.Config["collections"].(type) {
	case map[string]any:
		for k := range c {
			out["_"+k] = true
		}
	case []any:
		for _, k := range c {
			out["_"+stringValue(k)] = true
		}
	}
	return out
}

// ResolveLink checks the path of a Jekyll `{% link PATH %}` tag as
// tags/link.rb does: a published file of the site whose relative path is
// exactly PATH (compared verbatim, case included); a leading slash matches
// static files only, whose relative paths have one. It returns the
// root-relative path, or a *LinkError.
func (s *Site) ResolveLink(p string) (string, error) {
	orig := p
	p = strings.TrimSpace(p)
	rel, ok := s.Resolve("", p)
	if !ok {
		return "", &LinkError{Path: orig, Escapes: true}
	}
	// Jekyll matches the string as given: "./x" or "a//b" name nothing.
	if strings.TrimPrefix(p, "/") != rel || !s.Files.Has(rel) {
		var variants []string
		if !s.Files.Has(rel) {
			variants = s.Files.Fold(rel)
		}
		return "", &LinkError{Path: orig, CaseVariants: variants}
	}
	if s.JekyllExcluded(rel) {
		return "", &LinkError{Path: orig, Unpublished: "is excluded by the site's exclude setting"}
	}
	segs := strings.Split(rel, "/")
	colls := s.JekyllCollectionDirs()
	for i, seg := range segs {
		if seg == "_drafts" {
			return "", &LinkError{Path: orig, Unpublished: "is a draft, which Jekyll publishes only with --drafts"}
		}
		if i == 0 && colls[seg] || seg == "_posts" {
			continue
		}
		if jekyllSpecial(seg) {
			return "", &LinkError{Path: orig, Unpublished: fmt.Sprintf("is under %s, which Jekyll does not publish", strings.Join(segs[:i+1], "/"))}
		}
	}
	if strings.HasPrefix(p, "/") {
		doc := colls[segs[0]] || slices.Contains(segs, "_posts")
		// A Markdown page is one when it has front matter; an empty map
		// cannot tell "---\n---" from none, so such a file is let be.
		page := false
		if post := s.PostByPath(rel); post != nil && len(post.FrontMatter) > 0 {
			page = true
		}
		if doc || page {
			return "", &LinkError{Path: orig, LeadingSlash: true}
		}
	}
	return rel, nil
}

// hugoContentExts are the content formats Hugo renders as pages.
var hugoContentExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".html": true, ".htm": true, ".adoc": true, ".asciidoc": true, ".ad": true, ".org": true, ".pdc": true, ".pandoc": true, ".rst": true, ".mmark": true}

// hugoIndex holds one language's pages by Hugo's tree keys.
type hugoIndex struct {
	leaves   map[string]string // "/posts/foo" -> rel (regular pages and leaf bundles)
	branches map[string]string // "/posts" -> rel of _index ("" for a section without one)
	byBase   map[string]string // "foo" -> rel, "" when ambiguous
}

type hugoPages struct {
	langs      map[string]*hugoIndex // by language key ("" when the site has one language)
	pageLang   map[string]string     // rel -> language key
	pageDir    map[string]string     // rel -> folder relative to its content dir
	leafBundle map[string]bool       // rel is an index.* file
	languages  map[string]bool
	defLang    string
}

// hugoLanguages returns the configured language keys, lower case, and the
// default one; none when the site is monolingual.
func (s *Site) hugoLanguages() (map[string]bool, string) {
	langs := map[string]bool{}
	if m, ok := lookupFold(s.Config, "languages").(map[string]any); ok {
		for k := range m {
			langs[strings.ToLower(k)] = true
		}
	}
	def := strings.ToLower(stringValue(lookupFold(s.Config, "defaultContentLanguage")))
	if def == "" {
		def = "en"
	}
	if len(langs) < 2 {
		return nil, def
	}
	return langs, def
}

func (s *Site) hugoPages() *hugoPages {
	return s.Memo("lint/resolve:hugo-pages", func() any {
		hp := &hugoPages{langs: map[string]*hugoIndex{}, pageLang: map[string]string{}, pageDir: map[string]string{}, leafBundle: map[string]bool{}}
		hp.languages, hp.defLang = s.hugoLanguages()
		type file struct{ rel, inDir, lang string }
		var files []file
		bundleDirs := map[string]bool{} // root-relative folders holding an index.* page
		s.Files.Walk(func(rel string) {
			ext := strings.ToLower(path.Ext(rel))
			if !hugoContentExts[ext] {
				return
			}
			for _, cd := range s.ContentDirs {
				prefix := cd.Dir + "/"
				if cd.Dir == "" {
					prefix = ""
				}
				in, ok := strings.CutPrefix(rel, prefix)
				if !ok {
					continue
				}
				lang := strings.ToLower(cd.Lang)
				base := strings.TrimSuffix(path.Base(in), path.Ext(in))
				if l := strings.TrimPrefix(path.Ext(base), "."); l != "" && hp.languages[strings.ToLower(l)] {
					lang = strings.ToLower(l)
					base = strings.TrimSuffix(base, path.Ext(base))
				}
				if hp.languages == nil {
					lang = ""
				} else if lang == "" {
					lang = hp.defLang
				}
				if base == "index" {
					bundleDirs[path.Dir(rel)] = true
				}
				files = append(files, file{rel, in, lang})
				break
			}
		})
		sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
		for _, f := range files {
			// A content file inside a leaf bundle is a resource of that
			// bundle, not a page.
			resource := false
			for d := path.Dir(f.rel); d != "." && d != "/"; d = path.Dir(d) {
				if bundleDirs[d] && (d != path.Dir(f.rel) || !isIndexBase(f.rel, hp.languages)) {
					resource = true
					break
				}
			}
			if resource {
				continue
			}
			idx := hp.langs[f.lang]
			if idx == nil {
				idx = &hugoIndex{leaves: map[string]string{}, branches: map[string]string{"/": ""}, byBase: map[string]string{}}
				hp.langs[f.lang] = idx
			}
			hp.pageLang[f.rel] = f.lang
			dir := path.Dir(f.inDir)
			if dir == "." {
				dir = ""
			}
			hp.pageDir[f.rel] = dir
			key, kind := hugoCleanRef(f.inDir, f.lang)
			switch kind {
			case bundleBranch:
				idx.branches[key] = f.rel
			case bundleLeaf:
				hp.leafBundle[f.rel] = true
				idx.leaves[key] = f.rel
			default:
				if _, dup := idx.leaves[key]; !dup {
					idx.leaves[key] = f.rel
				}
			}
			// Every first-level folder is a section, _index or not.
			if first, _, ok := strings.Cut(f.inDir, "/"); ok {
				k := "/" + strings.ToLower(first)
				if _, has := idx.branches[k]; !has {
					idx.branches[k] = ""
				}
			}
		}
		for _, idx := range hp.langs {
			add := func(key, rel string) {
				if key == "/" {
					return
				}
				b := path.Base(key)
				if old, found := idx.byBase[b]; found && old != rel {
					idx.byBase[b] = ""
				} else if !found {
					idx.byBase[b] = rel
				}
			}
			keys := make([]string, 0, len(idx.leaves)+len(idx.branches))
			for k := range idx.leaves {
				keys = append(keys, "L"+k)
			}
			for k, rel := range idx.branches {
				if rel != "" {
					keys = append(keys, "B"+k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				if k[0] == 'L' {
					add(k[1:], idx.leaves[k[1:]])
				} else {
					add(k[1:], idx.branches[k[1:]])
				}
			}
		}
		return hp
	}).(*hugoPages)
}

func isIndexBase(rel string, languages map[string]bool) bool {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if l := strings.TrimPrefix(path.Ext(base), "."); l != "" && languages[strings.ToLower(l)] {
		base = strings.TrimSuffix(base, path.Ext(base))
	}
	return base == "index"
}

type bundleType int

const (
	bundleNot bundleType = iota
	bundleLeaf
	bundleBranch
)

// hugoCleanTreeKey is Hugo's cleanTreeKey: lower case, one leading slash,
// no trailing one.
func hugoCleanTreeKey(k string) string {
	return "/" + strings.ToLower(strings.Trim(path.Clean(k), "./"))
}

// hugoCleanRef is Hugo's cleanRef: the tree key of a reference, without
// extension and language suffix, and whether it names a bundle.
func hugoCleanRef(s, lang string) (string, bundleType) {
	key := hugoCleanTreeKey(s)
	if !strings.HasSuffix(key, ".") {
		key = strings.TrimSuffix(key, path.Ext(key))
	}
	if lang != "" {
		key = strings.TrimSuffix(key, "."+lang)
	}
	isBranch := strings.HasSuffix(key, "/_index")
	isLeaf := strings.HasSuffix(key, "/index")
	key = strings.TrimSuffix(key, "/_index")
	if !isBranch {
		key = strings.TrimSuffix(key, "/index")
	}
	if key == "" {
		key = "/"
	}
	switch {
	case isBranch:
		return key, bundleBranch
	case isLeaf:
		return key, bundleLeaf
	}
	return key, bundleNot
}

// RefError says why a Hugo ref or relref resolves to no page.
type RefError struct {
	Ref string
	// Ambiguous lists the pages a bare name matches when it matches several.
	Ambiguous []string
	// UnknownLang is set when lang= names no configured language.
	UnknownLang string
	// Draft is the page the reference resolves to when that page has
	// `draft: true`: Hugo builds without drafts and then finds nothing.
	Draft string
	// Similar are existing pages close to the reference (root-relative
	// paths), best first.
	Similar []string
}

func (e *RefError) Error() string {
	switch {
	case len(e.Ambiguous) > 0:
		return fmt.Sprintf("page reference %q is ambiguous", e.Ref)
	case e.UnknownLang != "":
		return fmt.Sprintf("page reference %q: language %q is not configured", e.Ref, e.UnknownLang)
	case e.Draft != "":
		return fmt.Sprintf("page reference %q names the draft %s", e.Ref, e.Draft)
	}
	return fmt.Sprintf("page reference %q matches no page", e.Ref)
}

// ResolveRef finds the page a Hugo `ref`/`relref` names, as Hugo's
// getContentNode does: relative to the page at fromRel (the bundle's parent
// for a leaf bundle), then from the content root, then (for a bare name or
// "/name") by base name when unique; case-insensitive, extension and
// language suffix optional, "x" finding x.md, x/index.md or x/_index.md. A
// "#anchor" is ignored, and "#anchor" alone names the page itself. lang
// selects another language's pages ("" for fromRel's). The error is a
// *RefError.
func (s *Site) ResolveRef(fromRel, ref, lang string) (*Post, error) {
	hp := s.hugoPages()
	orig := ref
	if i := strings.IndexByte(ref, '#'); i >= 0 {
		ref = ref[:i]
	}
	ref = strings.TrimRight(strings.ReplaceAll(strings.TrimSpace(ref), "\\", "/"), "/")
	if ref == "" && strings.Contains(orig, "#") && fromRel != "" {
		return s.postOfPage(fromRel), nil
	}
	switch {
	case lang == "":
		lang = hp.pageLang[fromRel]
	case hp.languages == nil:
		// A monolingual site has one language, defaultContentLanguage;
		// Hugo finds no site for another.
		if !strings.EqualFold(lang, hp.defLang) {
			return nil, &RefError{Ref: orig, UnknownLang: lang}
		}
		lang = ""
	case !hp.languages[strings.ToLower(lang)]:
		return nil, &RefError{Ref: orig, UnknownLang: lang}
	default:
		lang = strings.ToLower(lang)
	}
	idx := hp.langs[lang]
	if idx == nil {
		return nil, &RefError{Ref: orig}
	}
	if ref == "" {
		ref = "/"
	}
	refKey, tp := hugoCleanRef(ref, lang)
	getNode := func(key string, tp bundleType) (string, bool) {
		switch tp {
		case bundleBranch:
			rel, ok := idx.branches[key]
			return rel, ok && rel != ""
		case bundleLeaf:
			rel, ok := idx.leaves[key]
			return rel, ok
		}
		if rel, ok := idx.leaves[key]; ok {
			return rel, true
		}
		rel, ok := idx.branches[key]
		return rel, ok
	}
	found := func(rel string) (*Post, error) {
		if rel == "" {
			// A section without _index: a page Hugo makes itself.
			return &Post{Kind: "section", FrontMatter: map[string]any{}}, nil
		}
		p := s.postOfPage(rel)
		if d, ok := p.FrontMatter["draft"].(bool); ok && d {
			return nil, &RefError{Ref: orig, Draft: rel}
		}
		return p, nil
	}
	navUp := strings.HasPrefix(ref, "..")
	if _, ok := hp.pageLang[fromRel]; ok && !strings.HasPrefix(ref, "/") {
		base := hp.pageDir[fromRel]
		if hp.leafBundle[fromRel] && !navUp {
			base = path.Dir(base)
			if base == "." {
				base = ""
			}
		}
		k, _ := hugoCleanRef(path.Join(base, ref), lang)
		if rel, ok := getNode(k, tp); ok {
			return found(rel)
		}
	}
	if strings.HasPrefix(ref, ".") {
		return nil, &RefError{Ref: orig, Similar: s.similarPages(idx, refKey)}
	}
	if rel, ok := getNode(refKey, tp); ok {
		return found(rel)
	}
	if n := strings.Count(ref, "/"); n == 0 || n == 1 && ref[0] == '/' {
		b := path.Base(refKey)
		if rel, ok := idx.byBase[b]; ok {
			if rel == "" {
				return nil, &RefError{Ref: orig, Ambiguous: idx.withBase(b)}
			}
			return found(rel)
		}
	}
	return nil, &RefError{Ref: orig, Similar: s.similarPages(idx, refKey)}
}

func (idx *hugoIndex) withBase(b string) []string {
	var out []string
	for k, rel := range idx.leaves {
		if path.Base(k) == b {
			out = append(out, rel)
		}
	}
	for k, rel := range idx.branches {
		if rel != "" && path.Base(k) == b {
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out
}

// similarPages returns pages whose tree key is close to key.
func (s *Site) similarPages(idx *hugoIndex, key string) []string {
	type cand struct {
		rel   string
		score int
	}
	var cands []cand
	b := path.Base(key)
	try := func(k, rel string) {
		if rel == "" {
			return
		}
		d := EditDistance(b, path.Base(k))
		if d <= max(2, len(b)/4) {
			if path.Dir(k) != path.Dir(key) {
				d++
			}
			cands = append(cands, cand{rel, d})
		}
	}
	for k, rel := range idx.leaves {
		try(k, rel)
	}
	for k, rel := range idx.branches {
		try(k, rel)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].rel < cands[j].rel
	})
	var out []string
	for i := 0; i < len(cands) && i < 3 && cands[i].score == cands[0].score; i++ {
		out = append(out, cands[i].rel)
	}
	return out
}

// postOfPage returns the index entry of a content file, or a minimal one
// for a format the index does not read.
func (s *Site) postOfPage(rel string) *Post {
	if p := s.PostByPath(rel); p != nil {
		return p
	}
	base := path.Base(rel)
	return &Post{Path: rel, Kind: "page", Name: strings.TrimSuffix(base, path.Ext(base)), Slug: strings.TrimSuffix(base, path.Ext(base)), FrontMatter: map[string]any{}}
}

// IsHugoPage reports whether a root-relative file is a page Hugo renders
// (a content file that is not a resource of a leaf bundle): only those run
// shortcodes.
func (s *Site) IsHugoPage(rel string) bool {
	_, ok := s.hugoPages().pageLang[rel]
	return ok
}

// JekyllRendersLiquid reports whether Jekyll runs Liquid in a file: posts
// (dated files under _posts), drafts, documents of collections, includes
// and layouts always; files under other underscore or hidden folders never
// (Jekyll does not read them); other files only when they have front
// matter (without it they are copied as they are); never in excluded files
// or with `render_with_liquid: false`.
func (s *Site) JekyllRendersLiquid(rel string, hasFrontMatter bool, fm map[string]any) bool {
	if v, ok := fm["render_with_liquid"].(bool); ok && !v {
		return false
	}
	if s.JekyllExcluded(rel) {
		return false
	}
	segs := strings.Split(rel, "/")
	for i, seg := range segs[:len(segs)-1] {
		switch {
		case seg == "_posts":
			return isDatedFilename(strings.Join(segs[i+1:], "/"))
		case seg == "_drafts":
			return true
		case i == 0 && (seg == "_includes" || seg == "_layouts" || s.JekyllCollectionDirs()[seg]):
			return true
		case jekyllSpecial(seg):
			// A _posts folder may sit below ordinary folders only.
			return false
		}
	}
	return hasFrontMatter
}

// postFileNamed reports whether a post's path in its collection is the
// one post_url names: _posts/DIR/NAME.EXT or DIR/_posts/NAME.EXT, where
// DIR is empty or ends with a slash. It matches as the regexp of Jekyll's
// post_url.rb, `^_posts/DIRNAME\.[^.]+|^DIR_posts/?NAME\.[^.]+`, does:
// a prefix, so the path may go on after the extension's first letter.
func postFileNamed(rel, dir, name string) bool {
	extFollows := func(rest string) bool {
		ext, ok := strings.CutPrefix(rest, name+".")
		return ok && ext != "" && ext[0] != '.'
	}
	if rest, ok := strings.CutPrefix(rel, "_posts/"+dir); ok && extFollows(rest) {
		return true
	}
	rest, ok := strings.CutPrefix(rel, dir+"_posts")
	if !ok {
		return false
	}
	if extFollows(rest) {
		return true
	}
	rest, ok = strings.CutPrefix(rest, "/")
	return ok && extFollows(rest)
}

// jekyllDefaultExcludes are added to every site's `exclude` (Jekyll 4).
var jekyllDefaultExcludes = []string{".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"}

// JekyllExcluded reports whether Jekyll's `exclude` setting (with its
// defaults, less `include`) leaves a root-relative path out of the site.
// As in Jekyll's EntryFilter, a pattern matches the path or one of its
// folders as a glob or as a plain prefix.
func (s *Site) JekyllExcluded(rel string) bool {
	pats := s.Memo("lint/resolve:jekyll-exclude", func() any {
		include := map[string]bool{}
		for _, v := range asList(s.Config["include"]) {
			include[strings.Trim(stringValue(v), "/")] = true
		}
		var out []excludePattern
		for _, v := range append(asList(s.Config["exclude"]), anySlice(jekyllDefaultExcludes)...) {
			p := strings.TrimPrefix(stringValue(v), "/")
			if p != "" && !include[strings.Trim(p, "/")] {
				out = append(out, excludePattern{p, fnmatchRegexp(p)})
			}
		}
		return out
	}).([]excludePattern)
	return excludedBy(pats, rel)
}

// excludedBy reports whether one of pats excludes rel or one of its
// folders.
func excludedBy(pats []excludePattern, rel string) bool {
	excluded := func(entry string) bool {
		for _, p := range pats {
			if strings.HasPrefix(entry, p.text) || p.isFolder(entry) || p.matches(entry) {
				return true
			}
		}
		return false
	}
	// Each folder of rel, then rel itself ("a", "a/b", "a/b/c.md"), as
	// prefixes of rel, which Jekyll builds by joining the parts again; a
	// leading slash makes an empty first part.
	rest := strings.TrimLeft(rel, "/")
	if (rest != rel || rest == "") && excluded("") {
		return true
	}
	if rest == "" {
		return false
	}
	for i := 1; i < len(rest); i++ {
		if rest[i] == '/' && excluded(rest[:i]) {
			return true
		}
	}
	return excluded(rest)
}

// excludePattern is one entry of Jekyll's exclude list, with its glob
// compiled once per site (it is matched against every folder of every
// path the rules ask about).
type excludePattern struct {
	text string
	// glob is nil for a pattern without wildcards, which matches only
	// itself, and for a glob that does not compile, which matches nothing.
	glob *regexp.Regexp
}

// isFolder reports whether the pattern is entry with a slash after it.
func (p excludePattern) isFolder(entry string) bool {
	return len(p.text) == len(entry)+1 && strings.HasPrefix(p.text, entry) && p.text[len(entry)] == '/'
}

func (p excludePattern) matches(name string) bool {
	if p.glob != nil {
		return p.glob.MatchString(name)
	}
	return !strings.ContainsAny(p.text, "*?[") && p.text == name
}

// fnmatchRegexp returns the regexp of a pattern of Ruby's File.fnmatch
// without flags (* and ? also match "/"), nil for a pattern without
// wildcards or one that does not compile.
func fnmatchRegexp(pattern string) *regexp.Regexp {
	if !strings.ContainsAny(pattern, "*?[") {
		return nil
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		case '[':
			j := strings.IndexByte(pattern[i:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			b.WriteString(pattern[i : i+j+1])
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}

func asList(v any) []any {
	switch x := v.(type) {
	case []any:
		return x
	case string:
		return []any{x}
	}
	return nil
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
