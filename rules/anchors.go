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
	htmlIDRE   = regexp.MustCompile(`(?i)<[a-z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']`)
	entityRE   = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	kramLeadRE = regexp.MustCompile(`^[^a-zA-Z]+`)
	kramDashes = strings.NewReplacer("---", "", "--", "")
)

// computeAnchors finds the ids of a parsed document.
func computeAnchors(site *lint.Site, doc *lint.Document) *docAnchors {
	b := newAnchorBuilder(site)
	for _, t := range doc.Tags {
		if !t.Live() {
			continue
		}
		switch t.Kind {
		case lint.LiquidTag:
			if liquidTagMayAddIDs(t.Name) {
				b.a.certain = false
			}
		case lint.ShortcodeHTML, lint.ShortcodeMarkdown:
			if t.Name != "ref" && t.Name != "relref" && t.Name != "highlight" {
				b.a.certain = false
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
			if id, ok := v.([]byte); ok {
				b.a.add(string(id))
				return ast.WalkSkipChildren, nil
			}
		}
		if id := ialID(doc, h); id != "" {
			b.a.add(id)
			return ast.WalkSkipChildren, nil
		}
		b.heading(headingText(doc, h))
		return ast.WalkSkipChildren, nil
	})
	return b.finish(doc.Src[doc.BodyStart:])
}

// anchorBuilder collects the ids of one page: computeAnchors and
// scanAnchors find the headings, it names them as the site's engine does.
type anchorBuilder struct {
	a       *docAnchors
	engine  idEngine
	prefix  string
	counter map[string]int // kramdown's count of each id seen, once needed
}

func newAnchorBuilder(site *lint.Site) *anchorBuilder {
	engine, prefix := siteIDEngine(site)
	return &anchorBuilder{a: &docAnchors{ids: map[string]bool{}, certain: true}, engine: engine, prefix: prefix}
}

// heading adds the automatic id of a heading whose text a reader sees is
// text; tagged is set when a template tag contributes to it.
func (b *anchorBuilder) heading(text string, tagged bool) {
	a := b.a
	// Entities decode differently in each engine's id: not guessed.
	if tagged || strings.IndexByte(text, '&') >= 0 && entityRE.MatchString(text) {
		a.certain = false
		a.headingUnknown = true
		return
	}
	var id string
	switch b.engine {
	case idNone:
		return
	case idKramGFM:
		if strings.Contains(text, "--") {
			text = kramDashes.Replace(text)
		}
		id = b.numbered(gfmID(text))
	case idKramdown:
		id = b.numbered(kramdownID(text))
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
	a.add(b.prefix + id)
}

// numbered gives a repeated kramdown id its count ("intro-1").
func (b *anchorBuilder) numbered(id string) string {
	if b.counter == nil {
		b.counter = map[string]int{} // kramdown engines only
	}
	if c, seen := b.counter[id]; seen {
		b.counter[id] = c + 1
		return id + "-" + strconv.Itoa(c+1)
	}
	b.counter[id] = 0
	return id
}

// finish adds the ids the page's body gives outside headings: HTML ids,
// attribute lists and footnotes.
func (b *anchorBuilder) finish(body []byte) *docAnchors {
	a := b.a
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
	// from is where a match may start: a match ends past the line start it
	// began at, and the next one cannot overlap it.
	for from := 0; ; {
		k := bytes.Index(b[from:], []byte("[^"))
		if k < 0 {
			return out
		}
		start := from + k
		from = start + 1
		if start > 0 && b[start-1] != '\n' {
			continue
		}
		rest := b[start:]
		if n := bytes.IndexByte(rest[2:], ']'); n > 0 && 2+n+1 < len(rest) && rest[2+n+1] == ':' {
			out = append(out, string(rest[2:2+n]))
			from = start + 2 + n + 2
		}
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
	return ialIDAfter(doc.Lines.Line(line), doc.Lines.Line(line+1))
}

// ialIDAfter reads the id of the attribute list on next, the line after a
// heading, or on the line after that when next underlines the heading.
func ialIDAfter(next, afterNext []byte) string {
	// The expressions need a "=" or "-", and a "{:": most lines have none.
	if isSetextUnderline(next) {
		next = afterNext
	}
	attrs, ok := attributeListLine(next)
	if !ok {
		return ""
	}
	for _, f := range strings.Fields(string(attrs)) {
		if id, ok := strings.CutPrefix(f, "#"); ok {
			return id
		}
	}
	return ""
}

// attributeListLine returns the attributes of a line that holds a kramdown
// attribute list alone, where `^\s*\{:\s*([^}]*)\}\s*$` matches (the
// text up to the first "}", which only white space may follow), without
// the backtracking of the expression.
func attributeListLine(line []byte) (attrs []byte, ok bool) {
	const re2Space = " \t\n\f\r" // \s
	rest, ok := bytes.CutPrefix(bytes.TrimLeft(line, re2Space), []byte("{:"))
	if !ok {
		return nil, false
	}
	end := bytes.IndexByte(rest, '}')
	if end < 0 || len(bytes.TrimLeft(rest[end+1:], re2Space)) > 0 {
		return nil, false
	}
	return bytes.TrimLeft(rest[:end], re2Space), true
}

// isSetextUnderline reports whether `^ {0,3}(=+|-+)\s*$` matches line:
// up to three spaces, a run of "=" or of "-", then only white space. Most
// lines after a heading hold a "-" somewhere, and the expression was tried
// on each.
func isSetextUnderline(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i == len(line) || line[i] != '=' && line[i] != '-' {
		return false
	}
	for c := line[i]; i < len(line) && line[i] == c; i++ {
	}
	for ; i < len(line); i++ {
		if !isRE2Space(line[i]) {
			return false
		}
	}
	return true
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

// scanAnchors computes the anchors of a page from its source alone, as
// computeAnchors does from the parsed page, for the pages whose structure
// a line scan reads for sure: every heading a plain "## Title" (code spans
// allowed) at the start of a line, outside code blocks fenced at the start
// of a line and HTML blocks that a blank line ends, and nothing that could
// hide or make one (template tags over several lines, other HTML blocks,
// setext underlines, headings in lists, quotes or footnotes). ok is false
// for any other page, which must be parsed: a linked page is read this way
// instead of parsed a second time.
func scanAnchors(site *lint.Site, src []byte) (a *docAnchors, ok bool) {
	start, ok := bodyStart(src)
	if !ok {
		return nil, false
	}
	body := src[start:]
	liquid := site.Kind != lint.SiteHugo // Liquid tags are tags
	inert, idsUnknown, raws := inertTemplates(body, liquid)
	if !inert || bytes.IndexByte(body, 0) >= 0 || bytes.IndexByte(body, '\r') >= 0 {
		return nil, false
	}
	b := newAnchorBuilder(site)
	if idsUnknown {
		b.a.certain = false // as computeAnchors for the page's tags
	}
	var fence []byte // the opening fence of the code block the scan is in
	fenceIndent := 0 // and its indentation
	inHTML := false  // in an HTML block that a blank line ends
	prevBlank := true
	for rest := body; len(rest) > 0; {
		lineStart := len(body) - len(rest)
		line, next := cutLine(rest)
		rest = next
		// Where the scan meets a tag on this line, the parser sees one
		// (and blanks it when alone on its line): on a Liquid page,
		// outside raw blocks, whose tags are text.
		liquidTags := liquid && !overlapsAny(raws, lineStart, lineStart+len(line))
		if fence != nil {
			if fenceIndent > 0 {
				// The fence may be a list item's, whose code ends at a
				// line indented less than the item's text, or a fence of
				// the top level: only lines that both read alike are read.
				if indent, text := indentation(line); len(text) > 0 && (indent < fenceIndent || bytes.IndexByte(line[:len(line)-len(text)], '\t') >= 0 || closesFence(line, fence) && indent != fenceIndent) {
					return nil, false
				}
			}
			if closesFence(line, fence) {
				fence = nil
			}
			prevBlank = false
			continue
		}
		if inHTML {
			// A template tag alone on its line is a blank line to the
			// parser, which blanks its text.
			trimmed := bytes.Trim(line, " \t")
			if len(trimmed) == 0 || liquidTags && loneTag(trimmed) {
				inHTML = false
				prevBlank = true
				continue
			}
			// So is a line of white space that the scan does not count as
			// blank.
			if trimmed[0] == '{' || bytes.ContainsAny(line, "\v\f") || nestingBound(line) > lint.MaxNesting {
				return nil, false
			}
			continue
		}
		indent, text := indentation(line)
		if len(text) == 0 {
			prevBlank = true
			continue
		}
		if nestingBound(line) > lint.MaxNesting || bytes.IndexByte(line, '\t') >= 0 && bytes.IndexByte(line, '#') >= 0 {
			return nil, false
		}
		if indent <= 3 {
			switch text[0] {
			case '<':
				// An HTML block may hold anything: only those that a blank
				// line ends, outside any list or quote, are read.
				if !opensBlockLevelHTML(text) || indent > 0 && !withoutContainers(body) {
					return nil, false
				}
				inHTML = true
				prevBlank = false
				continue
			case '`', '~':
				if len(bytes.TrimLeft(text, string(text[:1]))) <= len(text)-3 { // three fence characters or more
					// A template tag in the info string may hide a
					// backtick that makes the line text.
					if bytes.IndexByte(text, '{') >= 0 {
						return nil, false
					}
					f, ok := openingFence(text)
					if indent > 0 && (!ok || bytes.IndexByte(line[:len(line)-len(text)], '\t') >= 0) {
						return nil, false
					}
					if ok {
						fence, fenceIndent = f, indent
						prevBlank = false
						continue
					}
				}
			case '#':
				if indent > 0 {
					return nil, false
				}
				level := 0
				for level < len(text) && text[level] == '#' {
					level++
				}
				// "#" alone and "#word" are left to the parser.
				if level == len(text) || level > 6 || text[level] != ' ' {
					return nil, false
				}
				title := bytes.TrimRight(bytes.TrimLeft(text[level:], " "), " ")
				visible, plain := headingTitleText(title)
				tagged, explicitID := false, ""
				if !plain {
					rest := title
					if untagged, ok := withoutLiquidTags(title); ok && liquidTags {
						rest, tagged = untagged, true // the id is then unknown
					}
					if before, id, ok := headingIDSuffix(rest); ok {
						rest, explicitID = before, id
					}
					if tagged || explicitID != "" {
						visible, plain = headingTitleText(rest)
					}
				}
				if len(title) == 0 || !plain {
					return nil, false
				}
				nextLine, afterRest := cutLine(next)
				afterNext, _ := cutLine(afterRest)
				if explicitID != "" {
					b.a.add(explicitID)
				} else if id := ialIDAfter(nextLine, afterNext); id != "" {
					b.a.add(id)
				} else {
					b.heading(strings.TrimSpace(visible), tagged) // as headingText
				}
				prevBlank = false
				continue
			}
		}
		if afterContainerMarks(line) == '#' || bytes.HasPrefix(text, []byte("[^")) && bytes.IndexByte(text, '#') >= 0 {
			return nil, false // a heading in a list, quote, footnote or code
		}
		if !prevBlank && isUnderline(line) {
			return nil, false // a setext heading, or a thematic break
		}
		prevBlank = false
	}
	return b.finish(body), true
}

// headingIDSuffix splits a heading's title that ends with an explicit id,
// " {#id}" with the only "{" of the title, into the title before it and
// the id, as goldmark's heading attributes read it; for ids of ASCII
// letters, digits, "-" and "_" only.
func headingIDSuffix(title []byte) (before []byte, id string, ok bool) {
	open := bytes.LastIndex(title, []byte(" {#"))
	if open < 0 || bytes.IndexByte(title, '{') != open+1 || !bytes.HasSuffix(title, []byte("}")) {
		return nil, "", false
	}
	name := title[open+3 : len(title)-1]
	if len(name) == 0 {
		return nil, "", false
	}
	for _, c := range name {
		if !isASCIILetter(c) && (c < '0' || c > '9') && c != '-' && c != '_' {
			return nil, "", false
		}
	}
	return title[:open], string(name), true
}

// overlapsAny reports whether [start, end] meets one of spans.
func overlapsAny(spans []lint.Span, start, end int) bool {
	for _, s := range spans {
		if s.Start <= end && start < s.End {
			return true
		}
	}
	return false
}

// withoutLiquidTags returns the text of a line without its Liquid tags
// and outputs, and whether it had one.
func withoutLiquidTags(line []byte) ([]byte, bool) {
	var out []byte
	found := false
	for i := 0; ; {
		k := bytes.IndexByte(line[i:], '{')
		if k < 0 || i+k+1 >= len(line) {
			return append(out, line[i:]...), found
		}
		start := i + k
		var closer string
		switch line[start+1] {
		case '%':
			closer = "%}"
		case '{':
			closer = "}}"
		default:
			out = append(out, line[i:start+1]...)
			i = start + 1
			continue
		}
		_, end, ok := liquidTag(line, start, closer)
		if !ok {
			return append(out, line[i:]...), found // unterminated: no tag
		}
		out = append(out, line[i:start]...)
		found = true
		i = end
	}
}

// loneTag reports whether a line trimmed of its white space is one Liquid
// tag or output, which lint's parser blanks.
func loneTag(trimmed []byte) bool {
	closer := ""
	switch {
	case bytes.HasPrefix(trimmed, []byte("{%")):
		closer = "%}"
	case bytes.HasPrefix(trimmed, []byte("{{")):
		closer = "}}"
	default:
		return false
	}
	_, end, ok := liquidTag(trimmed, 0, closer)
	return ok && end == len(trimmed)
}

// withoutContainers reports whether no line of body may open a list, a
// block quote, a footnote or a definition: every block of such a page is
// at the top level, where a line that starts with an HTML tag after up to
// three spaces opens an HTML block.
func withoutContainers(body []byte) bool {
	for rest := body; len(rest) > 0; {
		var line []byte
		line, rest = cutLine(rest)
		_, text := indentation(line)
		if len(text) == 0 {
			continue
		}
		switch c := text[0]; {
		case c == '>' || c == ':' || bytes.HasPrefix(text, []byte("[^")):
			return false
		case c == '-' || c == '*' || c == '+':
			if len(text) == 1 || text[1] == ' ' || text[1] == '\t' {
				return false
			}
		case c >= '0' && c <= '9':
			n := 0
			for n < len(text) && text[n] >= '0' && text[n] <= '9' {
				n++
			}
			if n < len(text) && (text[n] == '.' || text[n] == ')') && (n+1 == len(text) || text[n+1] == ' ' || text[n+1] == '\t') {
				return false
			}
		}
	}
	return true
}

// opensBlockLevelHTML reports whether a line of text at the start of a
// line opens an HTML block of type 6 of CommonMark (a block-level tag
// such as "<div class=...>" or "</p>"), which a blank line ends, as
// goldmark reads it; false for some lines it reads so too (tags followed
// by a tab or split by spaces).
func opensBlockLevelHTML(text []byte) bool {
	name, ok := bytes.CutPrefix(text, []byte("<"))
	if !ok {
		return false
	}
	name = bytes.TrimPrefix(name, []byte("/"))
	n := 0
	for n < len(name) && (isASCIILetter(name[n]) || n > 0 && (name[n] >= '0' && name[n] <= '9' || name[n] == '-')) {
		n++
	}
	after := name[n:]
	if n == 0 || len(after) > 0 && after[0] != ' ' && after[0] != '>' && !bytes.HasPrefix(after, []byte("/>")) {
		return false
	}
	return blockLevelHTMLTags[strings.ToLower(string(name[:n]))]
}

// blockLevelHTMLTags are the tags that open an HTML block of type 6, as
// goldmark lists them (CommonMark's list).
var blockLevelHTMLTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true, "dialog": true, "dir": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"frame": true, "frameset": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"header": true, "hr": true, "html": true, "iframe": true, "legend": true, "li": true, "link": true, "main": true,
	"menu": true, "menuitem": true, "meta": true, "nav": true, "noframes": true, "ol": true, "optgroup": true,
	"option": true, "p": true, "param": true, "search": true, "section": true, "summary": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// bodyStart returns where the body of src starts, after a YAML front
// matter, as lint's parser finds it; ok is false for the rarer forms (byte
// order mark, other front matter formats, no closing line).
func bodyStart(src []byte) (int, bool) {
	if bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) {
		return 0, false
	}
	first, rest := cutLine(src)
	if len(rest) == len(src) { // a single line: no front matter
		return 0, true
	}
	switch string(bytes.TrimRight(first, " \t\r")) {
	case "---":
	case "---yaml", "+++", "---toml", "{", "---json":
		return 0, false
	default:
		return 0, true
	}
	for off := len(src) - len(rest); off < len(src); {
		line, next := cutLine(src[off:])
		if string(bytes.TrimSpace(line)) == "---" {
			return len(src) - len(next), true
		}
		off = len(src) - len(next)
	}
	return 0, false
}

// cutLine splits b after its first line, whose "\n" it drops.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, b[len(b):]
}

// inertTemplates reports whether the template tags of body leave its
// line structure alone: each Liquid tag and output on one line, no
// comment or highlight block, and no Hugo shortcode. It reads tags as
// lint's tokenizer does for Liquid. idsUnknown is set when one of the tags
// is an include or another tag that may print HTML with ids, which
// computeAnchors does not see either: for a page read with Liquid syntax
// (liquid) only; for a Hugo page, whose Liquid-like text is no tag, such a
// tag makes inert false, as the scan cannot know what the parser reads.
func inertTemplates(body []byte, liquid bool) (inert, idsUnknown bool, raws []lint.Span) {
	if bytes.Contains(body, []byte("{{<")) || bytes.Contains(body, []byte("{{%")) {
		return false, false, nil
	}
	for i := 0; i+1 < len(body); {
		k := bytes.IndexByte(body[i:], '{')
		if k < 0 || i+k+1 >= len(body) {
			return true, idsUnknown, raws
		}
		i += k
		var closer string
		switch body[i+1] {
		case '{':
			closer = "}}"
		case '%':
			closer = "%}"
		default:
			i++
			continue
		}
		tagStart := i
		inner, end, ok := liquidTag(body, i, closer)
		switch {
		case !ok:
			i = end // unterminated: neither run nor hidden
			continue
		case bytes.IndexByte(inner, '\n') >= 0:
			return false, false, nil
		}
		i = end
		if closer == "}}" {
			continue
		}
		switch name := liquidTagName(inner); {
		case name == "comment" || name == "highlight" || name == "endhighlight" || !liquid && liquidTagMayAddIDs(name):
			return false, false, nil
		case liquidTagMayAddIDs(name):
			idsUnknown = true
		case name == "raw":
			// The body is text up to the first {% endraw %}.
			raws = append(raws, lint.Span{Start: tagStart, End: len(body)})
			for {
				k := bytes.Index(body[i:], []byte("{%"))
				if k < 0 {
					return true, idsUnknown, raws
				}
				inner, end, ok := liquidTag(body, i+k, "%}")
				if !ok {
					return true, idsUnknown, raws
				}
				i = end
				if liquidTagName(inner) == "endraw" {
					if bytes.IndexByte(inner, '\n') >= 0 {
						return false, false, nil
					}
					raws[len(raws)-1].End = end
					break
				}
			}
		}
	}
	return true, idsUnknown, raws
}

// liquidTag reads the tag at b[start] ("{%" or "{{") up to the first
// closer, as lint's tokenizer does: it returns the text between the
// delimiters and where the tag ends, or for an unterminated one, ok false
// and the end of its line.
func liquidTag(b []byte, start int, closer string) (inner []byte, end int, ok bool) {
	k := bytes.Index(b[start+2:], []byte(closer))
	if k < 0 {
		if nl := bytes.IndexByte(b[start:], '\n'); nl >= 0 {
			return nil, start + nl, false
		}
		return nil, len(b), false
	}
	return b[start+2 : start+2+k], start + 2 + k + len(closer), true
}

// liquidTagName is the name lint's tokenizer gives the tag whose text
// between "{%" and "%}" is inner.
func liquidTagName(inner []byte) string {
	inner = bytes.TrimPrefix(inner, []byte("-"))
	inner = bytes.TrimSuffix(inner, []byte("-"))
	inner = bytes.TrimSpace(inner)
	n := bytes.IndexAny(inner, " \t\r\n")
	if n < 0 {
		n = len(inner)
	}
	if n > 1 && inner[0] == '#' {
		n = 1
	}
	return string(inner[:n])
}

// liquidTagMayAddIDs reports whether a Liquid tag may print HTML with ids
// postlint cannot see.
func liquidTagMayAddIDs(name string) bool {
	return name == "include" || name == "include_relative" || (name != "" && !liquidBlocks[strings.TrimPrefix(name, "end")] && !isPlainLiquid(name))
}

// indentation returns the width of the leading white space of line, a tab
// reaching the next multiple of four, and the text after it.
func indentation(line []byte) (width int, text []byte) {
	for i, c := range line {
		switch c {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, line[i:]
		}
	}
	return width, nil
}

// nestingBound bounds the nesting depth lint's parser measures on a line
// (past lint.MaxNesting it parses an empty body): every ">", list marker
// and two columns of indentation at the start of the line.
func nestingBound(line []byte) int {
	marks, cols := 0, 0
	for _, c := range line {
		switch {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4
		case c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')':
			marks++
		case c >= '0' && c <= '9':
		default:
			return marks + cols/2
		}
	}
	return marks + cols/2
}

// afterContainerMarks returns the first byte of line after the white space
// and block quote and list markers that start it, or 0.
func afterContainerMarks(line []byte) byte {
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c >= '0' && c <= '9':
		default:
			return c
		}
	}
	return 0
}

// openingFence returns the fence that text opens a code block with
// ("```" and longer, "~~~" and longer), as goldmark reads it.
func openingFence(text []byte) ([]byte, bool) {
	n := 0
	for n < len(text) && text[n] == text[0] {
		n++
	}
	if n < 3 || text[0] == '`' && bytes.IndexByte(text[n:], '`') >= 0 {
		return nil, false
	}
	return text[:n], true
}

// closesFence reports whether line closes the code block opened by fence:
// the same character at least as many times, indented less than four
// columns, then only white space.
func closesFence(line, fence []byte) bool {
	indent, text := indentation(line)
	if indent >= 4 {
		return false
	}
	n := 0
	for n < len(text) && text[n] == fence[0] {
		n++
	}
	return n >= len(fence) && len(bytes.Trim(text[n:], " \t")) == 0
}

// isUnderline reports whether line, after white space and block quote
// markers, is only "=" or only "-" signs and white space: the underline of
// a setext heading when a paragraph line comes before it.
func isUnderline(line []byte) bool {
	text := bytes.TrimLeft(line, " \t>")
	if len(text) == 0 || text[0] != '=' && text[0] != '-' {
		return false
	}
	n := 0
	for n < len(text) && text[n] == text[0] {
		n++
	}
	return len(bytes.Trim(text[n:], " \t")) == 0
}

// headingTitleText returns the text a reader sees in the title of a
// heading, as headingText reads it, for the titles that plainHeadingText
// accepts and those with code spans too: between single backticks, a
// content without template tags, control characters or a space at either
// end (which the parser strips), whose text is the content. plain is false
// for any other title.
func headingTitleText(title []byte) (visible string, plain bool) {
	if bytes.IndexByte(title, '`') < 0 {
		return string(title), plainHeadingText(title)
	}
	parts := bytes.Split(title, []byte("`"))
	if len(parts)%2 == 0 {
		return "", false // a backtick without its pair
	}
	for i, part := range parts {
		if i%2 == 0 {
			if !plainHeadingText(part) {
				return "", false
			}
			continue
		}
		// An empty part is a run of several backticks.
		if len(part) == 0 || part[0] == ' ' || part[len(part)-1] == ' ' || bytes.ContainsAny(part, "{}") {
			return "", false
		}
		for _, c := range part {
			if c < ' ' || c == 0x7f {
				return "", false
			}
		}
	}
	low := bytes.ToLower(title)
	if bytes.Contains(low, []byte("www.")) || bytes.Contains(low, []byte("://")) {
		return "", false
	}
	return string(bytes.Join(parts, nil)), true
}

// plainHeadingText reports whether a heading's text is read the same with
// or without Markdown's inline syntax: letters, digits, spaces and
// punctuation that marks nothing (no emphasis, code, link, HTML, escape,
// attribute, template tag or bare URL; "&" starts no markup, and
// heading makes a text with an entity uncertain, as its parse).
func plainHeadingText(text []byte) bool {
	for _, c := range text {
		switch {
		case c >= 0x80, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(" .,/:;()'\"?-+=%!$^|&", c) >= 0:
		default:
			return false
		}
	}
	low := bytes.ToLower(text)
	return !bytes.Contains(low, []byte("www.")) && !bytes.Contains(low, []byte("://"))
}
