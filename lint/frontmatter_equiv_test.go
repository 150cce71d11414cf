package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
)

// parseFrontMatterReference is the former parseFrontMatter, built on
// github.com/adrg/frontmatter: the fast scanner must agree with it on every
// input.
func parseFrontMatterReference(src []byte, start int) FrontMatter {
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
		fm.Span.End, fm.Content.End = referenceClosingDelimiter(src, contentStart, first)
		fm.ErrOffset = errorOffset(src, contentStart, err)
		return fm
	}
	fm.Span.End = len(src) - len(rest)
	i := fm.Span.End
	if i > 0 && src[i-1] == '\n' {
		i--
	}
	fm.Content.End = bytes.LastIndexByte(src[:i], '\n') + 1
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

func referenceClosingDelimiter(src []byte, from int, first string) (spanEnd, contentEnd int) {
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

// sameFrontMatter reports how two parses differ, or "".
func sameFrontMatter(got, want FrontMatter) string {
	errText := func(err error) string {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	switch {
	case got.Format != want.Format || got.Span != want.Span || got.Content != want.Content:
		return fmt.Sprintf("format/span/content %v %v %v, want %v %v %v", got.Format, got.Span, got.Content, want.Format, want.Span, want.Content)
	case errText(got.Err) != errText(want.Err) || got.ErrOffset != want.ErrOffset || got.Unterminated != want.Unterminated:
		return fmt.Sprintf("err %q at %d (unterminated %v), want %q at %d (%v)", errText(got.Err), got.ErrOffset, got.Unterminated, errText(want.Err), want.ErrOffset, want.Unterminated)
	case !reflect.DeepEqual(got.Data, want.Data):
		return fmt.Sprintf("data %v, want %v", got.Data, want.Data)
	case !reflect.DeepEqual(got.YAML, want.YAML):
		return "YAML node trees differ"
	}
	return ""
}

var frontMatterEdgeCases = []string{
	"---\ntitle: A\n---\nbody",
	"---\ntitle: A\n---",
	"---\ntitle: A\n---\n",
	"---\ntitle: A\n  ---  \nbody",
	"---\ntitle: A\n\u00a0---\u2003\r\nbody",
	"--- \r\ntitle: A\r\n---\r\nbody",
	"---\n---\nbody",
	"---\n\n---\n",
	"---\n",
	"---\ntitle: A\n",
	"---\ntitle: A\n----\n---\n",
	"---yaml\ntitle: A\n---\nx",
	"---yaml\ntitle: A\n+++\nx",
	"+++\ntitle = \"B\"\n+++\nbody",
	"+++\ntitle = \"B\"\n---\nbody",
	"+++\ntitle = B\n+++\nbody",
	"---toml\ntitle = \"B\"\n---\nbody",
	"{\n\"title\": \"C\"\n}\n\nbody",
	"{\n\"title\": \"C\"\n}",
	"{\n\"title\": \"C\",\n}\nbody",
	"{ \n\"a\": {\"b\": 1\n}\n}\n",
	"---json\n{\"title\": \"C\"}\n---\nbody",
	"---json\nnull\n---\nbody",
	"---\ntitle: [oops\n---\nbody",
	"---\ntitle: ok\nbad: [\n---\n",
	"---\na: 1\na: 2\n---\n",
	"---\n- a\n- b\n---\n",
	"---\n# only a comment\n---\n",
	"\uFEFF---\ntitle: x\n---\nbody\n",
	"\n---\ntitle: x\n---\n",
	" ---\ntitle: x\n---\n",
	"\v---\ntitle: x\n---\n",
	"---\ttitle\n---\n",
	";;;\ntitle: x\n;;;\n",
	"---\ntitle: x\n---\x85\n",
	"---\ntitle: \xff\n---\n",
}

func TestFrontMatterMatchesADRG(t *testing.T) {
	for _, src := range frontMatterEdgeCases {
		b := []byte(src)
		bom := 0
		if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			bom = 3
		}
		if diff := sameFrontMatter(parseFrontMatter(b, bom), parseFrontMatterReference(b, bom)); diff != "" {
			t.Errorf("%q: %s", src, diff)
		}
	}
}

// FuzzFrontMatterMatchesADRG checks the scanner against the library it
// replaces on any input, seeded with the fixtures and the real corpora.
func FuzzFrontMatterMatchesADRG(f *testing.F) {
	for _, s := range frontMatterEdgeCases {
		f.Add([]byte(s))
	}
	for _, s := range fuzzSeeds(f, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 64<<10) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		bom := 0
		if bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) {
			bom = 3
		}
		if diff := sameFrontMatter(parseFrontMatter(src, bom), parseFrontMatterReference(src, bom)); diff != "" {
			t.Fatalf("%q: %s", src, diff)
		}
	})
}
