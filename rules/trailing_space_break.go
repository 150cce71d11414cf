package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// TrailingSpaceBreakOptions configure trailing-space-break.
type TrailingSpaceBreakOptions struct {
	// Style is "explicit" (every two-space break is reported and fixed to an
	// explicit break) or "spaces" (exactly two spaces are an accepted break).
	Style string `yaml:"style"`
	// Break is the explicit break the fix writes: "auto" (by Markdown
	// engine), "backslash", "double-backslash" or "html".
	Break string `yaml:"break"`
}

// Validate checks the option values.
func (o *TrailingSpaceBreakOptions) Validate() error {
	switch o.Style {
	case "explicit", "spaces":
	default:
		return fmt.Errorf("style: %q is not explicit or spaces", o.Style)
	}
	switch o.Break {
	case "auto", "backslash", "double-backslash", "html":
	default:
		return fmt.Errorf("break: %q is not auto, backslash, double-backslash or html", o.Break)
	}
	return nil
}

// TrailingSpaceBreak reports hard line breaks made of trailing spaces and
// trailing white space that makes no break at all.
var TrailingSpaceBreak = &lint.Rule{
	Name:            "trailing-space-break",
	Summary:         "invisible two-space hard breaks and useless trailing whitespace",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"markdown", "whitespace"},
	Fixable:         true,
	NewOptions: func() any {
		return &TrailingSpaceBreakOptions{Style: "explicit", Break: "auto"}
	},
	Doc: `Reports lines that end in white space.

A line of a paragraph (or list item, or quote) that ends in two or more
spaces is a hard line break (` + "`<br>`" + `). Nobody can see it in the
source, many editors strip trailing spaces on save, and a diff that removes
them silently joins the lines. An explicit break says the same thing
visibly: a backslash at the end of the line (CommonMark, goldmark, Hugo) or
two backslashes (kramdown, Jekyll's default engine: ` + "`\\\\`" + ` followed
by a newline is kramdown's other spelling of a hard break).

Trailing white space that makes no break is reported too: a single space,
spaces at the end of a paragraph, before a blank line or after a heading,
lines holding only white space, and trailing tabs.

Nothing is reported inside code blocks and code spans, {% highlight %} and
{% raw %} bodies, HTML, template tags, or front matter.

## Example

    Jean Dupont··
    12 rue des Lilas

(where ` + "`··`" + ` are two spaces) is reported on a Jekyll site as
"line ends in 2 spaces: a hard line break nobody can see; make it explicit
with \\", and fixed to

    Jean Dupont\\
    12 rue des Lilas

## Fix

` + "`postlint check --fix`" + ` replaces the spaces of a break with the explicit
break and deletes white space that makes no break.

## Options

- ` + "`style`" + `: ` + "`explicit`" + ` (default) reports every trailing-space
  break; ` + "`spaces`" + ` accepts exactly two spaces as a break (more are still
  reported).
- ` + "`break`" + `: the break the fix writes: ` + "`auto`" + ` (default:
  ` + "`\\\\`" + ` for Jekyll with kramdown, ` + "`\\`" + ` for Hugo (goldmark), Jekyll
  with CommonMark and plain Markdown),
  ` + "`backslash`" + ` (` + "`\\`" + `), ` + "`double-backslash`" + ` (` + "`\\\\`" + `)
  or ` + "`html`" + ` (` + "`<br>`" + `).
`,
	Check: checkTrailingSpaceBreak,
}

// tsbExplicitBreak returns the text that replaces a two-space break.
func tsbExplicitBreak(opts *TrailingSpaceBreakOptions, site *lint.Site) string {
	switch opts.Break {
	case "backslash":
		return `\`
	case "double-backslash":
		return `\\`
	case "html":
		return "<br>"
	}
	if site != nil && site.Kind == lint.SiteJekyll && site.Markdown == "kramdown" {
		return `\\`
	}
	return `\`
}

// tsbLineInfo is what the Markdown tree says about the lines of a document.
type tsbLineInfo struct {
	breaks map[int]bool // offsets of the "\n" of lines ending in a hard break
	// headings and paraEnds are indexed by 1-based line number (slices,
	// not maps: every heading and paragraph of a page goes in, for the
	// few lines with trailing white space that look).
	headings []bool       // lines of heading text
	paraEnds []tsbParaEnd // last lines of paragraphs
	skip     []lint.Span  // HTML blocks, inline HTML, {% raw %} bodies
}

// tsbParaEnd says what a line ends, if anything.
type tsbParaEnd uint8

const (
	tsbNoParaEnd tsbParaEnd = iota
	tsbParagraphEnd
	tsbListItemEnd
)

// String is the name of what the line ends, "" for nothing.
func (e tsbParaEnd) String() string {
	return [...]string{tsbNoParaEnd: "", tsbParagraphEnd: "paragraph", tsbListItemEnd: "list item"}[e]
}

func checkTrailingSpaceBreak(pass *lint.Pass) {
	d := pass.Doc
	opts, _ := pass.Options.(*TrailingSpaceBreakOptions)
	if opts == nil {
		opts = &TrailingSpaceBreakOptions{Style: "explicit", Break: "auto"}
	}
	if d.FrontMatter.Unterminated {
		return // where the body starts is anyone's guess
	}
	var info *tsbLineInfo // read from the tree when a line first ends with white space
	kramdown := pass.Site != nil && pass.Site.Kind == lint.SiteJekyll && pass.Site.Markdown == "kramdown"
	brk := tsbExplicitBreak(opts, pass.Site)
	src := d.Src
	for lineStart := d.BodyStart; lineStart < len(src); {
		nl := bytes.IndexByte(src[lineStart:], '\n')
		lineEnd, next := len(src), len(src)
		if nl >= 0 {
			lineEnd, next = lineStart+nl, lineStart+nl+1
		}
		textEnd := lineEnd
		if nl >= 0 && textEnd > lineStart && src[textEnd-1] == '\r' {
			textEnd-- // the "\r" of CRLF is part of the line ending
		}
		wsStart := textEnd
		for wsStart > lineStart && (src[wsStart-1] == ' ' || src[wsStart-1] == '\t') {
			wsStart--
		}
		if wsStart < textEnd && info == nil {
			info = tsbScan(d)
		}
		if wsStart < textEnd && !tsbSkipped(d, info, wsStart) {
			if kramdown && info.breaks[lineEnd] && kramdownEndsParagraph(src[next:]) {
				// goldmark continues the paragraph, kramdown ends it here, and
				// its paragraphs are right-trimmed: no break in the real site,
				// and a "\\" there would print a backslash.
				delete(info.breaks, lineEnd)
				info.paraEnds[d.Lines.LineOf(wsStart)] = tsbParagraphEnd
			}
			tsbReport(pass, info, opts, brk, lineStart, wsStart, textEnd, lineEnd)
		}
		lineStart = next
	}
}

func tsbSkipped(d *lint.Document, info *tsbLineInfo, off int) bool {
	if d.InCode(off) || d.Hidden(off) {
		return true
	}
	i := sort.Search(len(info.skip), func(i int) bool { return info.skip[i].End > off })
	return i < len(info.skip) && info.skip[i].Start <= off
}

func tsbReport(pass *lint.Pass, info *tsbLineInfo, opts *TrailingSpaceBreakOptions, brk string, lineStart, wsStart, textEnd, lineEnd int) {
	src := pass.Doc.Src
	ws := string(src[wsStart:textEnd])
	if info.breaks[lineEnd] {
		if opts.Style == "spaces" {
			if ws == "  " {
				return
			}
			pass.ReportWithFix(wsStart, textEnd,
				"hard line break made of "+tsbDescribeWS(ws)+"; use exactly two spaces",
				"replace the trailing white space with two spaces", "  ")
			return
		}
		repl := brk
		if wsStart > lineStart && src[wsStart-1] == '\\' && brk != "<br>" {
			// "C:\" followed by "\" would read as an escaped backslash.
			repl = " " + brk
		}
		pass.ReportWithFix(wsStart, textEnd,
			"line ends in "+tsbDescribeWS(ws)+": a hard line break nobody can see; make it explicit with "+brk,
			"replace the trailing white space with "+brk, repl)
		return
	}
	line := pass.Doc.Lines.LineOf(wsStart)
	var msg string
	switch {
	case wsStart == lineStart:
		msg = "line holds only white space; make it empty"
	case info.headings[line]:
		msg = "trailing " + tsbDescribeWS(ws) + " after a heading; remove " + tsbThem(ws)
	case strings.Contains(ws, "\t"):
		msg = "trailing " + tsbDescribeWS(ws) + " " + tsbMake(ws) + " no line break; remove " + tsbThem(ws)
	case len(ws) == 1:
		msg = "trailing space makes no line break (that takes two); remove it, or make the break explicit"
	case info.paraEnds[line] != tsbNoParaEnd:
		msg = "trailing " + tsbDescribeWS(ws) + " at the end of a " + info.paraEnds[line].String() + " make no line break; remove them"
	default:
		msg = "trailing " + tsbDescribeWS(ws) + " make no line break here; remove them"
	}
	pass.ReportWithFix(wsStart, textEnd, msg, "remove the trailing white space", "")
}

var (
	// kramdownBlockIAL is a block attribute list alone on its line
	// ({: .center}); kramdown's IAL_BLOCK_START, which ends a paragraph.
	kramdownBlockIAL = regexp.MustCompile(`^ {0,3}\{:[^:/][^}\n]*\}[ \t]*\r?(\n|$)|^ {0,3}\{:\}[ \t]*\r?(\n|$)`)
	// kramdownEOB is kramdown's end-of-block marker, a line holding "^";
	// kramdownDefinition starts a definition (the line before is its term).
	kramdownEOB        = regexp.MustCompile(`^\^[ \t]*\r?(\n|$)`)
	kramdownDefinition = regexp.MustCompile(`^ {0,3}:[ \t]`)
	// kramdownHTMLLine is a line starting with an HTML tag; kramdown ends a
	// paragraph there unless the tag is a span element.
	kramdownHTMLLine = regexp.MustCompile(`^ {0,3}</?([A-Za-z][A-Za-z0-9-]*)`)
)

// kramdownSpanElements are the tags that do not end a kramdown paragraph
// (HTML_SPAN_ELEMENTS plus script, as in its paragraph parser).
var kramdownSpanElements = map[string]bool{
	"a": true, "abbr": true, "acronym": true, "b": true, "big": true, "bdo": true, "br": true, "button": true,
	"cite": true, "code": true, "del": true, "dfn": true, "em": true, "i": true, "img": true, "input": true,
	"ins": true, "kbd": true, "label": true, "mark": true, "option": true, "q": true, "rb": true, "rbc": true,
	"rp": true, "rt": true, "rtc": true, "ruby": true, "samp": true, "select": true, "small": true, "span": true,
	"strike": true, "strong": true, "sub": true, "sup": true, "textarea": true, "tt": true, "u": true, "var": true,
	"script": true,
}

// kramdownEndsParagraph reports whether kramdown ends a paragraph before
// rest, the lines after a paragraph line, where goldmark would go on.
func kramdownEndsParagraph(rest []byte) bool {
	// Every pattern looks at the next line only; an unanchored search of
	// the rest of the file for each line was quadratic (a post with 20,000
	// trailing-space breaks took 7 minutes).
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl+1]
	}
	// Each pattern needs one of "{^:<" after at most three spaces: most
	// lines are spared the regular expressions.
	first := bytes.TrimLeft(rest[:min(len(rest), 4)], " ")
	if len(first) == 0 || !strings.ContainsRune("{^:<", rune(first[0])) {
		return false
	}
	if kramdownBlockIAL.Match(rest) || kramdownEOB.Match(rest) || kramdownDefinition.Match(rest) {
		return true
	}
	if m := kramdownHTMLLine.FindSubmatch(rest); m != nil {
		return !kramdownSpanElements[strings.ToLower(string(m[1]))]
	}
	return false
}

// tsbThem and tsbMake agree with a run of one or more characters.
func tsbThem(ws string) string {
	if len(ws) == 1 {
		return "it"
	}
	return "them"
}

func tsbMake(ws string) string {
	if len(ws) == 1 {
		return "makes"
	}
	return "make"
}

// tsbDescribeWS says what a run of spaces and tabs is made of.
func tsbDescribeWS(ws string) string {
	tabs := strings.Count(ws, "\t")
	spaces := len(ws) - tabs
	switch {
	case len(ws) == 0:
		return ""
	case tabs == 0:
		return tsbPlural(spaces, "space")
	case spaces == 0:
		return tsbPlural(tabs, "tab")
	}
	return tsbPlural(spaces, "space") + " and " + tsbPlural(tabs, "tab")
}

func tsbPlural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// tsbScan reads the Markdown tree for hard breaks, headings, paragraph ends
// and HTML, and the tags for {% raw %} bodies.
func tsbScan(d *lint.Document) *tsbLineInfo {
	lines := d.Lines.Lines() + 1 // LineOf is at most Lines()
	info := &tsbLineInfo{breaks: map[int]bool{}, headings: make([]bool, lines), paraEnds: make([]tsbParaEnd, lines)}
	(&tsbWalker{info: info, src: d.Src, lineOf: d.Lines.LineOf}).walk(d.AST)
	src := d.Src
	var rawStart = -1
	for _, t := range d.Tags {
		if t.Kind != lint.LiquidTag {
			continue
		}
		switch {
		case t.Name == "raw" && rawStart < 0:
			rawStart = t.End
		case t.Name == "endraw" && rawStart >= 0:
			info.skip = append(info.skip, lint.Span{Start: rawStart, End: t.Start})
			rawStart = -1
		}
	}
	if rawStart >= 0 {
		info.skip = append(info.skip, lint.Span{Start: rawStart, End: len(src)})
	}
	sort.Slice(info.skip, func(i, j int) bool { return info.skip[i].Start < info.skip[j].Start })
	// Spans may nest (inline HTML inside a raw body); merge them so that the
	// binary search in tsbSkipped sees disjoint spans.
	merged := info.skip[:0]
	for _, s := range info.skip {
		if k := len(merged); k > 0 && s.Start <= merged[k-1].End {
			merged[k-1].End = max(merged[k-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	info.skip = merged
	return info
}

// tsbWalker reads the tree for tsbScan: a walk of its own, which calls
// node once for each node where ast.Walk called its walker twice through
// a closure.
type tsbWalker struct {
	info   *tsbLineInfo
	src    []byte
	lineOf func(int) int
}

// walk reads n and the nodes under it, in page order.
func (w *tsbWalker) walk(n ast.Node) {
	if !w.node(n) {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.walk(c)
	}
}

// node reads n and reports whether the nodes under it are to be read.
func (w *tsbWalker) node(n ast.Node) bool {
	info := w.info
	switch n := n.(type) {
	case *ast.Text:
		if n.HardLineBreak() {
			if nl := bytes.IndexByte(w.src[n.Segment.Stop:], '\n'); nl >= 0 {
				info.breaks[n.Segment.Stop+nl] = true
			}
		}
	case *ast.Heading:
		for i := 0; i < n.Lines().Len(); i++ {
			info.headings[w.lineOf(n.Lines().At(i).Start)] = true
		}
	case *ast.Paragraph, *ast.TextBlock:
		if l := n.Lines(); l.Len() > 0 {
			where := tsbParagraphEnd
			if _, ok := n.Parent().(*ast.ListItem); ok && n.NextSibling() == nil {
				where = tsbListItemEnd
			}
			info.paraEnds[w.lineOf(l.At(l.Len()-1).Start)] = where
		}
	case *ast.HTMLBlock:
		l := n.Lines()
		if l.Len() > 0 {
			end := l.At(l.Len() - 1).Stop
			if n.HasClosure() {
				end = max(end, n.ClosureLine.Stop)
			}
			info.skip = append(info.skip, lint.Span{Start: l.At(0).Start, End: end})
		}
		return false
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			info.skip = append(info.skip, lint.Span{Start: n.Segments.At(0).Start, End: n.Segments.At(n.Segments.Len() - 1).Stop})
		}
	}
	return true
}
