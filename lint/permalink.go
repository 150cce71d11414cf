package lint

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
)

// jekyllStyles are Jekyll's built-in permalink styles.
var jekyllStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

var placeholderRE = regexp.MustCompile(`:([a-z_]+)`)

// JekyllURL returns the URL path Jekyll gives a Markdown file of the site
// (rel is root-relative, fm its front matter), without baseurl: its
// `permalink`, else its collection's, else the site's style. Relative
// links and images in the page resolve against it. ok is false when the
// file is not one Jekyll renders as a page or document.
func (s *Site) JekyllURL(rel string, fm map[string]any) (u string, ok bool) {
	if fm == nil {
		fm = map[string]any{}
	}
	style := s.Permalink
	if t, isStyle := jekyllStyles[style]; isStyle {
		style = t
	}
	ext := ".html"
	base := path.Base(rel)
	name := strings.TrimSuffix(base, path.Ext(base))
	ph := map[string]string{"output_ext": ext, "basename": name, "name": name}
	var tmpl string
	segs := strings.Split(rel, "/")
	coll := ""
	if i := segIndex(segs, "_posts"); i >= 0 {
		coll = "posts"
	} else if i := segIndex(segs, "_drafts"); i >= 0 {
		coll = "posts"
	} else if len(segs) > 1 && strings.HasPrefix(segs[0], "_") && s.JekyllCollectionDirs()[segs[0]] {
		coll = segs[0][1:]
	}
	switch coll {
	case "":
		for _, seg := range segs[:len(segs)-1] {
			if strings.HasPrefix(seg, "_") || strings.HasPrefix(seg, ".") {
				return "", false
			}
		}
		dir := path.Dir(rel)
		if dir == "." {
			dir = ""
		}
		ph["path"] = dir
		tmpl = addPermalinkSuffix("/:path/:basename", style)
		if name == "index" {
			tmpl = "/:path/"
		}
	default:
		ph["collection"] = coll
		meta, _ := lookupFold(asMap(s.Config["collections"]), coll).(map[string]any)
		if p := stringValue(meta["permalink"]); p != "" {
			tmpl = p
			if t, isStyle := jekyllStyles[p]; isStyle {
				tmpl = t
			}
		} else if coll == "posts" {
			tmpl = style
		} else {
			tmpl = addPermalinkSuffix("/:collection/:path", style)
		}
		inColl := rel
		if i := strings.Index(rel, "_"+coll+"/"); i >= 0 {
			inColl = rel[i+len(coll)+2:]
		}
		ph["path"] = strings.TrimSuffix(inColl, path.Ext(inColl))
		if coll == "posts" {
			s.postPlaceholders(rel, name, fm, ph)
		} else {
			ph["title"] = stringValue(fm["slug"])
			if ph["title"] == "" {
				ph["title"] = name
			}
			ph["slug"] = ph["title"]
		}
	}
	if p := stringValue(fm["permalink"]); p != "" {
		tmpl = p
	}
	out := placeholderRE.ReplaceAllStringFunc(tmpl, func(m string) string {
		if v, ok := ph[m[1:]]; ok {
			return v
		}
		return m
	})
	for strings.Contains(out, "//") {
		out = strings.ReplaceAll(out, "//", "/")
	}
	if !strings.HasPrefix(out, "/") {
		out = "/" + out
	}
	return out, true
}

func (s *Site) postPlaceholders(rel, name string, fm map[string]any, ph map[string]string) {
	p := s.PostByPath(rel)
	date, slug := p.dateAndSlug(name)
	title := stringValue(fm["slug"])
	if title == "" {
		title = slug
	}
	ph["title"], ph["slug"] = title, title
	ph["year"] = fmt.Sprintf("%04d", date.Year())
	ph["month"] = fmt.Sprintf("%02d", int(date.Month()))
	ph["i_month"] = fmt.Sprint(int(date.Month()))
	ph["day"] = fmt.Sprintf("%02d", date.Day())
	ph["i_day"] = fmt.Sprint(date.Day())
	ph["short_year"] = fmt.Sprintf("%02d", date.Year()%100)
	ph["y_day"] = fmt.Sprintf("%03d", date.YearDay())
	ph["hour"] = fmt.Sprintf("%02d", date.Hour())
	ph["minute"] = fmt.Sprintf("%02d", date.Minute())
	ph["second"] = fmt.Sprintf("%02d", date.Second())
	// Categories: folders above _posts, then front matter, lower case.
	var cats []string
	if i := strings.Index(rel, "/_posts/"); i >= 0 {
		cats = append(cats, strings.Split(rel[:i], "/")...)
	}
	switch c := fm["categories"].(type) {
	case string:
		cats = append(cats, strings.Fields(c)...)
	case []any:
		for _, x := range c {
			cats = append(cats, stringValue(x))
		}
	}
	if c := stringValue(fm["category"]); c != "" {
		cats = append(cats, c)
	}
	seen := map[string]bool{}
	var uniq []string
	for _, c := range cats {
		c = strings.ToLower(c)
		if c != "" && !seen[c] {
			seen[c] = true
			uniq = append(uniq, c)
		}
	}
	ph["categories"] = strings.Join(uniq, "/")
}

func (p *Post) dateAndSlug(name string) (time.Time, string) {
	if p != nil {
		return p.Date, p.Slug
	}
	d, sl, _ := ParsePostName(name)
	return d, sl
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
