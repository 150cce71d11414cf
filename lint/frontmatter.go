package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// FrontMatterFormat names the syntax of a front matter block.
type FrontMatterFormat string

// Front matter formats.
const (
	FrontMatterNone FrontMatterFormat = ""
	FrontMatterYAML FrontMatterFormat = "yaml"
	FrontMatterTOML FrontMatterFormat = "toml"
	FrontMatterJSON FrontMatterFormat = "json"
)

// FrontMatter is a document's metadata block.
type FrontMatter struct {
	Format FrontMatterFormat
	// Span covers the whole block, delimiters included. Content is the
	// part between the delimiters.
	Span, Content Span
	// Data is the decoded block; nil when absent or broken.
	Data map[string]any
	// YAML is the decoded node tree of a YAML block, for exact positions of
	// keys and values.
	YAML *yaml.Node
	// Err is set when the block does not decode or is not terminated.
	// ErrOffset is the byte offset it is about.
	Err       error
	ErrOffset int
	// Unterminated is set when an opening delimiter has no closing one.
	Unterminated bool
}

// Has reports whether the document has a front matter block.
func (fm *FrontMatter) Has() bool { return fm.Format != FrontMatterNone }

// yamlDoc captures both the node tree and the plain values of a YAML block.
type yamlDoc struct {
	node yaml.Node
	data map[string]any
}

var (
	yamlLineRE        = regexp.MustCompile(`^yaml: line (\d+): `)
	yamlTypeErrLineRE = regexp.MustCompile(`line (\d+)`)
)

// parseFrontMatter finds and decodes the front matter at src[start:]
// (start skips a BOM). Jekyll and Hugo both require it at the very start.
func parseFrontMatter(src []byte, start int) FrontMatter {
	var fm FrontMatter
	firstLineEnd := bytes.IndexByte(src[start:], '\n')
	if firstLineEnd < 0 {
		return fm
	}
	first := string(bytes.TrimRight(src[start:start+firstLineEnd], " \t\r"))
	var format FrontMatterFormat
	switch first {
	case "---", "---yaml":
		format = FrontMatterYAML
	case "+++", "---toml":
		format = FrontMatterTOML
	case "{", "---json":
		format = FrontMatterJSON
	default:
		return fm
	}
	fm.Format = format
	var doc yamlDoc
	var data map[string]any
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", func(b []byte, v any) error { return decodeYAML(b, &doc) }),
		frontmatter.NewFormat("---yaml", "---", func(b []byte, v any) error { return decodeYAML(b, &doc) }),
		frontmatter.NewFormat("+++", "+++", func(b []byte, v any) error { return toml.Unmarshal(b, &data) }),
		frontmatter.NewFormat("---toml", "---", func(b []byte, v any) error { return toml.Unmarshal(b, &data) }),
		frontmatter.NewFormat("---json", "---", func(b []byte, v any) error { return json.Unmarshal(b, &data) }),
		{Start: "{", End: "}", UnmarshalDelims: true, Unmarshal: func(b []byte, v any) error { return json.Unmarshal(b, &data) }},
	}
	contentStart := start + firstLineEnd + 1
	if format == FrontMatterJSON && first == "{" {
		contentStart = start
	}
	fm.Content.Start = contentStart
	fm.Span.Start = start
	rest, err := frontmatter.MustParse(bytes.NewReader(src[start:]), nil, formats...)
	if errors.Is(err, frontmatter.ErrNotFound) {
		fm.Unterminated = true
		fm.Err = fmt.Errorf("front matter opened with %q on line 1 is never closed", first)
		fm.ErrOffset = start
		fm.Span.End = len(src)
		fm.Content.End = len(src)
		return fm
	}
	if err != nil {
		fm.Err = err
		fm.ErrOffset = contentStart
		// The block's extent is still known: find the closing delimiter.
		fm.Span.End, fm.Content.End = findClosingDelimiter(src, contentStart, first)
		fm.ErrOffset = errorOffset(src, contentStart, err)
		return fm
	}
	fm.Span.End = len(src) - len(rest)
	fm.Content.End = closingLineStart(src, fm.Span.End)
	if format == FrontMatterJSON && first == "{" {
		fm.Content.End = fm.Span.End
	}
	switch format {
	case FrontMatterYAML:
		fm.Data = doc.data
		if doc.node.Kind != 0 {
			fm.YAML = &doc.node
		}
	default:
		fm.Data = data
	}
	if fm.Data == nil {
		fm.Data = map[string]any{}
	}
	return fm
}

func decodeYAML(b []byte, doc *yamlDoc) error {
	if err := yaml.Unmarshal(b, &doc.node); err != nil {
		return err
	}
	if doc.node.Kind == 0 { // empty block
		return nil
	}
	return doc.node.Decode(&doc.data)
}

// closingLineStart returns the start of the line that ends just before end.
func closingLineStart(src []byte, end int) int {
	i := end
	if i > 0 && src[i-1] == '\n' {
		i--
	}
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

func findClosingDelimiter(src []byte, from int, first string) (spanEnd, contentEnd int) {
	closer := "---"
	if first == "+++" {
		closer = "+++"
	}
	if first == "{" {
		closer = "}"
	}
	i := from
	for i < len(src) {
		j := bytes.IndexByte(src[i:], '\n')
		lineEnd := len(src)
		if j >= 0 {
			lineEnd = i + j
		}
		if string(bytes.TrimSpace(src[i:lineEnd])) == closer {
			next := lineEnd
			if j >= 0 {
				next++
			}
			return next, i
		}
		if j < 0 {
			break
		}
		i = lineEnd + 1
	}
	return len(src), len(src)
}

// errorOffset turns a decoder error's line number (relative to the block)
// into a file offset, so the error can name the file's line.
func errorOffset(src []byte, contentStart int, err error) int {
	line := 0
	var te toml.ParseError
	switch {
	case errors.As(err, &te):
		line = te.Position.Line
	default:
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		var ye *yaml.TypeError
		if errors.As(err, &ye) && len(ye.Errors) > 0 {
			if m := yamlTypeErrLineRE.FindStringSubmatch(ye.Errors[0]); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
		}
	}
	off := contentStart
	for l := 1; l < line && off < len(src); l++ {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	return off
}
