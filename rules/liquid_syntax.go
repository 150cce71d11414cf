package rules

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/postlint/postlint/lint"
)

// LiquidSyntaxOptions configure the liquid-syntax rule.
type LiquidSyntaxOptions struct {
	// Tags are extra Liquid tag names the site defines (plugins postlint
	// does not know); a name whose "end" + name is also listed is a block.
	Tags []string `yaml:"tags"`
}

// LiquidSyntax checks template syntax that makes the build fail.
var LiquidSyntax = &lint.Rule{
	Name:            "liquid-syntax",
	Summary:         "Liquid tags and Hugo shortcodes are known, closed and balanced",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"jekyll", "hugo", "liquid", "build"},
	NewOptions:      func() any { return &LiquidSyntaxOptions{} },
	Doc: `Finds template syntax that stops the build or silently eats content.

Jekyll (Liquid 4, as Jekyll 3 and 4 and GitHub Pages use):

- an unknown tag: ` + "`{% youtub x %}`" + ` fails with "Liquid syntax error: Unknown
  tag 'youtub'". Known are Liquid's tags, Jekyll's (` + "`include`" + `,
  ` + "`include_relative`" + `, ` + "`link`" + `, ` + "`post_url`" + `, ` + "`highlight`" + `), those of the well-known
  plugins listed in ` + "`_config.yml`" + ` ` + "`plugins:`" + ` (or ` + "`gems:`" + `, or the Gemfile's
  ` + "`jekyll_plugins`" + ` group): ` + "`seo`" + ` for jekyll-seo-tag, ` + "`feed_meta`" + ` for
  jekyll-feed, ` + "`gist`" + ` for jekyll-gist…, and those that ` + "`_plugins/*.rb`" + `
  register with ` + "`Liquid::Template.register_tag`" + `. When a site loads a plugin
  whose tags postlint does not know, unknown tags are not reported.
- a block never closed (` + "`if`" + `, ` + "`unless`" + `, ` + "`for`" + `, ` + "`case`" + `, ` + "`capture`" + `, ` + "`raw`" + `,
  ` + "`comment`" + `, ` + "`highlight`" + `, ` + "`tablerow`" + `…): "'if' tag was never closed";
- an end tag that closes nothing, or closes another block than the open one;
- ` + "`else`" + `, ` + "`elsif`" + ` or ` + "`when`" + ` outside any block;
- ` + "`{%`" + ` or ` + "`{{`" + ` never closed by ` + "`%}`" + ` or ` + "`}}`" + `.

Tags inside code blocks are checked too: Liquid runs before Markdown. Wrap
template examples in ` + "`{% raw %}…{% endraw %}`" + `.

Hugo:

- a closing shortcode ` + "`{{< /x >}}`" + ` with no opening ` + "`{{< x >}}`" + ` before it;
- an opening shortcode never closed when the shortcode takes content: it is
  closed elsewhere in the same page, it is ` + "`highlight`" + ` or ` + "`details`" + `, or its
  template uses ` + "`.Inner`" + `;
- ` + "`{{<`" + ` or ` + "`{{%`" + ` never closed.

## Example

    {% if page.comments %}
    …
    (no endif)

is reported as "` + "`{% if %}`" + ` is never closed: add ` + "`{% endif %}`" + `".

## Options

- ` + "`tags`" + ` (list): extra tag names your plugins define.
`,
	Check: checkLiquidSyntax,
}

// liquidStandardTags are Liquid 4's tags and Jekyll's own.
var liquidStandardTags = []string{
	"assign", "break", "capture", "case", "comment", "continue", "cycle", "decrement", "for", "if",
	"ifchanged", "include", "increment", "raw", "tablerow", "unless",
	"highlight", "include_relative", "link", "post_url",
}

// liquidBlocks are the tags that need an end tag.
var liquidBlocks = map[string]bool{
	"capture": true, "case": true, "comment": true, "for": true, "if": true, "ifchanged": true,
	"raw": true, "tablerow": true, "unless": true, "highlight": true,
}

// liquidClauses are the tags that only make sense inside a block.
var liquidClauses = map[string]string{"else": "if, unless, for or case", "elsif": "if or unless", "when": "case"}

// liquid5Tags are tags of Liquid 5, which Jekyll does not use.
var liquid5Tags = map[string]string{
	"render": "use include",
	"echo":   "use {{ … }}",
	"liquid": "write one tag per {% … %}",
	"#":      "use {% comment %}…{% endcomment %}",
}

// jekyllPluginTags maps well-known plugins to the tags they register; a
// block's end tag is listed with it. Plugins with no tags map to nil.
var jekyllPluginTags = map[string][]string{
	"jekyll-seo-tag":                   {"seo"},
	"jekyll-feed":                      {"feed_meta"},
	"jekyll-gist":                      {"gist"},
	"jekyll-avatar":                    {"avatar"},
	"jekyll-twitter-plugin":            {"twitter"},
	"jekyll-youtube":                   {"youtube"},
	"jekyll-include-cache":             {"include_cached"},
	"jekyll-katex":                     {"katex", "endkatex", "katexmm", "endkatexmm"},
	"jekyll-responsive-image":          {"responsive_image", "responsive_image_block", "endresponsive_image_block"},
	"jekyll_picture_tag":               {"picture"},
	"jekyll-picture-tag":               {"picture"},
	"jekyll-github-sample":             {"github_sample", "github_sample_ref"},
	"jekyll_github_sample":             {"github_sample", "github_sample_ref"},
	"jekyll-mermaid":                   {"mermaid", "endmermaid"},
	"jekyll-plantuml":                  {"plantuml", "endplantuml"},
	"jekyll-toc":                       {"toc"},
	"jekyll-codepen":                   {"codepen"},
	"jekyll-last-modified-at":          {"last_modified_at"},
	"jekyll-timeago":                   {"timeago"},
	"jekyll-octicons":                  {"octicon"},
	"jekyll-inline-svg":                {"svg"},
	"jekyll-image-size":                {"imagesize"},
	"jekyll-figure":                    {"figure", "endfigure"},
	"jekyll-mentions":                  nil,
	"jekyll-sitemap":                   nil,
	"jekyll-redirect-from":             nil,
	"jekyll-paginate":                  nil,
	"jekyll-paginate-v2":               nil,
	"jekyll-github-metadata":           nil,
	"jemoji":                           nil,
	"jekyll-coffeescript":              nil,
	"jekyll-analytics":                 nil,
	"jekyll-archives":                  nil,
	"jekyll-relative-links":            nil,
	"jekyll-optional-front-matter":     nil,
	"jekyll-readme-index":              nil,
	"jekyll-titles-from-headings":      nil,
	"jekyll-default-layout":            nil,
	"jekyll-sass-converter":            nil,
	"jekyll-commonmark":                nil,
	"jekyll-commonmark-ghpages":        nil,
	"jekyll-target-blank":              nil,
	"jekyll-email-protect":             nil,
	"jekyll-loading-lazy":              nil,
	"jekyll-compose":                   nil,
	"jekyll-postfiles":                 nil,
	"jekyll-minifier":                  nil,
	"jekyll-tagging":                   nil,
	"jekyll-spaceship":                 nil,
	"jekyll-environment-variables":     nil,
	"jekyll-algolia":                   nil,
	"jekyll-data":                      nil,
	"jekyll-remote-theme":              nil,
	"jekyll-theme-chooser":             nil,
	"jekyll-admin":                     nil,
	"jekyll-webp":                      nil,
	"jekyll-polyglot":                  {"static_href", "I18n_Headers"},
	"jekyll-multiple-languages-plugin": {"t", "translate", "tf", "translate_file", "translate_link", "tl"},
}

// registerTagRE finds Liquid::Template.register_tag('name', …) and its
// forms with double quotes, symbols and no parentheses; a name that is not
// a literal is caught by registerAnyRE.
var (
	registerTagRE = regexp.MustCompile(`register_tag\s*\(?\s*(?:'([^']+)'|"([^"]+)"|:([A-Za-z_]\w*))`)
	registerAnyRE = regexp.MustCompile(`register_tag\b`)
	gemfileGroup  = regexp.MustCompile(`(?s)group\s*\(?\s*:jekyll_plugins\s*\)?\s*do(.*?)\n\s*end\b`)
	gemfileGem    = regexp.MustCompile(`(?m)^\s*gem\s*\(?\s*['"]([^'"]+)['"]`)
)

// liquidVocabulary is what a Jekyll site's Liquid knows.
type liquidVocabulary struct {
	known map[string]bool
	// open is set when the site loads code whose tags are unknown: unknown
	// tags are then not reported.
	open bool
	// why says which plugin makes the vocabulary open.
	why string
}

func jekyllPlugins(site *lint.Site) []string {
	var names []string
	for _, key := range []string{"plugins", "gems"} {
		if l, ok := site.Config[key].([]any); ok {
			for _, v := range l {
				if s, ok := v.(string); ok {
					names = append(names, s)
				}
			}
		}
	}
	if b, err := readFileIn(site, "Gemfile"); err == nil {
		for _, g := range gemfileGroup.FindAllSubmatch(b, -1) {
			for _, m := range gemfileGem.FindAllSubmatch(g[1], -1) {
				names = append(names, string(m[1]))
			}
		}
	}
	return names
}

func buildLiquidVocabulary(site *lint.Site, extra []string) *liquidVocabulary {
	v := &liquidVocabulary{known: map[string]bool{}}
	for _, t := range liquidStandardTags {
		v.known[t] = true
	}
	for _, p := range jekyllPlugins(site) {
		tags, ok := jekyllPluginTags[p]
		if !ok {
			if !v.open {
				v.open, v.why = true, "plugin "+p
			}
			continue
		}
		for _, t := range tags {
			v.known[t] = true
		}
	}
	for _, t := range extra {
		v.known[t] = true
	}
	dir := strings.Trim(fmString(site.Config["plugins_dir"]), "/")
	if dir == "" {
		dir = "_plugins"
	}
	var files []string
	site.Files.Walk(func(rel string) {
		if strings.HasPrefix(rel, dir+"/") && path.Ext(rel) == ".rb" {
			files = append(files, rel)
		}
	})
	sort.Strings(files)
	for _, rel := range files {
		b, err := readFileIn(site, rel)
		if err != nil {
			v.open, v.why = true, rel
			continue
		}
		literal := registerTagRE.FindAllSubmatch(b, -1)
		for _, m := range literal {
			for _, g := range m[1:] {
				if len(g) > 0 {
					v.known[string(g)] = true
				}
			}
		}
		if len(registerAnyRE.FindAllIndex(b, -1)) > len(literal) && !v.open {
			v.open, v.why = true, rel
		}
	}
	return v
}

func checkLiquidSyntax(pass *lint.Pass) {
	site := pass.Site
	if site == nil || site.Kind == lint.SitePlain {
		return
	}
	rel, ok := siteRel(pass)
	if ok && !builtBySite(site, rel) {
		return
	}
	if site.Kind == lint.SiteHugo {
		checkShortcodes(pass)
		return
	}
	if ok && !jekyllRunsLiquid(pass, rel) {
		return
	}
	opts, _ := pass.Options.(*LiquidSyntaxOptions)
	var extra []string
	if opts != nil {
		extra = opts.Tags
	}
	key := "liquid-syntax:vocabulary:" + strings.Join(extra, ",")
	vocab := site.Memo(key, func() any { return buildLiquidVocabulary(site, extra) }).(*liquidVocabulary)
	checkLiquidTags(pass, vocab)
}

func checkLiquidTags(pass *lint.Pass, vocab *liquidVocabulary) {
	doc := pass.Doc
	isBlock := func(name string) bool {
		return liquidBlocks[name] || (vocab.known[name] && vocab.known["end"+name])
	}
	// A custom tag whose end tag appears in the page is a block there.
	for _, t := range doc.Tags {
		if t.Kind == lint.LiquidTag && strings.HasPrefix(t.Name, "end") && vocab.known[t.Name[3:]] && !liquidBlocks[t.Name[3:]] {
			vocab = withBlock(vocab, t.Name[3:])
		}
	}
	var stack []*lint.Tag
	for i := range doc.Tags {
		t := &doc.Tags[i]
		if t.Kind != lint.LiquidTag && t.Kind != lint.LiquidOutput {
			continue
		}
		if t.Unterminated {
			open, closer := "{%", "%}"
			if t.Kind == lint.LiquidOutput {
				open, closer = "{{", "}}"
			}
			pass.Reportf(t.Start, t.Start+2, "`%s` is never closed by `%s`: Liquid stops with \"not properly terminated\"; close it, or wrap literal braces in {%% raw %%}…{%% endraw %%}", open, closer)
			continue
		}
		if t.Kind == lint.LiquidOutput {
			continue
		}
		name := t.Name
		switch {
		case name == "":
			pass.Reportf(t.Start, t.End, "%s", "empty tag `{% %}`: Liquid stops with \"Unknown tag\"; remove it")
		case isBlock(name):
			stack = append(stack, t)
		case strings.HasPrefix(name, "end") && isBlock(name[3:]):
			stack = closeLiquidBlock(pass, stack, t)
		case liquidClauses[name] != "":
			if len(stack) == 0 {
				pass.Reportf(t.Start, t.End, "`{%% %s %%}` outside any %s block: Liquid stops with \"Unknown tag '%s'\"", name, liquidClauses[name], name)
			}
		case vocab.known[name]:
		case liquid5Tags[name] != "":
			pass.Reportf(t.Start, t.End, "`%s` is a Liquid 5 tag but Jekyll uses Liquid 4, which stops with \"Unknown tag '%s'\": %s", name, name, liquid5Tags[name])
		case !vocab.open:
			hint := "if a plugin defines it, list the plugin in _config.yml `plugins:` or the tag in this rule's `tags` option"
			if t.InCode {
				hint = "Liquid runs before Markdown, even in code: wrap the example in {% raw %}…{% endraw %}"
			}
			pass.Reportf(t.Start, t.End, "unknown Liquid tag `%s`: Jekyll stops with \"Unknown tag '%s'\"%s; %s", name, name, lint.Suggest(name, vocabNames(vocab)), hint)
		}
	}
	for _, t := range stack {
		pass.Reportf(t.Start, t.End, "`{%% %s %%}` is never closed: add `{%% end%s %%}`; Liquid stops with \"'%s' tag was never closed\"", t.Name, t.Name, t.Name)
	}
}

// closeLiquidBlock handles an end tag: it closes the innermost open block of
// its name, reporting the blocks left open inside it, or reports that it
// closes nothing.
func closeLiquidBlock(pass *lint.Pass, stack []*lint.Tag, end *lint.Tag) []*lint.Tag {
	want := end.Name[3:]
	for j := len(stack) - 1; j >= 0; j-- {
		if stack[j].Name != want {
			continue
		}
		for _, inner := range stack[j+1:] {
			line := pass.Doc.Lines.Position(end.Start).Line
			pass.Reportf(inner.Start, inner.End, "`{%% %s %%}` is not closed before `{%% %s %%}` on line %d: add `{%% end%s %%}`", inner.Name, end.Name, line, inner.Name)
		}
		return stack[:j]
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		line := pass.Doc.Lines.Position(top.Start).Line
		pass.Reportf(end.Start, end.End, "`{%% %s %%}` does not match the open `{%% %s %%}` of line %d: did you mean `{%% end%s %%}`?", end.Name, top.Name, line, top.Name)
		return stack
	}
	pass.Reportf(end.Start, end.End, "`{%% %s %%}` closes no open `%s` block: remove it or add the opening tag; Liquid stops with \"Unknown tag '%s'\"", end.Name, want, end.Name)
	return stack
}

func withBlock(v *liquidVocabulary, name string) *liquidVocabulary {
	if v.known["end"+name] {
		return v
	}
	c := &liquidVocabulary{known: make(map[string]bool, len(v.known)+1), open: v.open, why: v.why}
	for k := range v.known {
		c.known[k] = true
	}
	c.known["end"+name] = true
	return c
}

func vocabNames(v *liquidVocabulary) []string {
	names := make([]string, 0, len(v.known))
	for k := range v.known {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// hugoPairedShortcodes are Hugo's built-in shortcodes that take content.
var hugoPairedShortcodes = map[string]bool{"highlight": true, "details": true}

func checkShortcodes(pass *lint.Pass) {
	doc := pass.Doc
	type open struct {
		tag     *lint.Tag
		matched bool
	}
	var opens []*open
	closedNames := map[string]bool{}
	for i := range doc.Tags {
		t := &doc.Tags[i]
		if t.Kind != lint.ShortcodeHTML && t.Kind != lint.ShortcodeMarkdown || t.Escaped {
			continue
		}
		if t.Unterminated {
			delim, closer := "{{<", ">}}"
			if t.Kind == lint.ShortcodeMarkdown {
				delim, closer = "{{%", "%}}"
			}
			pass.Reportf(t.Start, t.Start+3, "`%s` is never closed by `%s`: Hugo stops with \"unterminated shortcode\"", delim, closer)
			continue
		}
		if t.Closing {
			closedNames[t.Name] = true
			found := false
			for j := len(opens) - 1; j >= 0; j-- {
				if opens[j].tag.Name == t.Name && !opens[j].matched {
					opens[j].matched = true
					found = true
					break
				}
			}
			if !found {
				pass.Reportf(t.Start, t.End, "closing shortcode `/%s` has no opening `%s` before it: remove it or add the opening shortcode", t.Name, t.Name)
			}
			continue
		}
		if !t.SelfClosing {
			opens = append(opens, &open{tag: t})
		}
	}
	for _, o := range opens {
		if o.matched {
			continue
		}
		name := o.tag.Name
		why := ""
		switch {
		case closedNames[name]:
			why = "it is closed elsewhere in this page, so it takes content"
		case hugoPairedShortcodes[name]:
			why = "Hugo's " + name + " takes content"
		case shortcodeUsesInner(pass.Site, name):
			why = "its template uses .Inner"
		default:
			continue
		}
		d := "<"
		if o.tag.Kind == lint.ShortcodeMarkdown {
			d = "%"
		}
		pass.Reportf(o.tag.Start, o.tag.End, "shortcode `%s` is never closed (%s): add `{{%s /%s %s}}` or self-close it", name, why, d, name, shortcodeCloser(d))
	}
}

func shortcodeCloser(d string) string {
	if d == "<" {
		return ">"
	}
	return d
}

// shortcodeUsesInner reports whether the site's or its theme's template
// for a shortcode uses .Inner, which makes Hugo require a closing tag.
func shortcodeUsesInner(site *lint.Site, name string) bool {
	return site.Memo("liquid-syntax:inner:"+name, func() any {
		dirs := []string{"layouts/shortcodes", "layouts/_shortcodes"}
		if theme := fmString(site.Config["theme"]); theme != "" {
			dirs = append(dirs, "themes/"+theme+"/layouts/shortcodes", "themes/"+theme+"/layouts/_shortcodes")
		}
		for _, d := range dirs {
			for _, ext := range []string{".html", ".md"} {
				if b, err := readFileIn(site, d+"/"+name+ext); err == nil {
					return strings.Contains(string(b), ".Inner")
				}
			}
		}
		return false
	}).(bool)
}
