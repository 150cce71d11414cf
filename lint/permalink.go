package lint

import (
	"path"
	"strings"
	"time"
	"unicode"
)

// jekyllStyles are Jekyll's built-in permalink styles.
var jekyllStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// JekyllURL returns the URL path Jekyll gives a file of the site (rel is
// root-relative, fm its front matter), without baseurl: the first of
// JekyllURLs. Relative links and images in the page resolve against it.
func (s *Site) JekyllURL(rel string, fm map[string]any) (u string, ok bool) {
	us, ok := s.JekyllURLs(rel, fm)
	if !ok {
		return "", false
	}
	return us[0], true
}

// JekyllURLs returns the URL paths Jekyll may give a file of the site,
// without baseurl: its `permalink`, else a front matter default's, else its
// collection's, else the site's style. A post whose date has a time of day
// has two when the site sets no timezone, since its day then depends on the
// build machine's zone. ok is false when the file is not one Jekyll renders
// as a page or document (under an underscore or hidden folder that is no
// collection).
func (s *Site) JekyllURLs(rel string, fm map[string]any) (urls []string, ok bool) {
	segs := strings.Split(rel, "/")
	switch {
	case segIndex(segs, "_posts") >= 0 || segIndex(segs, "_drafts") >= 0:
		return s.jekyllPostURLs(rel, fm), true
	case len(segs) > 1 && strings.HasPrefix(segs[0], "_") && s.JekyllCollectionDirs()[segs[0]]:
		return []string{s.jekyllDocURL(rel, segs[0][1:], fm)}, true
	}
	for _, seg := range segs[:len(segs)-1] {
		if strings.HasPrefix(seg, "_") || strings.HasPrefix(seg, ".") {
			return nil, false
		}
	}
	return []string{s.jekyllPageURL(rel, fm)}, true
}

// jekyllPageURL is Page#url: the front matter permalink, else a default's,
// else the folder and name with the suffix the permalink style implies.
func (s *Site) jekyllPageURL(rel string, fm map[string]any) string {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	ph := map[string]string{"path": dir, "basename": base, "output_ext": jekyllOutputExt(rel)}
	if pl := fmString(fm["permalink"]); pl != "" {
		return expandPermalink(pl, ph)
	}
	if d := s.JekyllDefault(rel, "pages", "permalink"); d != "" {
		return expandPermalink(d, ph)
	}
	switch {
	case ph["output_ext"] != ".html":
		return expandPermalink("/:path/:basename:output_ext", ph)
	case base == "index":
		return expandPermalink("/:path/", ph)
	}
	style := s.Permalink
	if t, isStyle := jekyllStyles[style]; isStyle {
		style = t
	}
	return expandPermalink(addPermalinkSuffix("/:path/:basename", style), ph)
}

// jekyllDocURL is Document#url for a document of an output collection
// other than posts.
func (s *Site) jekyllDocURL(rel, coll string, fm map[string]any) string {
	meta, _ := lookupFold(asMap(s.Config["collections"]), coll).(map[string]any)
	tmpl := fmString(meta["permalink"])
	if t, isStyle := jekyllStyles[tmpl]; isStyle {
		tmpl = t
	}
	if tmpl == "" {
		style := s.Permalink
		if t, isStyle := jekyllStyles[style]; isStyle {
			style = t
		}
		tmpl = addPermalinkSuffix("/:collection/:path", style)
	}
	if pl := fmString(fm["permalink"]); pl != "" {
		tmpl = pl
	}
	inColl := strings.TrimPrefix(rel, "_"+coll+"/")
	base := strings.TrimSuffix(path.Base(inColl), path.Ext(inColl))
	slug := stringValue(fm["slug"])
	if slug == "" {
		slug = base
	}
	ph := map[string]string{
		"collection": coll,
		"path":       strings.TrimSuffix(inColl, path.Ext(inColl)),
		"name":       base,
		"basename":   base,
		"title":      slugifyPretty(slug),
		"slug":       slugifyDefault(slug),
		"output_ext": jekyllOutputExt(rel),
	}
	return expandPermalink(tmpl, ph)
}

// jekyllPostURLs returns the URLs of a post or draft.
func (s *Site) jekyllPostURLs(rel string, fm map[string]any) []string {
	tmpl := s.Permalink
	if c, ok := lookupFold(asMap(s.Config["collections"]), "posts").(map[string]any); ok {
		if pl := fmString(c["permalink"]); pl != "" {
			tmpl = pl
		}
	}
	if d := s.JekyllDefault(rel, "posts", "permalink"); d != "" {
		tmpl = d
	}
	if pl := fmString(fm["permalink"]); pl != "" {
		tmpl = pl
	}
	if t, ok := jekyllStyles[tmpl]; ok {
		tmpl = t
	}
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	p := s.PostByPath(rel)
	var date time.Time
	slug, hasTime := "", false
	if p != nil {
		date, slug, hasTime = p.Date, p.Slug, p.DateHasTime
	} else {
		date, slug, _ = ParsePostName(base)
	}
	if sl := stringValue(fm["slug"]); sl != "" {
		slug = sl
	}
	dates := []time.Time{date}
	if tz := fmString(s.Config["timezone"]); tz != "" {
		if loc, ok := s.Location(); ok && hasTime {
			dates = []time.Time{date.In(loc)}
		}
	} else if hasTime {
		dates = append(dates, date.UTC())
	}
	cats := jekyllCategories(rel, fm)
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
			"categories": cats,
			"output_ext": jekyllOutputExt(rel),
			"collection": "posts",
			"path":       strings.TrimSuffix(rel, path.Ext(rel)),
			"basename":   base,
		}
		urls = append(urls, expandPermalink(tmpl, ph))
	}
	return urls
}

// jekyllCategories is the :categories placeholder of a post: the folders
// above _posts, then `category` and `categories`, lower case, each once.
func jekyllCategories(rel string, fm map[string]any) string {
	var cats []string
	seen := map[string]bool{}
	addCat := func(c string) {
		c = strings.ToLower(c)
		if c != "" && !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	if i := strings.Index(rel, "_posts/"); i > 0 {
		for _, c := range strings.Split(strings.Trim(rel[:i], "/"), "/") {
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
	return strings.Join(cats, "/")
}

// JekyllDefault returns the value of key that the site's front matter
// `defaults` give rel of type typ (posts, pages, drafts or a collection
// label), the last matching one winning; "" when none does.
func (s *Site) JekyllDefault(rel, typ, key string) string {
	list, _ := s.Config["defaults"].([]any)
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

// jekyllOutputExt is the extension Jekyll writes a file with.
func jekyllOutputExt(rel string) string {
	switch ext := path.Ext(rel); {
	case IsMarkdown(rel), ext == ".html", ext == ".htm":
		return ".html"
	case ext == ".scss", ext == ".sass":
		return ".css"
	default:
		return ext
	}
}

// expandPermalink replaces :placeholders and cleans the result as
// Jekyll's URL class does. It reads the template as placeholderRE and
// slashesRE would, without running them: it is called for every page and
// post of a Jekyll site's URL index.
func expandPermalink(tmpl string, ph map[string]string) string {
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	b.WriteByte('/')
	lastSlash := true
	write := func(s string) {
		for i := 0; i < len(s); i++ {
			if s[i] == '/' && lastSlash {
				continue // a run of slashes is one
			}
			lastSlash = s[i] == '/'
			b.WriteByte(s[i])
		}
	}
	for i := 0; i < len(tmpl); {
		end := i + 1
		for tmpl[i] == ':' && end < len(tmpl) && (tmpl[end] >= 'a' && tmpl[end] <= 'z' || tmpl[end] == '_') {
			end++
		}
		if end == i+1 { // no placeholder here
			write(tmpl[i:end])
			i = end
			continue
		}
		name := tmpl[i+1 : end]
		repl := tmpl[i:end]
		// Jekyll substitutes each placeholder as a plain prefix, so the
		// longest known name wins (":title" in ":titlefoo" is one, and
		// ":output_ext" is not ":output").
		for n := len(name); n > 0; n-- {
			if v, ok := ph[name[:n]]; ok {
				repl = v + name[n:]
				break
			}
		}
		write(repl)
		i = end
	}
	return b.String()
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

// addPermalinkSuffix is Jekyll's Utils.add_permalink_suffix.
func addPermalinkSuffix(tmpl, style string) string {
	switch {
	case style == jekyllStyles["pretty"] || strings.HasSuffix(style, "/"):
		return tmpl + "/"
	case strings.HasSuffix(style, ":output_ext"):
		return tmpl + ":output_ext"
	}
	return tmpl
}

func segIndex(segs []string, s string) int {
	for i, x := range segs {
		if x == s {
			return i
		}
	}
	return -1
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// fmString is a front matter or configuration value that must be a string,
// or "".
func fmString(v any) string {
	s, _ := v.(string)
	return s
}
