package rules

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/postlint/postlint/lint"
	"gopkg.in/yaml.v3"
)

// MissingImageOptions configure missing-image.
type MissingImageOptions struct {
	// Keys are the front matter keys that hold images: dotted paths into
	// mappings, "[]" for every item of a list ("images[]").
	Keys []string `yaml:"keys"`
	// Prefixes maps a key to the folders its relative values are shown
	// from, as the theme's layout prefixes them ("cover.image":
	// ["/assets/images/covers/"]). A key with prefixes is looked up there
	// only, and is checked even when Keys does not list it.
	Prefixes map[string][]string `yaml:"prefixes"`
	// AssetDirs are the folders (and their subfolders) where a relative
	// front matter value of a key without prefixes is also looked for.
	AssetDirs []string `yaml:"asset-dirs"`
}

// Validate rejects empty keys.
func (o *MissingImageOptions) Validate() error {
	for _, k := range o.Keys {
		if strings.TrimSpace(k) == "" {
			return errors.New("keys: empty key")
		}
	}
	for k := range o.Prefixes {
		if strings.TrimSpace(k) == "" {
			return errors.New("prefixes: empty key")
		}
	}
	return nil
}

// allKeys returns Keys and then the keys that only Prefixes names: giving
// a key prefixes is enough to have it checked.
func (o *MissingImageOptions) allKeys() []string {
	keys := append([]string{}, o.Keys...)
	var extra []string
	for k := range o.Prefixes {
		if !slices.Contains(keys, k) {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	return append(keys, extra...)
}

func newMissingImageOptions() any {
	return &MissingImageOptions{
		Keys:      []string{"image", "img", "cover", "cover.image", "thumbnail", "header.image", "header.teaser", "header.overlay_image", "og_image", "featured_image", "images[]"},
		Prefixes:  map[string][]string{},
		AssetDirs: []string{"assets", "images", "img", "static"},
	}
}

// MissingImage checks that local images exist.
var MissingImage = &lint.Rule{
	Name:            "missing-image",
	Summary:         "images point to files that exist, with the exact case",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"links", "images"},
	Fixable:         true,
	NewOptions:      newMissingImageOptions,
	Doc: "Checks that every local image a page shows exists in the site, with the\n" +
		"exact case of its path (GitHub Pages and most hosts are case-sensitive, so\n" +
		"`Photo.PNG` is not `photo.png` there even if your laptop says it is).\n" +
		"\n" +
		"Images are Markdown images (inline and reference-style), HTML `<img src>`,\n" +
		"`srcset` and `<source srcset>`, and front matter keys (see options).\n" +
		"URLs may use `{{ site.baseurl }}`, `{{ site.url }}`, `relative_url`,\n" +
		"`absolute_url`, `prepend: site.baseurl`, `{{ page.KEY }}`, variables the\n" +
		"page assigns or captures, `{% link %}`, or a literal baseurl prefix; the\n" +
		"query and fragment are ignored and `%20` escapes decoded. Remote images\n" +
		"(`http:`, `https:`, `//`), `data:` URLs and template expressions that\n" +
		"cannot be known from the sources are not checked.\n" +
		"\n" +
		"Where an image is looked for:\n" +
		"\n" +
		"- Jekyll: an absolute path from the site root (after the baseurl); a\n" +
		"  relative path against the page's URL (its permalink) and against the\n" +
		"  file's folder.\n" +
		"- Hugo: the static folders, `assets/`, the page bundle (case ignored, as\n" +
		"  Hugo matches resources), and bundle paths under a language prefix\n" +
		"  (`/en/section/page/x.png`).\n" +
		"- Plain Markdown: the file's folder.\n" +
		"- Front matter: as above, plus, for a relative value, the theme's\n" +
		"  prefixes for that key when configured, otherwise the asset folders and\n" +
		"  their subfolders (themes show `image: x.png` from `/assets/images/`).\n" +
		"\n" +
		"A path that climbs out of the site root is reported and never read.\n" +
		"\n" +
		"## Example\n" +
		"\n" +
		"    ![Entrée](/assets/images/2023-04-19-KubeCon_entrance.jpeg)\n" +
		"\n" +
		"is reported as `image \"/assets/images/2023-04-19-KubeCon_entrance.jpeg\"\n" +
		"exists only as assets/images/2023-04-19-KubeCon_Entrance.jpeg;\n" +
		"case-sensitive hosts like GitHub Pages will 404: write\n" +
		"/assets/images/2023-04-19-KubeCon_Entrance.jpeg`.\n" +
		"\n" +
		"## Fix\n" +
		"\n" +
		"Correct the path (the message names a file of the same name when there is\n" +
		"one), or add the missing file.\n" +
		"\n" +
		"## Options\n" +
		"\n" +
		"```yaml\n" +
		"rules:\n" +
		"  missing-image:\n" +
		"    # front matter keys holding images (dotted paths, [] for lists)\n" +
		"    keys: [image, img, cover, cover.image, thumbnail, header.image,\n" +
		"           header.teaser, header.overlay_image, og_image, featured_image, images[]]\n" +
		"    # where the theme shows a key's relative values from (a key given\n" +
		"    # prefixes is checked even when keys does not list it)\n" +
		"    prefixes:\n" +
		"      img: [/assets/images/]\n" +
		"      cover.image: [/assets/images/covers/]\n" +
		"    # searched, with subfolders, for relative values of keys without prefixes\n" +
		"    asset-dirs: [assets, images, img, static]\n" +
		"```\n",
	Check: checkMissingImage,
}

// imageRef is one image URL found in a document.
type imageRef struct {
	raw        string
	start, end int
	what       string // "image", "img src", "srcset", "front matter image"
	key        string // the front matter key, for front matter values
}

func checkMissingImage(pass *lint.Pass) {
	site := pass.Site
	if site == nil {
		return
	}
	opts, _ := pass.Options.(*MissingImageOptions)
	if opts == nil {
		opts = newMissingImageOptions().(*MissingImageOptions)
	}
	rel, ok := site.Rel(pass.Doc.AbsPath)
	if !ok {
		return
	}
	c := &imageChecker{pass: pass, site: site, rel: rel, opts: opts}
	var refs []imageRef
	for _, l := range pass.Doc.Links() {
		if l.Image {
			refs = append(refs, imageRef{raw: l.Dest, start: l.DestSpan.Start, end: l.DestSpan.End, what: "image"})
		}
	}
	refs = append(refs, htmlImages(pass.Doc)...)
	refs = append(refs, c.frontMatterImages()...)
	if len(refs) == 0 {
		return // what follows only serves the checks
	}
	switch site.Kind {
	case lint.SiteJekyll:
		c.liquid = site.JekyllRendersLiquid(rel, pass.Doc.FrontMatter.Has(), pass.Doc.FrontMatter.Data)
		if c.liquid {
			c.vars = pass.Doc.LiquidVars(site)
		}
	case lint.SiteHugo:
		if !site.IsHugoPage(rel) {
			// Outside content/ Hugo renders nothing: a README's images are
			// relative to its folder, as on a forge.
			c.plain = true
		}
	default:
		c.plain = true
	}
	// Images sharing a reference definition are one finding, at it.
	seen := map[lint.Span]bool{}
	for _, r := range refs {
		sp := lint.Span{Start: r.start, End: r.end}
		if seen[sp] {
			continue
		}
		seen[sp] = true
		c.check(r)
	}
}

type imageChecker struct {
	pass   *lint.Pass
	site   *lint.Site
	rel    string
	opts   *MissingImageOptions
	liquid bool
	vars   map[string]string
	plain  bool
	// pageURL is the page's Jekyll URL, "" when it has none; computed when
	// a relative image needs it (most pages have none).
	pageURL     string
	pageURLDone bool
}

func (c *imageChecker) jekyllPageURL() string {
	if !c.pageURLDone {
		c.pageURLDone = true
		if u, ok := c.site.JekyllURL(c.rel, c.pass.Doc.FrontMatter.Data); ok {
			c.pageURL = u
		}
	}
	return c.pageURL
}

// imageCandidate is one place an image may be: a root-relative path, matched
// exactly or ignoring case.
type imageCandidate struct {
	rel  string
	fold bool
}

func (c *imageChecker) check(r imageRef) {
	raw := strings.TrimSpace(r.raw)
	if raw == "" {
		return
	}
	if strings.Contains(raw, "{{") || strings.Contains(raw, "{%") {
		if !c.liquid {
			return
		}
		v, ok := c.site.ExpandURL(c.pass.Doc, raw, c.vars)
		if !ok {
			return
		}
		raw = v
	}
	p, abs, kind := c.site.SitePath(raw)
	if kind != lint.URLLocal {
		return
	}
	var cands []imageCandidate
	escapes := 0
	add := func(base, p string, fold bool) {
		rp, ok := c.site.Resolve(base, p)
		if !ok {
			escapes++
			return
		}
		cands = append(cands, imageCandidate{rp, fold})
	}
	dir := path.Dir(c.rel)
	if dir == "." {
		dir = ""
	}
	prefixes, hasPrefixes := c.opts.Prefixes[r.key]
	switch {
	case r.key != "" && hasPrefixes && !abs:
		for _, pre := range prefixes {
			if x, ok := c.site.ExpandURL(c.pass.Doc, pre, c.vars); ok {
				pre = x
			}
			pp, _, _ := c.site.SitePath(pre)
			add("", strings.TrimPrefix(pp, "/")+"/"+p, false)
		}
	case c.plain:
		if abs {
			add("", p, false)
		} else {
			add(dir, p, false)
		}
	case c.site.Kind == lint.SiteJekyll:
		if abs {
			add("", p, false)
		} else {
			if pageURL := c.jekyllPageURL(); pageURL != "" {
				urlDir := pageURL
				if !strings.HasSuffix(urlDir, "/") {
					urlDir = path.Dir(urlDir)
				}
				add(strings.Trim(urlDir, "/"), p, false)
			}
			add(dir, p, false)
			if r.key != "" {
				// Themes print front matter images through relative_url,
				// which makes "assets/x.png" root-relative.
				add("", p, false)
			}
		}
	case c.site.Kind == lint.SiteHugo:
		c.hugoCandidates(p, abs, dir, add)
	}
	fallback := r.key != "" && !hasPrefixes && !abs && len(c.opts.AssetDirs) > 0
	if fallback {
		for _, d := range c.opts.AssetDirs {
			for _, f := range c.underDir(d, p) {
				cands = append(cands, imageCandidate{f, false})
			}
		}
	}
	if len(cands) == 0 {
		if escapes > 0 {
			c.pass.Reportf(r.start, r.end, "%s %q climbs out of the site root; an image must be a file of the site", r.what, r.raw)
		}
		return
	}
	var variants []string
	excluded := ""
	for _, cd := range cands {
		if c.site.Files.Has(cd.rel) {
			if c.site.Kind == lint.SiteJekyll && !c.plain && c.site.JekyllExcluded(cd.rel) {
				excluded = cd.rel
				continue
			}
			return
		}
		fold := c.site.Files.Fold(cd.rel)
		if cd.fold && len(fold) > 0 {
			return
		}
		for _, f := range fold {
			if !slices.Contains(variants, f) {
				variants = append(variants, f)
			}
		}
	}
	if excluded != "" {
		c.pass.Reportf(r.start, r.end, "%s %q is %s, which the site's exclude setting leaves out of the build; remove it from exclude or move the image", r.what, r.raw, excluded)
		return
	}
	if len(variants) > 0 {
		v := variants[0]
		fixed := c.rewrite(r.raw, cands[0].rel, v)
		msg := fmt.Sprintf("%s %q exists only as %s; case-sensitive hosts like GitHub Pages will 404: write %s", r.what, r.raw, v, fixed)
		if len(variants) == 1 && strings.EqualFold(fixed, r.raw) && fixed != r.raw && string(c.pass.Doc.Src[r.start:r.end]) == r.raw {
			c.pass.ReportWithFix(r.start, r.end, msg, "write "+fixed, fixed)
		} else {
			c.pass.Reportf(r.start, r.end, "%s", msg)
		}
		return
	}
	where := describeCandidates(cands)
	if fallback {
		where += " and under " + strings.Join(c.opts.AssetDirs, ", ")
	}
	msg := fmt.Sprintf("%s %q not found (looked for %s)", r.what, r.raw, where)
	if s := c.similar(p); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	} else {
		msg += "; fix the path or add the file"
	}
	c.pass.Reportf(r.start, r.end, "%s", msg)
}

// rewrite proposes the URL as written with the case of the real file.
func (c *imageChecker) rewrite(raw, want, real string) string {
	// The differing part is at the end of the path: replace the same
	// number of trailing bytes (case changes keep lengths in ASCII).
	if len(want) == len(real) {
		q := raw
		suffix := ""
		if i := strings.IndexAny(q, "?#"); i >= 0 {
			q, suffix = q[:i], q[i:]
		}
		if strings.HasSuffix(strings.ToLower(q), strings.ToLower(want)) {
			return q[:len(q)-len(want)] + real + suffix
		}
		// Compare from the end to keep the URL's own prefix.
		n := 0
		for n < len(q) && n < len(want) && strings.EqualFold(q[len(q)-1-n:len(q)-n], want[len(want)-1-n:len(want)-n]) {
			n++
		}
		return q[:len(q)-n] + real[len(real)-n:] + suffix
	}
	return "/" + real
}

func describeCandidates(cands []imageCandidate) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range cands {
		if !seen[c.rel] {
			seen[c.rel] = true
			names = append(names, c.rel)
		}
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	return strings.Join(names, ", ")
}

// hugoCandidates lists where Hugo may publish an image: static folders,
// assets/, the page bundle and content folders (case ignored), with or
// without a language prefix.
func (c *imageChecker) hugoCandidates(p string, abs bool, dir string, add func(base, p string, fold bool)) {
	site := c.site
	if abs {
		rp := strings.TrimPrefix(p, "/")
		paths := []string{rp}
		if first, rest, ok := strings.Cut(rp, "/"); ok && c.isLanguage(first) {
			paths = append(paths, rest)
		}
		for _, q := range paths {
			for _, sd := range site.StaticDirs {
				add(sd, q, false)
			}
			add("assets", q, false)
			for _, cd := range site.ContentDirs {
				add(cd.Dir, q, true)
			}
		}
		return
	}
	add(dir, p, true)
	// A regular page's URL is its path without extension: relative images
	// resolve below it, in static/ (or a bundle of that name).
	base := strings.TrimSuffix(path.Base(c.rel), path.Ext(c.rel))
	if b := strings.TrimSuffix(base, path.Ext(base)); b != "index" && b != "_index" {
		for _, cd := range site.ContentDirs {
			if in, ok := strings.CutPrefix(c.rel, cd.Dir+"/"); ok {
				pageDir := strings.TrimSuffix(in, path.Ext(in))
				for _, sd := range site.StaticDirs {
					add(sd+"/"+pageDir, p, false)
				}
			}
		}
	}
	for _, sd := range site.StaticDirs {
		add(sd, p, false)
	}
	add("assets", p, false)
}

func (c *imageChecker) isLanguage(name string) bool {
	langs, ok := c.site.Config["languages"].(map[string]any)
	if !ok {
		for k, v := range c.site.Config {
			if strings.EqualFold(k, "languages") {
				langs, _ = v.(map[string]any)
			}
		}
	}
	for k := range langs {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// filesByBase maps a lower-case file name to the site's files that have
// it, sorted; built once per run.
func (c *imageChecker) filesByBase() map[string][]string {
	return c.site.Memo("missing-image:files-by-base", func() any {
		m := map[string][]string{}
		c.site.Files.Walk(func(rel string) {
			b := strings.ToLower(path.Base(rel))
			m[b] = append(m[b], rel)
		})
		for _, v := range m {
			sort.Strings(v)
		}
		return m
	}).(map[string][]string)
}

// underDir returns files under folder d (any depth) whose path ends with
// /p: a theme may show a value from any subfolder of its asset folder.
func (c *imageChecker) underDir(d, p string) []string {
	p = strings.TrimPrefix(p, "./")
	if strings.HasPrefix(p, "../") || p == "" {
		return nil
	}
	var out []string
	for _, f := range c.filesByBase()[strings.ToLower(path.Base(p))] {
		if strings.HasPrefix(f, d+"/") && strings.HasSuffix(f, "/"+p) {
			out = append(out, f)
		}
	}
	return out
}

// similar names files with the image's base name, ignoring case, as
// absolute paths.
func (c *imageChecker) similar(p string) []string {
	var out []string
	for _, f := range c.filesByBase()[strings.ToLower(path.Base(p))] {
		out = append(out, c.urlOf(f))
		if len(out) == 2 {
			break
		}
	}
	return out
}

// urlOf returns how the page would refer to a file of the site: from the
// file's folder on a plain site, else by the path the site serves it at.
func (c *imageChecker) urlOf(rel string) string {
	if c.plain {
		return relPathFrom(path.Dir(c.rel), rel)
	}
	if c.site.Kind == lint.SiteHugo {
		dirs := append([]string{}, c.site.StaticDirs...)
		dirs = append(dirs, "assets")
		for _, cd := range c.site.ContentDirs {
			dirs = append(dirs, cd.Dir)
		}
		for _, d := range dirs {
			if r, ok := strings.CutPrefix(rel, d+"/"); ok {
				return "/" + r
			}
		}
	}
	return "/" + rel
}

// relPathFrom returns the slash path from folder dir to file rel.
func relPathFrom(dir, rel string) string {
	if dir == "." {
		dir = ""
	}
	up := ""
	for dir != "" && !strings.HasPrefix(rel, dir+"/") {
		up += "../"
		dir = path.Dir(dir)
		if dir == "." {
			dir = ""
		}
	}
	if dir != "" {
		rel = strings.TrimPrefix(rel, dir+"/")
	}
	return up + rel
}

// htmlImages finds <img src srcset> and <source srcset> outside code and
// HTML comments.
func htmlImages(d *lint.Document) []imageRef {
	src := d.Src
	var out []imageRef
	i := d.BodyStart
	for i < len(src) {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if bytes.HasPrefix(src[i:], []byte("<!--")) {
			k := bytes.Index(src[i+4:], []byte("-->"))
			if k < 0 {
				break
			}
			if !d.InCode(i) {
				i += 4 + k + 3
				continue
			}
		}
		if i+1 == len(src) || src[i+1]|('a'-'A') != 'i' && src[i+1]|('a'-'A') != 's' {
			i++ // not "<img" nor "<source": spare htmlTagName's lower-case copy
			continue
		}
		name := htmlTagName(src, i+1)
		if (name != "img" && name != "source") || d.InCode(i) || d.Hidden(i) {
			i++
			continue
		}
		attrs, end := parseAttrs(src, i+1+len(name))
		for _, a := range attrs {
			switch {
			case a.name == "src" && name == "img":
				out = append(out, imageRef{raw: a.val, start: a.start, end: a.start + len(a.val), what: "img src"})
			case a.name == "srcset":
				for _, s := range srcsetURLs(a.val) {
					out = append(out, imageRef{raw: a.val[s.Start:s.End], start: a.start + s.Start, end: a.start + s.End, what: "srcset"})
				}
			}
		}
		i = end
	}
	return out
}

func htmlTagName(src []byte, i int) string {
	j := i
	for j < len(src) && (src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
		j++
	}
	if j == i || j < len(src) && src[j] != ' ' && src[j] != '\t' && src[j] != '\n' && src[j] != '\r' && src[j] != '/' && src[j] != '>' {
		return ""
	}
	return strings.ToLower(string(src[i:j]))
}

type htmlAttr struct {
	name  string
	val   string
	start int
}

// skipTemplate returns the end of a {{ }} or {% %} tag at src[i], or i.
func skipTemplate(src []byte, i int) int {
	if i+1 >= len(src) || src[i] != '{' || (src[i+1] != '{' && src[i+1] != '%') {
		return i
	}
	closer := []byte("}}")
	if src[i+1] == '%' {
		closer = []byte("%}")
	}
	k := bytes.Index(src[i+2:], closer)
	if k < 0 {
		return i
	}
	return i + 2 + k + 2
}

// parseAttrs reads HTML attributes from src[i] to the tag's '>'. Template
// tags inside values are skipped whole: Liquid runs before the browser sees
// the quotes inside them.
func parseAttrs(src []byte, i int) ([]htmlAttr, int) {
	var attrs []htmlAttr
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	for i < len(src) {
		for i < len(src) && (isSpace(src[i]) || src[i] == '/') {
			i++
		}
		if i >= len(src) || src[i] == '>' {
			return attrs, min(i+1, len(src))
		}
		ns := i
		for i < len(src) && !isSpace(src[i]) && src[i] != '=' && src[i] != '>' && src[i] != '/' {
			if e := skipTemplate(src, i); e > i {
				i = e
				continue
			}
			i++
		}
		name := strings.ToLower(string(src[ns:i]))
		for i < len(src) && isSpace(src[i]) {
			i++
		}
		if i >= len(src) || src[i] != '=' {
			if ns == i {
				i++
			}
			attrs = append(attrs, htmlAttr{name: name, start: i})
			continue
		}
		i++
		for i < len(src) && isSpace(src[i]) {
			i++
		}
		if i >= len(src) {
			break
		}
		var vs, ve int
		if q := src[i]; q == '"' || q == '\'' {
			vs = i + 1
			j := vs
			for j < len(src) && src[j] != q {
				if e := skipTemplate(src, j); e > j {
					j = e
					continue
				}
				j++
			}
			ve = j
			i = min(j+1, len(src))
		} else {
			vs = i
			for i < len(src) && !isSpace(src[i]) && src[i] != '>' {
				if e := skipTemplate(src, i); e > i {
					i = e
					continue
				}
				i++
			}
			ve = i
		}
		attrs = append(attrs, htmlAttr{name: name, val: string(src[vs:ve]), start: vs})
	}
	return attrs, len(src)
}

// srcsetURLs returns the URL spans of a srcset value ("a.png 1x, b.png 2x").
func srcsetURLs(v string) []lint.Span {
	var out []lint.Span
	b := []byte(v)
	i := 0
	for i < len(b) {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == ',') {
			i++
		}
		if i >= len(b) {
			break
		}
		s := i
		for i < len(b) && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
			if e := skipTemplate(b, i); e > i {
				i = e
				continue
			}
			i++
		}
		e := i
		// A URL directly followed by a comma has no descriptor.
		if e > s && b[e-1] == ',' {
			e--
		}
		out = append(out, lint.Span{Start: s, End: e})
		for i < len(b) && b[i] != ',' {
			i++
		}
	}
	return out
}

// frontMatterImages returns the values of the configured image keys, with
// their positions.
func (c *imageChecker) frontMatterImages() []imageRef {
	fm := &c.pass.Doc.FrontMatter
	if fm.Data == nil {
		return nil
	}
	var out []imageRef
	for _, key := range c.opts.allKeys() {
		if fm.YAML != nil {
			for _, n := range yamlValues(fm.YAML, key) {
				start, end := c.yamlSpan(n)
				out = append(out, imageRef{raw: n.Value, start: start, end: end, what: "front matter " + key, key: key})
			}
			continue
		}
		for _, v := range dataValues(fm.Data, key) {
			start, end := fm.Span.Start, fm.Span.Start
			if k := bytes.Index(c.pass.Doc.Src[fm.Content.Start:fm.Content.End], []byte(v)); k >= 0 {
				start, end = fm.Content.Start+k, fm.Content.Start+k+len(v)
			}
			out = append(out, imageRef{raw: v, start: start, end: end, what: "front matter " + key, key: key})
		}
	}
	return out
}

// yamlSpan converts a scalar node's line and column into offsets of the
// file.
func (c *imageChecker) yamlSpan(n *yaml.Node) (int, int) {
	d := c.pass.Doc
	first := d.Lines.Position(d.FrontMatter.Content.Start).Line
	start := d.Lines.OffsetOf(first+n.Line-1, n.Column)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		start++
	}
	end := d.Lines.LineEnd(d.Lines.Position(start).Line)
	if bytes.HasPrefix(d.Src[start:], []byte(n.Value)) {
		end = start + len(n.Value)
	}
	return start, end
}

// yamlValues returns the scalar nodes at a dotted key path ("header.image",
// "images[]") of a YAML document.
func yamlValues(doc *yaml.Node, key string) []*yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	// Most pages have none of the keys: look for the first part of the
	// path before building anything.
	first, _, _ := strings.Cut(key, ".")
	if !yamlHasKey(n, strings.TrimSuffix(first, "[]")) {
		return nil
	}
	nodes := []*yaml.Node{n}
	for rest, more := key, true; more && len(nodes) > 0; {
		var part string
		part, rest, more = strings.Cut(rest, ".")
		list := strings.HasSuffix(part, "[]")
		part = strings.TrimSuffix(part, "[]")
		var next []*yaml.Node
		for _, m := range nodes {
			if m.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				if m.Content[i].Value != part {
					continue
				}
				v := m.Content[i+1]
				if list {
					if v.Kind == yaml.SequenceNode {
						next = append(next, v.Content...)
					} else {
						next = append(next, v)
					}
				} else {
					next = append(next, v)
				}
			}
		}
		nodes = next
	}
	var out []*yaml.Node
	for _, m := range nodes {
		if m.Kind == yaml.ScalarNode && m.Tag == "!!str" && m.Value != "" {
			out = append(out, m)
		}
	}
	return out
}

// yamlHasKey reports whether n is a mapping with the key.
func yamlHasKey(n *yaml.Node, key string) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// dataValues does the same for decoded TOML or JSON front matter.
func dataValues(data map[string]any, key string) []string {
	cur := []any{data}
	for rest, more := key, true; more && len(cur) > 0; {
		var part string
		part, rest, more = strings.Cut(rest, ".")
		list := strings.HasSuffix(part, "[]")
		part = strings.TrimSuffix(part, "[]")
		var next []any
		for _, x := range cur {
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			v, ok := m[part]
			if !ok {
				continue
			}
			if l, isList := v.([]any); list && isList {
				next = append(next, l...)
			} else {
				next = append(next, v)
			}
		}
		cur = next
	}
	var out []string
	for _, x := range cur {
		if s, ok := x.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}
