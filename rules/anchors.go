package rules

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// docAnchors are the fragment ids a rendered page has.
type docAnchors struct {
	ids map[string]bool
	// headings are the heading ids, in order, for suggestions.
	headings []string
	// certain is false when the page holds parts that may add ids postlint
	// cannot see (includes, shortcodes, headings built by tags).
	certain bool
	// headingUnknown is set when some heading's id cannot be computed: a
	// fragment may then name it, near miss or not.
	headingUnknown bool
}

// idEngine names the heading id algorithm of a site.
type idEngine int

const (
	idGitHub   idEngine = iota // Hugo's default and GitHub's
	idKramGFM                  // kramdown's GFM parser, Jekyll's default
	idKramdown                 // kramdown's own parser
	idNone                     // auto ids turned off
)

func siteIDEngine(site *lint.Site) (idEngine, string) {
	if site == nil || site.Kind != lint.SiteJekyll {
		return idGitHub, ""
	}
	if site.Markdown != "kramdown" {
		return idGitHub, ""
	}
	k, _ := site.Config["kramdown"].(map[string]any)
	prefix := fmString(k["auto_id_prefix"])
	if v, ok := k["auto_ids"].(bool); ok && !v {
		return idNone, prefix
	}
	input := strings.ToLower(fmString(k["input"]))
	if input == "" || input == "gfm" {
		return idKramGFM, prefix
	}
	return idKramdown, prefix
}

var (
	htmlIDRE          = regexp.MustCompile(`(?i)<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']`)
	entityRE          = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	ialIDRE           = regexp.MustCompile(`^\s*\{:\s*([^}]*)\}\s*$`)
	kramLeadRE        = regexp.MustCompile(`^[^a-zA-Z]+`)
	kramDashes        = strings.NewReplacer("---", "", "--", "")
	setextUnderlineRE = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
)

// computeAnchors finds the ids of a parsed document.
func computeAnchors(site *lint.Site, doc *lint.Document) *docAnchors {
	a := &docAnchors{ids: map[string]bool{}, certain: true}
	engine, prefix := siteIDEngine(site)
	counter := map[string]int{}
	for _, t := range doc.Tags {
		if !t.Live() {
			continue
		}
		switch t.Kind {
		case lint.LiquidTag:
			if t.Name == "include" || t.Name == "include_relative" || (t.Name != "" && !liquidBlocks[strings.TrimPrefix(t.Name, "end")] && !isPlainLiquid(t.Name)) {
				a.certain = false
			}
		case lint.ShortcodeHTML, lint.ShortcodeMarkdown:
			if t.Name != "ref" && t.Name != "relref" && t.Name != "highlight" {
				a.certain = false
			}
		}
	}
	_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			if fc := n.FirstChild(); fc != nil && fc.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil // inline content holds no heading
			}
			return ast.WalkContinue, nil
		}
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				a.add(string(b))
				return ast.WalkSkipChildren, nil
			}
		}
		if id := ialID(doc, h); id != "" {
			a.add(id)
			return ast.WalkSkipChildren, nil
		}
		text, tagged := headingText(doc, h)
		// Entities decode differently in each engine's id: not guessed.
		if tagged || entityRE.MatchString(text) {
			a.certain = false
			a.headingUnknown = true
			return ast.WalkSkipChildren, nil
		}
		var id string
		switch engine {
		case idNone:
			return ast.WalkSkipChildren, nil
		case idKramGFM:
			if strings.Contains(text, "--") {
				text = kramDashes.Replace(text)
			}
			id = gfmID(text)
			if c, seen := counter[id]; seen {
				counter[id] = c + 1
				id += "-" + strconv.Itoa(c+1)
			} else {
				counter[id] = 0
			}
		case idKramdown:
			id = kramdownID(text)
			if c, seen := counter[id]; seen {
				counter[id] = c + 1
				id += "-" + strconv.Itoa(c+1)
			} else {
				counter[id] = 0
			}
		default:
			id = githubID(text)
			if id == "" {
				id = "heading"
			}
			if a.ids[id] {
				for i := 1; ; i++ {
					if c := id + "-" + strconv.Itoa(i); !a.ids[c] {
						id = c
						break
					}
				}
			}
		}
		a.add(prefix + id)
		return ast.WalkSkipChildren, nil
	})
	body := doc.Src[doc.BodyStart:]
	if mayHoldHTMLID(body) {
		for _, m := range htmlIDRE.FindAllSubmatch(body, -1) {
			a.ids[string(m[1])] = true
		}
	}
	// kramdown attribute lists give ids to paragraphs, lists and spans too.
	for _, attrs := range attributeLists(body) {
		for _, f := range strings.Fields(attrs) {
			if id, ok := strings.CutPrefix(f, "#"); ok && id != "" {
				a.ids[id] = true
			}
		}
	}
	for i, label := range footnoteLabels(body) {
		for _, l := range []string{label, strconv.Itoa(i + 1)} {
			a.ids["fn:"+l] = true
			a.ids["fnref:"+l] = true
			a.ids["fn-"+l] = true
			a.ids["fnref-"+l] = true
		}
	}
	return a
}

// mayHoldHTMLID reports whether htmlIDRE can match in b: a match is a "<"
// and a letter, then, with no ">" between, a space, "id" or "name" in any
// case, optional spaces, "=", optional spaces and a quote. Most pages have
// none, and the expression is slow to run over a whole page.
func mayHoldHTMLID(b []byte) bool {
	for i := 0; ; {
		eq := bytes.IndexByte(b[i:], '=')
		if eq < 0 {
			return false
		}
		eq += i
		if idNameBefore(b, eq) && quoteAfter(b, eq+1) && inTag(b, eq) {
			return true
		}
		i = eq + 1
	}
}

// inTag reports whether b[i] may be inside a tag: after a "<" and a letter
// with no ">" between. Past a few kilobytes it stops looking and says yes.
func inTag(b []byte, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4096; k-- {
		switch b[k] {
		case '>':
			return false
		case '<':
			if startsWithTagLetter(b[k+1:]) {
				return true
			}
		}
	}
	return i > 4096
}

// startsWithTagLetter reports whether b starts with a rune that (?i)[a-z]
// matches: an ASCII letter, the long s or the Kelvin sign.
func startsWithTagLetter(b []byte) bool {
	return len(b) > 0 && isASCIILetter(b[0]) || bytes.HasPrefix(b, []byte("ſ")) || bytes.HasPrefix(b, []byte("\u212A"))
}

// idNameBefore reports whether the "=" at b[eq] follows a space, "id" or
// "name" in any case and optional spaces.
func idNameBefore(b []byte, eq int) bool {
	k := eq
	for k > 0 && isRE2Space(b[k-1]) {
		k--
	}
	for _, name := range [...]string{"id", "name"} {
		if start := k - len(name); start > 0 && isRE2Space(b[start-1]) && equalFoldASCII(b[start:k], name) {
			return true
		}
	}
	return false
}

// quoteAfter reports whether a quote follows b[i:] after optional spaces.
func quoteAfter(b []byte, i int) bool {
	for i < len(b) && isRE2Space(b[i]) {
		i++
	}
	return i < len(b) && (b[i] == '"' || b[i] == '\'')
}

// equalFoldASCII reports whether b is word in any case; word is lower-case
// ASCII letters, none of which has a non-ASCII case variant.
func equalFoldASCII(b []byte, word string) bool {
	if len(b) != len(word) {
		return false
	}
	for i := range b {
		if b[i]|0x20 != word[i] {
			return false
		}
	}
	return true
}

// isRE2Space reports whether \s matches c in a regular expression.
func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// attributeLists returns the content of each kramdown attribute list
// ("{: #id .class}") in b, as the first group of `\{:\s*([^}\n]*)\}` does:
// spaces, line breaks included, are skipped after "{:", and the list ends
// at the first "}" unless a line break comes first.
func attributeLists(b []byte) []string {
	var out []string
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("{:"))
		if k < 0 {
			return out
		}
		open := i + k
		j := open + len("{:")
		for j < len(b) && isRE2Space(b[j]) {
			j++
		}
		content := j
		for j < len(b) && b[j] != '}' && b[j] != '\n' {
			j++
		}
		if j < len(b) && b[j] == '}' {
			out = append(out, string(b[content:j]))
			i = j + 1
		} else {
			i = open + 1
		}
	}
}

// footnoteLabels returns the labels of the footnote definitions in b, as
// the first group of `(?m)^\[\^([^\]]+)\]:` does: "[^label]:" at the start of
// a line, where the label, not empty, may run over several lines.
func footnoteLabels(b []byte) []string {
	var out []string
	for lineStart := 0; ; {
		next := lineStart // where the search for the next line start begins
		if rest := b[lineStart:]; bytes.HasPrefix(rest, []byte("[^")) {
			if n := bytes.IndexByte(rest[2:], ']'); n > 0 && 2+n+1 < len(rest) && rest[2+n+1] == ':' {
				out = append(out, string(rest[2:2+n]))
				next = lineStart + 2 + n + 2
			}
		}
		nl := bytes.IndexByte(b[next:], '\n')
		if nl < 0 {
			return out
		}
		lineStart = next + nl + 1
	}
}

func (a *docAnchors) add(id string) {
	a.ids[id] = true
	a.headings = append(a.headings, id)
}

// isPlainLiquid says whether a tag prints no HTML of its own.
func isPlainLiquid(name string) bool {
	switch name {
	case "assign", "capture", "case", "when", "else", "elsif", "if", "unless", "for", "break", "continue",
		"comment", "raw", "cycle", "increment", "decrement", "tablerow", "ifchanged", "post_url", "link", "highlight", "#":
		return true
	}
	return false
}

// ialID reads a kramdown block attribute list ({: #id}) on the line after
// a heading.
func ialID(doc *lint.Document, h *ast.Heading) string {
	lines := h.Lines()
	if lines.Len() == 0 {
		return ""
	}
	line := doc.Lines.Position(lines.At(lines.Len()-1).Start).Line + 1
	// The expressions need a "=" or "-", and a "{:": most lines have none.
	if next := doc.Lines.Line(line); bytes.ContainsAny(next, "=-") && setextUnderlineRE.Match(next) {
		line++
	}
	next := doc.Lines.Line(line)
	if !bytes.Contains(next, []byte("{:")) {
		return ""
	}
	m := ialIDRE.FindSubmatch(next)
	if m == nil {
		return ""
	}
	for _, f := range strings.Fields(string(m[1])) {
		if id, ok := strings.CutPrefix(f, "#"); ok {
			return id
		}
	}
	return ""
}

// headingText is the text a reader sees in a heading; tagged is set when a
// template tag contributes to it.
func headingText(doc *lint.Document, n ast.Node) (text string, tagged bool) {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				seg := v.Segment
				for i := seg.Start; i < seg.Stop; i++ {
					if doc.Hidden(i) && doc.TagAt(i) != nil {
						tagged = true
					}
				}
				b.Write(doc.Src[seg.Start:seg.Stop])
				if v.SoftLineBreak() || v.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(v.Value)
			case *ast.RawHTML:
			case *ast.AutoLink:
				b.Write(v.URL(doc.Src))
			case *east.FootnoteLink:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String()), tagged
}

// gfmID is kramdown-parser-gfm's generate_gfm_header_id: lower case, drop
// what is neither a word character, "-", space nor tab, then spaces and
// tabs become "-".
func gfmID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// kramdownID is kramdown's basic_generate_id: leading non-letters go, only
// ASCII letters, digits, spaces and "-" stay, spaces become "-".
func kramdownID(s string) string {
	s = kramLeadRE.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || (r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// githubID is Hugo's "github" auto heading id: letters, digits and "_"
// lower-cased, spaces and "-" become "-", the rest goes.
func githubID(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '-' || unicode.IsSpace(r):
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
