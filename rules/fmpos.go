package rules

import (
	"bytes"
	"regexp"

	"github.com/postlint/postlint/lint"
	"gopkg.in/yaml.v3"
)

// fmEntry is one top-level front matter key with the source span of its key
// and of its value (the rest of the key's line when the value spans lines).
type fmEntry struct {
	Key       string
	KeySpan   lint.Span
	ValueSpan lint.Span
	ValueNode *yaml.Node // nil for TOML and JSON
}

// nodeOffset converts a yaml.v3 node position (1-based line and 1-based
// code point column, relative to the front matter content) into a file
// offset.
func nodeOffset(doc *lint.Document, n *yaml.Node) int {
	first := doc.Lines.Position(doc.FrontMatter.Content.Start).Line
	return doc.Lines.OffsetOf(first+n.Line-1, n.Column)
}

// lineEndAt returns the offset of the end of the line that holds off.
func lineEndAt(doc *lint.Document, off int) int {
	return doc.Lines.LineEnd(doc.Lines.Position(off).Line)
}

// scalarEnd returns the end offset of a scalar written at off: a plain or
// quoted scalar on one line.
func scalarEnd(doc *lint.Document, n *yaml.Node, off int) int {
	end := lineEndAt(doc, off)
	if n.Kind != yaml.ScalarNode {
		return end
	}
	line := doc.Src[off:end]
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && len(line) > 1 {
		q := line[0]
		if i := bytes.IndexByte(line[1:], q); i >= 0 {
			return off + i + 2
		}
		return end
	}
	// A plain scalar ends before a comment.
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		end = off + i
	}
	for end > off && (doc.Src[end-1] == ' ' || doc.Src[end-1] == '\t') {
		end--
	}
	return end
}

// tomlKeyRE finds a top-level TOML key at the start of a line.
var tomlKeyRE = regexp.MustCompile(`(?m)^[ \t]*("?)([A-Za-z0-9_-]+)("?)[ \t]*=[ \t]*`)

// tomlTableRE finds the first [table] header, after which keys are nested.
var tomlTableRE = regexp.MustCompile(`(?m)^[ \t]*\[`)

// frontMatterEntries returns the top-level keys of the document's front
// matter with their positions, in source order.
func frontMatterEntries(doc *lint.Document) []fmEntry {
	fm := &doc.FrontMatter
	var out []fmEntry
	switch fm.Format {
	case lint.FrontMatterYAML:
		root := yamlMapping(fm.YAML)
		if root == nil {
			return nil
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			out = append(out, yamlEntry(doc, root.Content[i], root.Content[i+1]))
		}
	case lint.FrontMatterTOML:
		content := doc.Src[fm.Content.Start:fm.Content.End]
		// Keys after the first [table] header are not top-level.
		limit := len(content)
		if m := tomlTableRE.FindIndex(content); m != nil {
			limit = m[0]
		}
		for _, m := range tomlKeyRE.FindAllSubmatchIndex(content[:limit], -1) {
			ks := fm.Content.Start + m[2]
			ke := fm.Content.Start + m[7]
			vs := fm.Content.Start + m[1]
			out = append(out, fmEntry{Key: string(content[m[4]:m[5]]), KeySpan: lint.Span{Start: ks, End: ke}, ValueSpan: lint.Span{Start: vs, End: lineEndAt(doc, vs)}})
		}
	}
	return out
}

// yamlMapping returns the top-level mapping of a YAML front matter, or nil.
func yamlMapping(root *yaml.Node) *yaml.Node {
	if root == nil {
		return nil
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	return root
}

// yamlEntry is the entry of the key k, whose value is v, of a YAML front
// matter.
func yamlEntry(doc *lint.Document, k, v *yaml.Node) fmEntry {
	ks := nodeOffset(doc, k)
	e := fmEntry{Key: k.Value, KeySpan: lint.Span{Start: ks, End: ks + len(k.Value)}, ValueNode: v}
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		e.KeySpan.End += 2
	}
	emptyNull := v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == ""
	if v.Line > 0 && !emptyNull {
		vs := nodeOffset(doc, v)
		e.ValueSpan = lint.Span{Start: vs, End: scalarEnd(doc, v, vs)}
	} else {
		e.ValueSpan = lint.Span{Start: e.KeySpan.End, End: lineEndAt(doc, ks)}
	}
	return e
}

// frontMatterEntry returns the entry for key, if present: the first of
// frontMatterEntries with that key. In a YAML front matter only that
// entry's positions are computed.
func frontMatterEntry(doc *lint.Document, key string) (fmEntry, bool) {
	if fm := &doc.FrontMatter; fm.Format == lint.FrontMatterYAML {
		root := yamlMapping(fm.YAML)
		if root == nil {
			return fmEntry{}, false
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value == key {
				return yamlEntry(doc, k, root.Content[i+1]), true
			}
		}
		return fmEntry{}, false
	}
	for _, e := range frontMatterEntries(doc) {
		if e.Key == key {
			return e, true
		}
	}
	return fmEntry{}, false
}
