package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/BurntSushi/toml"
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
//
// The block ends at the first later line that is the closing delimiter once
// trimmed of white space, exactly as github.com/adrg/frontmatter finds it (a
// test pins the equivalence); scanning src in place avoids that package's
// copy of the whole file through a buffered reader, which cost as much as
// decoding the block.
func parseFrontMatter(src []byte, start int) FrontMatter {
	var fm FrontMatter
	firstLineEnd := bytes.IndexByte(src[start:], '\n')
	if firstLineEnd < 0 {
		return fm
	}
	first := bytes.TrimRight(src[start:start+firstLineEnd], " \t\r")
	var format FrontMatterFormat
	closer := "---"
	switch string(first) {
	case "---", "---yaml":
		format = FrontMatterYAML
	case "+++":
		format, closer = FrontMatterTOML, "+++"
	case "---toml":
		format = FrontMatterTOML
	case "{":
		format, closer = FrontMatterJSON, "}"
	case "---json":
		format = FrontMatterJSON
	default:
		return fm
	}
	fm.Format = format
	contentStart := start + firstLineEnd + 1
	fm.Span.Start = start
	closeStart, closeEnd, closed := findCloser(src, contentStart, closer)
	// A lone "{" opens a JSON object whose braces are part of the data.
	withDelims := string(first) == "{"
	if withDelims {
		contentStart = start
	}
	fm.Content.Start = contentStart
	if !closed {
		fm.Unterminated = true
		fm.Err = fmt.Errorf("front matter opened with %q on line 1 is never closed", first)
		fm.ErrOffset = start
		fm.Span.End = len(src)
		fm.Content.End = len(src)
		return fm
	}
	fm.Span.End, fm.Content.End = closeEnd, closeStart
	content := src[contentStart:closeStart]
	if withDelims {
		content = src[contentStart:closeEnd]
		fm.Content.End = closeEnd
	}
	var err error
	switch format {
	case FrontMatterYAML:
		var doc yamlDoc
		if err = decodeYAML(content, &doc); err == nil {
			fm.Data = doc.data
			if doc.node.Kind != 0 {
				fm.YAML = &doc.node
			}
		}
	case FrontMatterTOML:
		err = toml.Unmarshal(content, &fm.Data)
	case FrontMatterJSON:
		err = json.Unmarshal(content, &fm.Data)
	}
	if err != nil {
		fm.Data = nil
		fm.Err = err
		// The block's extent is still known: the closing delimiter's.
		fm.Span.End, fm.Content.End = closeEnd, closeStart
		fm.ErrOffset = errorOffset(src, contentStart, err)
		return fm
	}
	if fm.Data == nil {
		fm.Data = map[string]any{}
	}
	return fm
}

// findCloser returns the extent of the first line at or after from whose
// text, trimmed of white space, is closer; end includes its line ending.
func findCloser(src []byte, from int, closer string) (start, end int, ok bool) {
	for i := from; i < len(src); {
		next := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			next = i + j + 1
		}
		if string(bytes.TrimSpace(src[i:next])) == closer {
			return i, next, true
		}
		i = next
	}
	return 0, 0, false
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
