package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/ast"
)

// ImageAlt reports images without alternative text.
var ImageAlt = &lint.Rule{
	Name:            "image-alt",
	Summary:         "images have alternative text",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"accessibility", "images"},
	Doc: `Reports images that have no alternative text: a Markdown image whose
text between the brackets is empty (` + "`![](diagram.png)`" + `), and an HTML
` + "`<img>`" + ` without an ` + "`alt`" + ` attribute, in HTML blocks and in inline HTML.

## Why

Screen readers read the alternative text in place of the image; without
it they read the file name ("diagram dot png") or nothing. Search engines
and readers whose images fail to load see it too. WCAG 2 success
criterion 1.1.1 asks for a text alternative for every non-decorative image.

## Example

    ![](/assets/images/architecture.png)
    <img src="/assets/images/architecture.png" width="600">

## Fix

Describe what the image shows, in the page's language:

    ![Architecture: three services behind a load balancer](/assets/images/architecture.png)
    <img src="/assets/images/architecture.png" alt="Architecture: …" width="600">

An image that is pure decoration may keep an empty text on purpose: write
` + "`alt=\"\"`" + ` on an ` + "`<img>`" + `, which this rule accepts. There is no automatic
fix: only the author knows what the image says.

Images in code blocks and code spans are never checked; images written
with template tags or shortcodes (` + "`{% include image.html %}`" + `,
` + "`{{< figure >}}`" + `) are out of this rule's reach.
`,
	Check: checkImageAlt,
}

var (
	imgTagRE      = regexp.MustCompile(`(?i)<img\b`)
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?-->`)
	// htmlRawRE matches elements whose content is not markup.
	htmlRawRE = regexp.MustCompile(`(?is)<(pre|code|script|style|textarea)\b.*?</(pre|code|script|style|textarea)\s*>`)
)

func checkImageAlt(pass *lint.Pass) {
	d := pass.Doc
	reported := map[int]bool{}
	for _, l := range d.Links() {
		if !l.Image {
			continue
		}
		img := l.Node.(*ast.Image)
		if strings.TrimSpace(string(imageAltText(img, d.Masked))) != "" {
			continue
		}
		start, end, ok := emptyImageSpan(d, l, reported)
		if !ok || reported[start] || d.InCode(start) {
			continue
		}
		reported[start] = true
		dest := string(img.Destination)
		pass.Reportf(start, end, "image %s has no alternative text: describe it between the brackets, ![what it shows](%s)", dest, dest)
	}
	if !mayHoldImgTag(d.Masked) {
		return // the walk below looks for <img> tags in HTML
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.HTMLBlock:
			lines := v.Lines()
			if lines.Len() > 0 {
				checkImgTags(pass, lines.At(0).Start, lines.At(lines.Len()-1).Stop)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if v.Segments.Len() > 0 {
				checkImgTags(pass, v.Segments.At(0).Start, v.Segments.At(v.Segments.Len()-1).Stop)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// emptyImageSpan finds "![](dest" in the source: after the located
// destination, or, when the engine could not locate it (an image inside a
// link: [![](badge.svg)](url)) or it is a reference (![][logo]), in the
// image's block, skipping the images already reported.
func emptyImageSpan(d *lint.Document, l lint.Link, reported map[int]bool) (int, int, bool) {
	if l.Located && !l.Reference {
		open := bytes.LastIndex(d.Src[:l.DestSpan.Start], []byte("!["))
		if open < 0 {
			return 0, 0, false
		}
		if between := strings.TrimSpace(string(d.Src[open+2 : l.DestSpan.Start])); between != "](" && between != "](<" {
			return 0, 0, false
		}
		return open, l.DestSpan.End, true
	}
	block := l.Node.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil || block.Lines().Len() == 0 {
		return 0, 0, false
	}
	lines := block.Lines()
	from, to := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	pattern := `!\[\s*\]\(\s*<?` + regexp.QuoteMeta(string(l.Node.(*ast.Image).Destination))
	if l.Reference {
		pattern = `!\[\s*\]\[[^\]]+\]`
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return 0, 0, false
	}
	for _, m := range re.FindAllIndex(d.Masked[from:to], -1) {
		if !reported[from+m[0]] {
			return from + m[0], from + m[1], true
		}
	}
	return 0, 0, false
}

// imageAltText concatenates the text under an image node.
func imageAltText(n ast.Node, src []byte) []byte {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b = append(b, t.Segment.Value(src)...)
			case *ast.String:
				b = append(b, t.Value...)
			}
		}
		return ast.WalkContinue, nil
	})
	return b
}

// checkImgTags reports the <img> tags of Src[start:end] that lack an alt
// attribute. Comments and the content of pre, code, script, style and
// textarea elements are skipped; template tags are already masked.
func checkImgTags(pass *lint.Pass, start, end int) {
	d := pass.Doc
	if !mayHoldImgTag(d.Masked[start:end]) {
		return
	}
	chunk := append([]byte(nil), d.Masked[start:end]...)
	for _, re := range []*regexp.Regexp{htmlCommentRE, htmlRawRE} {
		for _, m := range re.FindAllIndex(chunk, -1) {
			for i := m[0]; i < m[1]; i++ {
				if chunk[i] != '\n' {
					chunk[i] = ' '
				}
			}
		}
	}
	for _, m := range imgTagRE.FindAllIndex(chunk, -1) {
		names, tagEnd := htmlAttrNames(chunk, m[1])
		if names == nil || names["alt"] {
			continue
		}
		s := start + m[0]
		if d.InCode(s) {
			continue
		}
		src := ""
		if v, ok := htmlAttrValue(d.Src[start+m[1]:start+tagEnd], "src"); ok {
			src = " " + v
		}
		pass.Reportf(s, start+tagEnd, "<img%s> has no alt attribute: add alt=\"what it shows\" (or alt=\"\" for a purely decorative image)", src)
	}
}

// mayHoldImgTag reports whether imgTagRE can match in b: whether it holds
// "<img" in any case.
func mayHoldImgTag(b []byte) bool {
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			return false
		}
		i += k + 1
		if i+3 <= len(b) && equalFoldASCII(b[i:i+3], "img") {
			return true
		}
	}
}

// htmlAttrNames reads the attributes of a tag whose name ends at b[i] and
// returns their lower-cased names and the offset after the tag's ">"; nil
// when the tag does not end.
func htmlAttrNames(b []byte, i int) (map[string]bool, int) {
	names := map[string]bool{}
	for i < len(b) {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '/') {
			i++
		}
		if i >= len(b) {
			return nil, i
		}
		if b[i] == '>' {
			return names, i + 1
		}
		j := i
		for j < len(b) && !strings.ContainsRune(" \t\r\n=/>", rune(b[j])) {
			j++
		}
		names[strings.ToLower(string(b[i:j]))] = true
		i = j
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
			i++
		}
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
				i++
			}
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				k := bytes.IndexByte(b[i+1:], b[i])
				if k < 0 {
					return nil, len(b)
				}
				i += k + 2
			} else {
				for i < len(b) && !strings.ContainsRune(" \t\r\n>", rune(b[i])) {
					i++
				}
			}
		}
	}
	return nil, i
}

var htmlSrcRE = regexp.MustCompile(`(?i)(?:^|\s)src\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)

// htmlAttrValue returns the raw value of attribute name in a tag's
// attribute text, for messages.
func htmlAttrValue(attrs []byte, name string) (string, bool) {
	if name != "src" {
		return "", false
	}
	m := htmlSrcRE.FindSubmatch(attrs)
	if m == nil {
		return "", false
	}
	v := string(m[1])
	if len(v) > 60 {
		v = v[:57] + "…"
	}
	return "src=" + v, true
}
