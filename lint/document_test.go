package lint

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func parse(t *testing.T, src string, syntax Syntax) *Document {
	t.Helper()
	return parseDocument(newMarkdown(), "x.md", "/x.md", []byte(src), syntax, false, nil)
}

func TestMaskingKeepsOffsetsAndLinks(t *testing.T) {
	src := "---\ntitle: Jour 3\n---\nVoir [Jour 1]({% post_url 2023-04-20-KubeCon-J1 %}) et [Jour 2]({%post_url 2023-04-23-KubeCon-J2%}).\n"
	d := parse(t, src, SyntaxLiquid)
	if len(d.Masked) != len(d.Src) {
		t.Fatalf("masked length %d != source length %d", len(d.Masked), len(d.Src))
	}
	links := d.Links()
	if len(links) != 2 {
		t.Fatalf("got %d links, want 2", len(links))
	}
	for i, want := range []string{"{% post_url 2023-04-20-KubeCon-J1 %}", "{%post_url 2023-04-23-KubeCon-J2%}"} {
		l := links[i]
		if l.Dest != want || src[l.DestSpan.Start:l.DestSpan.End] != want {
			t.Errorf("link %d destination %q at %v, want %q", i, l.Dest, l.DestSpan, want)
		}
	}
	if len(d.Tags) != 2 || d.Tags[0].Name != "post_url" || d.Tags[0].Args != "2023-04-20-KubeCon-J1" || d.Tags[1].Args != "2023-04-23-KubeCon-J2" {
		t.Errorf("tags = %+v", d.Tags)
	}
	if got := src[d.Tags[0].ArgsStart : d.Tags[0].ArgsStart+len(d.Tags[0].Args)]; got != d.Tags[0].Args {
		t.Errorf("ArgsStart points at %q", got)
	}
	// The link text is prose; the tag is not.
	var prose []string
	for _, b := range d.Prose() {
		text, _ := b.Text(d.Src)
		prose = append(prose, text)
	}
	if got := strings.Join(prose, "|"); strings.Contains(got, "post_url") || !strings.Contains(got, "Jour 1") {
		t.Errorf("prose = %q", got)
	}
}

func TestRawCommentAndEscapedShortcodes(t *testing.T) {
	src := "{% raw %}{% post_url nope %}{% endraw %}\n\n{% comment %}{% post_url gone %}{% endcomment %}\n\nok {% post_url 2020-01-01-a %}\n"
	d := parse(t, src, SyntaxLiquid)
	var names []string
	for _, tg := range d.Tags {
		names = append(names, tg.Name+":"+tg.Args)
	}
	want := "raw:|endraw:|comment:|endcomment:|post_url:2020-01-01-a"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("tags %q, want %q", got, want)
	}
	h := parse(t, "{{</* ref \"a\" */>}} and {{< ref \"b\" >}} and {{% relref path=\"c.md\" %}} {{< /notice >}}\n", SyntaxShortcode)
	if len(h.Tags) != 4 || !h.Tags[0].Escaped || h.Tags[1].Escaped || h.Tags[1].Name != "ref" || h.Tags[2].Kind != ShortcodeMarkdown || !h.Tags[3].Closing || h.Tags[3].Name != "notice" {
		t.Errorf("shortcodes = %+v", h.Tags)
	}
	pos, named := ShortcodeArgs(h.Tags[2].Args)
	if len(pos) != 0 || named["path"] != "c.md" {
		t.Errorf("args %v %v", pos, named)
	}
}

func TestTagsSpanLinesAndInCode(t *testing.T) {
	src := "```\n{% post_url\n  2020-01-01-x %}\n```\n\n`{{ page.title }}` text\n"
	d := parse(t, src, SyntaxLiquid)
	if len(d.Tags) != 2 {
		t.Fatalf("tags %+v", d.Tags)
	}
	if d.Tags[0].Args != "2020-01-01-x" || !d.Tags[0].InCode {
		t.Errorf("multi-line tag in fenced code: %+v", d.Tags[0])
	}
	if !d.Tags[1].InCode || d.Tags[1].Kind != LiquidOutput {
		t.Errorf("tag in code span: %+v", d.Tags[1])
	}
}

func TestHighlightBecomesCode(t *testing.T) {
	src := "Intro\n\n{% highlight ruby %}\n# not a heading\nputs 1  \n{% endhighlight %}\n\nAfter\n"
	d := parse(t, src, SyntaxLiquid)
	headings := 0
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindHeading {
			headings++
		}
		return ast.WalkContinue, nil
	})
	if headings != 0 {
		t.Errorf("highlight body parsed as Markdown: %d headings", headings)
	}
	if !d.InCode(strings.Index(src, "puts")) || d.InCode(strings.Index(src, "After")) {
		t.Error("InCode wrong for highlight body")
	}
}

func TestProseExcludesCodeAndURLs(t *testing.T) {
	src := "# Titre\n\nUn `code`, puis <https://example.com> et https://x.org aussi.\nSuite\n\n| a | b |\n|---|---|\n| cellule | ![alt image](x.png) |\n\n    indented code\n"
	d := parse(t, src, 0)
	var texts []string
	for _, b := range d.Prose() {
		text, offs := b.Text(d.Src)
		if len(offs) != len(text)+1 {
			t.Errorf("offsets length %d for text length %d", len(offs), len(text))
		}
		texts = append(texts, text)
	}
	got := strings.Join(texts, "|")
	want := "Titre|Un \uFFFC, puis \uFFFC et \uFFFC aussi.\nSuite|a|b|cellule|alt image"
	if got != want {
		t.Errorf("prose\n got %q\nwant %q", got, want)
	}
}

func TestFrontMatterFormats(t *testing.T) {
	tests := []struct {
		src    string
		format FrontMatterFormat
		title  string
		err    bool
		unterm bool
	}{
		{"---\ntitle: A\n---\nbody", FrontMatterYAML, "A", false, false},
		{"\uFEFF+++\ntitle = \"B\"\n+++\nbody", FrontMatterTOML, "B", false, false},
		{"{\n\"title\": \"C\"\n}\n\nbody", FrontMatterJSON, "C", false, false},
		{"---\ntitle: [oops\n---\nbody", FrontMatterYAML, "", true, false},
		{"---\ntitle: D\nbody without end", FrontMatterYAML, "", true, true},
		{"no front matter", FrontMatterNone, "", false, false},
	}
	for _, tt := range tests {
		d := parse(t, tt.src, 0)
		fm := d.FrontMatter
		if fm.Format != tt.format || (fm.Err != nil) != tt.err || fm.Unterminated != tt.unterm {
			t.Errorf("%q: format %q err %v unterminated %v", tt.src, fm.Format, fm.Err, fm.Unterminated)
			continue
		}
		if tt.title != "" && fm.Data["title"] != tt.title {
			t.Errorf("%q: title %v", tt.src, fm.Data["title"])
		}
		if tt.format != FrontMatterNone && !tt.err && !strings.HasPrefix(string(d.Src[d.BodyStart:]), "body") && !strings.HasPrefix(string(d.Src[d.BodyStart:]), "\nbody") {
			t.Errorf("%q: body starts at %q", tt.src, d.Src[d.BodyStart:])
		}
	}
	d := parse(t, "---\ntitle: ok\nbad: [\n---\n", 0)
	if pos := d.Lines.Position(d.FrontMatter.ErrOffset); pos.Line != 3 {
		t.Errorf("YAML error on line %d, want 3 (%v)", pos.Line, d.FrontMatter.Err)
	}
}

func TestDetectLanguage(t *testing.T) {
	if got := DetectLanguage("Cet article est le deuxième d'une série sur la conférence, et nous allons voir les nouveautés."); got != "fr" {
		t.Errorf("French detected as %q", got)
	}
	if got := DetectLanguage("This is the second part of a series about the conference and what we learned there."); got != "en" {
		t.Errorf("English detected as %q", got)
	}
	if got := DetectLanguage("Kubernetes"); got != "" {
		t.Errorf("one word detected as %q", got)
	}
}

func TestLinksInFootnotesAndReferences(t *testing.T) {
	src := "Text[^1] and [ref][r] and ![img](a%20b.png \"title\").\n\n[^1]: See [guide](https://example.com/#x).\n\n[r]: <other page.md>\n"
	d := parse(t, src, 0)
	links := d.Links()
	got := map[string]bool{}
	for _, l := range links {
		if !l.Located || src[l.DestSpan.Start:l.DestSpan.End] != l.Dest {
			t.Errorf("link %+v not located", l)
		}
		got[l.Dest] = l.Reference
	}
	if len(links) != 3 || got["https://example.com/#x"] || !got["other page.md"] {
		t.Errorf("links = %+v", links)
	}
	if _, ok := got["a%20b.png"]; !ok {
		t.Errorf("image destination missing: %+v", links)
	}
}

// kramdownIAL is the regular expression kramdownAttributeLists replaces.
var kramdownIAL = regexp.MustCompile(`\{:[^}\n]*\}`)

func kramdownIALReference(b []byte, from int) []Span {
	var spans []Span
	for _, m := range kramdownIAL.FindAllIndex(b[from:], -1) {
		spans = append(spans, Span{from + m[0], from + m[1]})
	}
	return spans
}

var kramdownEdgeCases = []string{
	"", "{:", "{:}", "{:.c}", "a {: .c} b {:toc}\n{::comment}", "{:{:x}", "{:\n}", "{:a\n{:b}",
	"{{:}}", "{:a}}{:b}", "x{:\xff\xfe}", "{:" + strings.Repeat("{:", 100) + "\n{:}", "}{:",
}

func TestKramdownAttributeListsMatchRegexp(t *testing.T) {
	for _, s := range kramdownEdgeCases {
		for from := 0; from <= len(s) && from < 3; from++ {
			got, want := kramdownAttributeLists([]byte(s), from), kramdownIALReference([]byte(s), from)
			if !slices.Equal(got, want) {
				t.Errorf("%q from %d: %v, want %v", s, from, got, want)
			}
		}
	}
}

func FuzzKramdownAttributeLists(f *testing.F) {
	for _, s := range kramdownEdgeCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := kramdownAttributeLists(b, 0), kramdownIALReference(b, 0); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	})
}
