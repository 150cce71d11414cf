package rules

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/postlint/postlint/lint"
	"gopkg.in/yaml.v3"
)

// FrontMatterOptions configure the front-matter rule.
type FrontMatterOptions struct {
	// Required are the keys every post must have.
	Required []string `yaml:"required"`
	// MinPosts is how many other posts must agree on a key's shape before a
	// post that differs is reported.
	MinPosts int `yaml:"min-posts"`
}

// Validate checks the options.
func (o *FrontMatterOptions) Validate() error {
	if o.MinPosts < 1 {
		return errors.New("min-posts must be at least 1")
	}
	for _, k := range o.Required {
		if strings.TrimSpace(k) == "" {
			return errors.New("required: empty key name")
		}
	}
	return nil
}

// FrontMatter checks that front matter parses and means what the site
// generator will do with it.
var FrontMatter = &lint.Rule{
	Name:            "front-matter",
	Summary:         "front matter parses, is closed, and agrees with the file name, layouts and other posts",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"front-matter", "jekyll", "hugo"},
	NewOptions: func() any {
		return &FrontMatterOptions{Required: []string{"title"}, MinPosts: 3}
	},
	Doc: `Checks the metadata block at the top of each page.

Errors (the page is broken):

- front matter that does not parse as YAML, TOML or JSON: the message names
  the line and the parser's reason. Jekyll then renders the page without its
  layout and title; Hugo refuses to build.
- a front matter block that is opened (` + "`---`" + `, ` + "`+++`" + `) and never closed:
  the whole file becomes front matter, or none of it does.
- a Jekyll post whose file name has an impossible date (` + "`2023-02-30-x.md`" + `):
  Jekyll stops with "Invalid date".

Warnings (the page builds, but not as intended):

- a file under ` + "`_posts/`" + ` whose name lacks the ` + "`YYYY-MM-DD-`" + ` date: Jekyll
  silently skips it, so the post is never published.
- a front matter ` + "`date`" + ` whose day differs from the file name's: Jekyll
  uses the front matter date for the URL and the order of posts, so the file
  name lies. Dates with a UTC offset are compared in the site's ` + "`timezone`" + `
  when one is configured, else on the day as written.
- a post without a required key (option ` + "`required`" + `, default ` + "`title`" + `).
- a Jekyll ` + "`layout`" + ` that names no file in ` + "`_layouts/`" + ` (not checked when a
  ` + "`theme`" + ` or ` + "`remote_theme`" + ` provides layouts postlint cannot see).
- a key whose shape differs from the other posts: for example ` + "`cover`" + ` is a
  mapping in most posts but empty here, because ` + "`image:`" + ` lost its
  indentation.

## Example

    ---
    title: Jour 1
    cover:
    image: kubecon.png
    ---

is reported as "` + "`cover`" + ` is empty here but a mapping in 14 other posts, and
` + "`image`" + ` is a top-level key here: indent it under ` + "`cover`" + `".

## Fix

Correct the YAML, rename the file, fix the date, or indent the key.

## Options

- ` + "`required`" + ` (list, default ` + "`[title]`" + `): keys every post must have.
- ` + "`min-posts`" + ` (default 3): how many other posts must agree on a key's shape
  before a differing post is reported.

Severity: broken front matter is an error and the rest are warnings; a
severity set in the configuration applies to every finding.
`,
	Check: checkFrontMatter,
}

// jekyllPostNameRE is Jekyll's DATE_FILENAME_MATCHER applied to a base name
// without its extension.
var jekyllPostNameRE = regexp.MustCompile(`^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$`)

// matchJekyllPostName is jekyllPostNameRE.FindStringSubmatch(name) without
// the regular expression engine, which cost more than the rest of the
// check: each group of digits is the whole run of digits before its "-".
func matchJekyllPostName(name string) []string {
	m := make([]string, 1, 5)
	m[0] = name
	rest := name
	for _, width := range [3][2]int{{2, 4}, {1, 2}, {1, 2}} {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n < width[0] || n > width[1] || n == len(rest) || rest[n] != '-' {
			return nil
		}
		m = append(m, rest[:n])
		rest = rest[n+1:]
	}
	if strings.IndexByte(rest, '\n') >= 0 {
		return nil // "." matches no line break
	}
	return append(m, rest)
}

type fmChecker struct {
	pass *lint.Pass
	opts *FrontMatterOptions
	doc  *lint.Document
}

func (c *fmChecker) severity(s lint.Severity) lint.Severity {
	if c.pass.Severity != c.pass.Rule.DefaultSeverity {
		return c.pass.Severity
	}
	return s
}

func (c *fmChecker) report(sev lint.Severity, start, end int, format string, args ...any) {
	c.pass.Report(lint.Finding{
		Severity: c.severity(sev),
		Start:    lint.Position{Offset: start},
		End:      lint.Position{Offset: end},
		Message:  fmt.Sprintf(format, args...),
	})
}

func checkFrontMatter(pass *lint.Pass) {
	opts, _ := pass.Options.(*FrontMatterOptions)
	if opts == nil {
		opts = &FrontMatterOptions{Required: []string{"title"}, MinPosts: 3}
	}
	c := &fmChecker{pass: pass, opts: opts, doc: pass.Doc}
	if rel, ok := siteRel(pass); ok && !builtBySite(pass.Site, rel) {
		return // the generator never reads it (theme copies, archetypes)
	}
	fm := &c.doc.FrontMatter
	if fm.Unterminated {
		delim := strings.TrimRight(string(c.doc.Lines.Line(1)), " \t")
		closer := "---"
		if delim == "+++" {
			closer = "+++"
		}
		start := c.doc.BOM
		c.report(lint.SeverityError, start, start+len(delim), "front matter opened with %q on line 1 is never closed: add a %q line after the last key", delim, closer)
		return
	}
	if fm.Err != nil {
		c.reportParseError()
	}
	site := pass.Site
	post := c.doc.Post
	if site == nil || post == nil {
		return
	}
	if site.Kind == lint.SiteJekyll && post.Kind == "post" && !c.checkPostName(post) {
		return // Jekyll does not read it as a post
	}
	if fm.Err != nil {
		return
	}
	if c.isPost(post) {
		c.checkRequired()
		c.checkShapes()
	}
	if site.Kind == lint.SiteJekyll {
		c.checkLayout()
	}
}

// isPost says whether the required keys and shape checks apply: Jekyll posts
// and drafts, and Hugo regular pages (section lists have no title of their
// own to require).
func (c *fmChecker) isPost(p *lint.Post) bool {
	switch c.pass.Site.Kind {
	case lint.SiteJekyll:
		return p.Kind == "post" || p.Kind == "draft"
	case lint.SiteHugo:
		return !strings.HasPrefix(path.Base(p.Path), "_index.")
	}
	return false
}

func (c *fmChecker) reportParseError() {
	fm := &c.doc.FrontMatter
	err := fm.Err
	off := fm.ErrOffset
	parser := strings.ToUpper(string(fm.Format))
	reason := err.Error()
	var se *json.SyntaxError
	var te toml.ParseError
	var ye *yaml.TypeError
	switch {
	case errors.As(err, &se):
		off = fm.Content.Start + int(se.Offset) - 1
		off = max(fm.Content.Start, min(off, fm.Content.End))
		reason = se.Error()
	case errors.As(err, &te):
		reason = te.Message
		if te.Position.Line > 0 {
			first := c.doc.Lines.Position(fm.Content.Start).Line
			off = c.doc.Lines.OffsetOf(first+te.Position.Line-1, te.Position.Col+1)
		}
	case errors.As(err, &ye):
		if len(ye.Errors) > 0 {
			reason = yamlLinePrefix.ReplaceAllString(ye.Errors[0], "")
		}
	default:
		reason = yamlLinePrefix.ReplaceAllString(strings.TrimPrefix(reason, "yaml: "), "")
	}
	line := c.doc.Lines.Position(off)
	c.report(lint.SeverityError, off, lineEndAt(c.doc, off), "front matter does not parse as %s: line %d: %s", parser, line.Line, reason)
}

var yamlLinePrefix = regexp.MustCompile(`^(yaml: )?line \d+: `)

// checkPostName checks a Jekyll post's file name and its agreement with the
// front matter date; it returns false when Jekyll does not read the file as
// a post.
func (c *fmChecker) checkPostName(post *lint.Post) bool {
	base := path.Base(post.Path)
	name := strings.TrimSuffix(base, path.Ext(base))
	m := matchJekyllPostName(name)
	if m == nil || path.Ext(base) == "" {
		suggestion := ""
		if d, _, ok := lint.ParseDate(post.FrontMatter["date"]); ok {
			suggestion = fmt.Sprintf("; rename it %s-%s", d.Format("2006-01-02"), base)
		} else {
			suggestion = "; rename it YYYY-MM-DD-" + base
		}
		c.report(lint.SeverityWarning, c.doc.BOM, c.doc.BOM, "%s is under _posts/ but its name lacks the YYYY-MM-DD- date: Jekyll silently skips it%s", base, suggestion)
		return false
	}
	nameDate, err := time.Parse("2006-1-2", expandYear(m[1])+"-"+m[2]+"-"+m[3])
	if err != nil {
		c.report(lint.SeverityError, c.doc.BOM, c.doc.BOM, "%s has an invalid date %s-%s-%s in its name: Jekyll stops with \"Invalid date\"", base, m[1], m[2], m[3])
		return false
	}
	if c.doc.FrontMatter.Err != nil {
		return true
	}
	e, ok := frontMatterEntry(c.doc, "date")
	if !ok {
		return true
	}
	d, hasTime, ok := lint.ParseDate(c.doc.FrontMatter.Data["date"])
	if !ok {
		return true
	}
	day := d
	where := ""
	if tz := fmString(c.pass.Site.Config["timezone"]); tz != "" && hasTime {
		if loc, ok := c.pass.Site.Location(); ok {
			day = d.In(loc)
			if !sameDay(day, d) {
				where = " in the site's timezone " + tz
			}
		}
	}
	if !sameDay(day, nameDate) {
		c.report(lint.SeverityWarning, e.ValueSpan.Start, e.ValueSpan.End, "date is %s%s but the file name says %s: Jekyll uses the front matter date for the URL and the order of posts; make them agree", day.Format("2006-01-02"), where, nameDate.Format("2006-01-02"))
	}
	return true
}

// expandYear turns Jekyll's two- or three-digit years into what Ruby's
// Time.parse makes of them.
func expandYear(y string) string {
	if len(y) == 2 {
		if y >= "69" {
			return "19" + y
		}
		return "20" + y
	}
	return fmt.Sprintf("%04s", y)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func fmString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

func (c *fmChecker) checkRequired() {
	data := c.doc.FrontMatter.Data
	var missing []string
	for _, k := range c.opts.Required {
		if v, ok := data[k]; !ok || v == nil || v == "" {
			missing = append(missing, "`"+k+"`")
		}
	}
	if len(missing) == 0 {
		return
	}
	// Point at the closing delimiter, where the key is to be added.
	start, end := c.doc.BOM, c.doc.BOM
	if fm := &c.doc.FrontMatter; fm.Has() {
		start = fm.Content.End
		end = lineEndAt(c.doc, start)
	}
	what := "key " + missing[0]
	if len(missing) > 1 {
		what = "keys " + strings.Join(missing, ", ")
	}
	hint := ""
	if c.pass.Site.Kind == lint.SiteJekyll && len(missing) == 1 && missing[0] == "`title`" {
		hint = " (Jekyll falls back to the file name)"
	}
	c.report(lint.SeverityWarning, start, end, "front matter lacks the required %s%s: add it", what, hint)
}

func (c *fmChecker) checkLayout() {
	v, ok := c.doc.FrontMatter.Data["layout"].(string)
	if !ok || v == "" || v == "none" || v == "null" {
		return
	}
	cfg := c.pass.Site.Config
	if cfg["theme"] != nil || cfg["remote_theme"] != nil {
		return
	}
	dir := "_layouts"
	if d := fmString(cfg["layouts_dir"]); d != "" {
		dir = strings.Trim(path.Clean(filepath.ToSlash(d)), "/")
	}
	layouts := c.pass.Site.Memo("front-matter:layouts:"+dir, func() any { return listLayouts(c.pass.Site, dir) }).([]string)
	if layouts == nil {
		return // no layouts folder: they come from elsewhere
	}
	for _, l := range layouts {
		if l == v {
			return
		}
	}
	e, _ := frontMatterEntry(c.doc, "layout")
	c.report(lint.SeverityWarning, e.ValueSpan.Start, e.ValueSpan.End, "layout %q matches no file in %s/: Jekyll renders the page without a layout%s", v, dir, lint.Suggest(v, layouts))
}

// listLayouts returns the layout names of a site's layouts folder, or nil
// when there is no such folder.
func listLayouts(site *lint.Site, dir string) []string {
	if !site.Files.HasDir(dir) {
		return nil
	}
	names := []string{}
	site.Files.Walk(func(rel string) {
		if rest, ok := strings.CutPrefix(rel, dir+"/"); ok {
			names = append(names, strings.TrimSuffix(rest, path.Ext(rest)))
		}
	})
	sort.Strings(names)
	return names
}

// keyShapes counts, for each top-level key, the posts where it is a
// non-empty mapping, the posts where it is present at all, and the
// sub-keys seen under it.
type keyShapes struct {
	mapping, present map[string]int
	subkeys          map[string]map[string]bool
	topLevel         map[string]int
	posts            int
}

func (c *fmChecker) group(p *lint.Post) string {
	if c.pass.Site.Kind == lint.SiteHugo {
		rest := p.Path
		for _, cd := range c.pass.Site.ContentDirs {
			if r, ok := strings.CutPrefix(p.Path, cd.Dir+"/"); ok {
				rest = r
				break
			}
		}
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			return "hugo:" + rest[:i]
		}
		return "hugo:"
	}
	return "jekyll:posts"
}

func (c *fmChecker) shapes(group string) *keyShapes {
	return c.pass.Site.Memo("front-matter:shapes:"+group, func() any {
		ks := &keyShapes{mapping: map[string]int{}, present: map[string]int{}, subkeys: map[string]map[string]bool{}, topLevel: map[string]int{}}
		for _, p := range c.pass.Site.Posts {
			if !c.isPost(p) || c.group(p) != group || p.FrontMatterErr != nil {
				continue
			}
			ks.posts++
			for k, v := range p.FrontMatter {
				ks.present[k]++
				ks.topLevel[k]++
				if m, ok := v.(map[string]any); ok && len(m) > 0 {
					ks.mapping[k]++
					if ks.subkeys[k] == nil {
						ks.subkeys[k] = map[string]bool{}
					}
					for sk := range m {
						ks.subkeys[k][sk] = true
					}
				}
			}
		}
		return ks
	}).(*keyShapes)
}

func (c *fmChecker) checkShapes() {
	post := c.doc.Post
	ks := c.shapes(c.group(post))
	data := c.doc.FrontMatter.Data
	entries := frontMatterEntries(c.doc)
	for _, e := range entries {
		v := data[e.Key]
		if _, isMap := v.(map[string]any); isMap {
			continue
		}
		if _, isList := v.([]any); isList {
			continue
		}
		others := ks.mapping[e.Key]
		if post.FrontMatterErr == nil {
			if m, ok := post.FrontMatter[e.Key].(map[string]any); ok && len(m) > 0 {
				others-- // the index saw this post differently; stay safe
			}
		}
		presentElsewhere := ks.present[e.Key] - 1
		if others < c.opts.MinPosts || others*3 < presentElsewhere*2 {
			continue
		}
		here := "empty"
		if v != nil {
			here = fmt.Sprintf("a %s", shapeName(v))
		}
		// Sub-keys of the mapping that sit at the top level here, and
		// rarely do elsewhere, are what lost their indentation.
		var strays []string
		for _, o := range entries {
			if o.Key != e.Key && ks.subkeys[e.Key][o.Key] && ks.topLevel[o.Key]*5 < ks.posts {
				strays = append(strays, "`"+o.Key+"`")
			}
		}
		msg := fmt.Sprintf("`%s` is %s here but a mapping in %d other posts", e.Key, here, others)
		if len(strays) > 0 && v == nil {
			verb := "is a top-level key"
			if len(strays) > 1 {
				verb = "are top-level keys"
			}
			pron := "it"
			if len(strays) > 1 {
				pron = "them"
			}
			msg += fmt.Sprintf(", and %s %s here: indent %s under `%s`", strings.Join(strays, ", "), verb, pron, e.Key)
		} else {
			msg += fmt.Sprintf(": write it as a mapping (%s)", subkeyList(ks.subkeys[e.Key]))
		}
		c.report(lint.SeverityWarning, e.KeySpan.Start, e.KeySpan.End, "%s", msg)
	}
}

func subkeyList(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k+":")
	}
	sort.Strings(keys)
	if len(keys) > 4 {
		keys = append(keys[:4], "…")
	}
	return strings.Join(keys, ", ")
}

func shapeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, int64, float64, uint64:
		return "number"
	case time.Time:
		return "date"
	}
	return "scalar"
}

// readFileIn reads a root-relative file of the site; the path must come
// from Site.Files, so it is inside the root.
func readFileIn(site *lint.Site, rel string) ([]byte, error) {
	if !site.Files.Has(rel) {
		return nil, os.ErrNotExist
	}
	return os.ReadFile(filepath.Join(site.Root, filepath.FromSlash(rel)))
}
