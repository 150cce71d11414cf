package rules

import (
	"regexp"
	"strings"

	"github.com/postlint/postlint/lint"
	"gopkg.in/yaml.v3"
)

// fmProse is the text of one front matter value that readers see as prose
// (a title, a description), with the source offset of each of its bytes
// (len(Text)+1 entries), like lint.ProseBlock.Text.
type fmProse struct {
	Key     string
	Text    string
	Offsets []int
}

// tomlStringLine matches a one-line TOML basic or literal string value.
var tomlStringLine = regexp.MustCompile(`^[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*("[^"\\]*"|'[^']*')[ \t]*(#.*)?$`)

// frontMatterProse returns the values of the given top-level keys whose
// source text is exactly their value (one line, no escape sequence), so that
// every byte maps back to the file. Other values (folded, escaped,
// non-strings) are skipped: a finding must point at what the author wrote.
func frontMatterProse(doc *lint.Document, keys ...string) []fmProse {
	fm := &doc.FrontMatter
	if fm.Data == nil || fm.Err != nil {
		return nil
	}
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var out []fmProse
	add := func(key string, start int, value string) {
		if start < 0 || start+len(value) > len(doc.Src) || string(doc.Src[start:start+len(value)]) != value {
			return
		}
		offs := make([]int, len(value)+1)
		for i := range offs {
			offs[i] = start + i
		}
		out = append(out, fmProse{Key: key, Text: value, Offsets: offs})
	}
	switch fm.Format {
	case lint.FrontMatterYAML:
		if fm.YAML == nil || len(fm.YAML.Content) == 0 || fm.YAML.Content[0].Kind != yaml.MappingNode {
			return nil
		}
		root := fm.YAML.Content[0]
		firstLine := doc.Lines.Position(fm.Content.Start).Line
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, v := root.Content[i], root.Content[i+1]
			if !want[k.Value] || v.Kind != yaml.ScalarNode || v.Tag != "!!str" || strings.ContainsAny(v.Value, "\n\r") {
				continue
			}
			off := doc.Lines.OffsetOf(firstLine+v.Line-1, v.Column)
			switch v.Style {
			case 0:
				add(k.Value, off, v.Value)
			case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
				add(k.Value, off+1, v.Value)
			}
		}
	case lint.FrontMatterTOML:
		content := doc.Src[fm.Content.Start:fm.Content.End]
		lineStart := fm.Content.Start
		for _, line := range strings.SplitAfter(string(content), "\n") {
			trimmed := strings.TrimRight(line, "\r\n")
			if strings.HasPrefix(strings.TrimSpace(trimmed), "[") {
				break // a table: later keys are not top-level
			}
			if m := tomlStringLine.FindStringSubmatchIndex(trimmed); m != nil {
				key := trimmed[m[2]:m[3]]
				if want[key] {
					if s, ok := fm.Data[key].(string); ok {
						raw := trimmed[m[4]+1 : m[5]-1]
						if raw == s {
							add(key, lineStart+m[4]+1, s)
						}
					}
				}
			}
			lineStart += len(line)
		}
	}
	return out
}

// codeShortcodes are Hugo shortcodes whose body is code or a diagram
// description, not prose, although Markdown parses it as paragraphs.
var codeShortcodes = map[string]bool{
	"mermaid": true, "highlight": true, "math": true, "katex": true, "plantuml": true,
	"chart": true, "graphviz": true, "code": true, "diagram": true, "kroki": true, "svgbob": true,
}

// codeShortcodeBodies returns the spans between the opening and closing
// tags of code-like shortcodes ({{< mermaid >}} … {{< /mermaid >}}).
func codeShortcodeBodies(doc *lint.Document) []lint.Span {
	var out []lint.Span
	open := map[string]int{}
	for _, t := range doc.Tags {
		if !t.Live() || t.Kind != lint.ShortcodeHTML && t.Kind != lint.ShortcodeMarkdown {
			continue
		}
		name := strings.ToLower(strings.TrimPrefix(t.Name, "/"))
		if !codeShortcodes[name] || t.SelfClosing {
			continue
		}
		if t.Closing || strings.HasPrefix(t.Name, "/") {
			if start, ok := open[name]; ok {
				out = append(out, lint.Span{Start: start, End: t.Start})
				delete(open, name)
			}
			continue
		}
		open[name] = t.End
	}
	return out
}

// inSpans says whether off lies in one of spans.
func inSpans(spans []lint.Span, off int) bool {
	for _, s := range spans {
		if s.Start <= off && off < s.End {
			return true
		}
	}
	return false
}
