package rules

import (
	"bytes"
	"fmt"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// HeadingIncrement reports headings that skip levels.
var HeadingIncrement = &lint.Rule{
	Name:            "heading-increment",
	Summary:         "heading levels go down one at a time",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"headings", "accessibility", "structure"},
	Doc: `Reports a heading that is more than one level deeper than the heading
before it (an h4 right after an h2), and a first heading at h3 or deeper.
ATX (` + "`## Title`" + `) and setext (underlined) headings count alike; headings
in code blocks and in raw HTML do not.

The first heading may be an h1 or an h2: Jekyll and Hugo themes print the
page's ` + "`title`" + ` as the page's h1, so many posts start at h2, and others
repeat the title as a Markdown h1.

## Why

Headings are the outline of the page: screen readers list them and jump
from one to the next, and a table of contents is built from them. A
skipped level makes the reader look for a missing section. Like
markdownlint's MD001 (heading-increment).

## Example

    ## Installation
    #### Sur Linux

## Fix

Use the next level down (` + "`### Sur Linux`" + `), or add the missing
intermediate heading. There is no automatic fix: changing one heading's
level can shift the whole section below it, and only the author knows
which structure was meant.
`,
	Check: checkHeadingIncrement,
}

func checkHeadingIncrement(pass *lint.Pass) {
	d := pass.Doc
	prev := 0
	forEachHeading(d.AST, func(h *ast.Heading) {
		level := h.Level
		defer func() { prev = level }()
		start, end, ok := headingSpan(d, h)
		if !ok {
			return
		}
		switch {
		case prev == 0 && level >= 3:
			pass.Reportf(start, end, "the first heading is an h%d: start at h2 (the page title is the h1), or h1", level)
		case prev > 0 && level > prev+1:
			pass.Reportf(start, end, "heading jumps from h%d to h%d: use h%d%s", prev, level, prev+1, headingMarks(h, d.Src, prev+1))
		}
	})
}

// forEachHeading calls visit for each heading under n, in page order,
// outside code and HTML blocks. It goes down the blocks only: a node whose
// children are inline content holds no heading. (ast.Walk calls its walker
// twice for each node, on the way in and out.)
func forEachHeading(n ast.Node, visit func(*ast.Heading)) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		case ast.KindHeading:
			visit(c.(*ast.Heading))
		default:
			if fc := c.FirstChild(); fc != nil && fc.Type() != ast.TypeInline {
				forEachHeading(c, visit)
			}
		}
	}
}

// headingSpan returns the source range of a heading's line: from its first
// "#" (or its text, for a setext heading) to the end of its text.
func headingSpan(d *lint.Document, h *ast.Heading) (int, int, bool) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return 0, 0, false
	}
	start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	lineStart := bytes.LastIndexByte(d.Src[:start], '\n') + 1
	if i := bytes.IndexByte(d.Src[lineStart:start], '#'); i >= 0 {
		start = lineStart + i
	}
	for end > start && (d.Src[end-1] == '\n' || d.Src[end-1] == '\r') {
		end--
	}
	return start, end, true
}

// headingMarks shows the ATX markers of the wanted level, for an ATX heading.
func headingMarks(h *ast.Heading, src []byte, level int) string {
	if lines := h.Lines(); lines.Len() > 0 {
		lineStart := bytes.LastIndexByte(src[:lines.At(0).Start], '\n') + 1
		if bytes.IndexByte(src[lineStart:lines.At(0).Start], '#') >= 0 {
			return fmt.Sprintf(" (%s)", string(bytes.Repeat([]byte("#"), level)))
		}
	}
	return ""
}
