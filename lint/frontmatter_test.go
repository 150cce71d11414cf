package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
)

// parseFrontMatterReference is the former parseFrontMatter, which let
// adrg/frontmatter find the closing line (copying the whole file): the
// direct search must agree with it.
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

var frontMatterEdgeCases = []string{
	"---\n---\n",
	"---\n",
	"---\ntitle: x\n---",
	"---\ntitle: x\n  ---  \nbody",
	"---\ntitle: x\n---\u00a0\nbody\n---\n",
	"---\ntitle: x\n\u0085---\u0085\nbody\n",
	"---\ntitle: x\n...\n---\n",
	"--- \r\ntitle: x\r\n---\r\nbody\r\n",
	"---yaml\na: 1\n---\n",
	"---toml\na = 1\n---\n",
	"---json\n{\"a\": 1}\n---\n",
	"+++\na = 1\n+++\n",
	"+++\na = 1\n---\n",
	"+++\na = [\n+++\nbody\n",
	"{\n\"a\": 1\n}\nbody\n",
	"{\n\"a\": 1\n }",
	"{\n\"a\": [1,\n}\n",
	"---\na: [1,\n---\nbody\n",
	"---\na: b: c\n---\n",
	"---\n- a\n- b\n---\n",
	"\xEF\xBB\xBF---\na: 1\n---\n",
	"---\r\n---",
}

func TestFrontMatterMatchesReference(t *testing.T) {
	srcs := fuzzSeeds(t, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 1<<20)
	for _, c := range frontMatterEdgeCases {
		srcs = append(srcs, []byte(c))
	}
	n := 0
	for _, src := range srcs {
		start := 0
		if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
			start = 3
		}
		got, want := parseFrontMatter(src, start), parseFrontMatterReference(src, start)
		if diff := sameFrontMatter(got, want); diff != "" {
			t.Fatalf("%.200q: %s", src, diff)
		}
		if got.Has() {
			n++
		}
	}
	t.Logf("%d files, %d with front matter", len(srcs), n)
}

func FuzzFrontMatter(f *testing.F) {
	for _, c := range frontMatterEdgeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		if diff := sameFrontMatter(parseFrontMatter(src, 0), parseFrontMatterReference(src, 0)); diff != "" {
			t.Fatalf("%q: %s", src, diff)
		}
	})
}
