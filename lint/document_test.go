package lint

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func parse(t *testing.T, src string, syntax Syntax) *Document {
	t.Helper()
	return parseDocument(NewMarkdown(), "x.md", "/x.md", []byte(src), syntax, false, nil)
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

// TestQuickLinkifyMatchesGFM parses every file of the fixtures and the
// real corpora, and random pages full of near-links, with NewMarkdown and
// with goldmark's own extension.GFM: the trees (kinds, lines, text
// segments, autolinks) and the HTML must be the same.
func TestQuickLinkifyMatchesGFM(t *testing.T) {
	quick, gfm := NewMarkdown(), stockGFM()
	pages := fuzzSeeds(t, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 1<<20)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 4000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(linkifyPieces[rng.IntN(len(linkifyPieces))])
		}
		pages = append(pages, []byte(b.String()))
	}
	autolinks := 0
	for _, src := range pages {
		if diff := parseDiff(quick, gfm, src, &autolinks); diff != "" {
			t.Fatalf("%.200q: %s", src, diff)
		}
	}
	if autolinks < 1000 {
		t.Errorf("only %d autolinks", autolinks)
	}
}

// FuzzQuickLinkify holds NewMarkdown's parse, with its filter in front of
// Linkify, to goldmark's stock GFM parse.
func FuzzQuickLinkify(f *testing.F) {
	for _, s := range fuzzSeeds(f, []string{filepath.Join("..", "testdata"), corporaDir()}, 8, 16<<10) {
		f.Add(s)
	}
	for _, p := range linkifyPieces {
		f.Add([]byte("a " + p + " b"))
	}
	quick, gfm := NewMarkdown(), stockGFM()
	f.Fuzz(func(t *testing.T, src []byte) {
		var autolinks int
		if diff := parseDiff(quick, gfm, src, &autolinks); diff != "" {
			t.Fatal(diff)
		}
	})
}

// stockGFM is NewMarkdown's set-up with goldmark's own GFM extension.
func stockGFM() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithHeadingAttribute()),
	)
}

// parseDiff describes the first difference between the trees, or the
// HTML, that quick and gfm make of src; "" when there is none.
func parseDiff(quick, gfm goldmark.Markdown, src []byte, autolinks *int) string {
	a, b := quick.Parser().Parse(text.NewReader(src)), gfm.Parser().Parse(text.NewReader(src))
	if diff := treeDiff(src, a, b, autolinks); diff != "" {
		return diff
	}
	var ha, hb bytes.Buffer
	if err := quick.Renderer().Render(&ha, src, a); err != nil {
		return err.Error()
	}
	if err := gfm.Renderer().Render(&hb, src, b); err != nil {
		return err.Error()
	}
	if ha.String() != hb.String() {
		return fmt.Sprintf("HTML %q, want %q", ha.String(), hb.String())
	}
	return ""
}

// linkifyPieces make pages near links of every kind Linkify knows.
var linkifyPieces = []string{"http://a.b", "https://c.d/e?f=g&amp;h", "ftp://i.j", "www.k.l/m", "www.n", "http:/", "https:o.p", "q@r.s", "t.u@v.w.x", "@y.z",
	"a-b@c.d-", "e_f@g.h.", "mailto:i@j.k", "(www.l.m)", "*http://n.o*", "_www.p.q_", "~r@s.t~", "<http://u.v>", "[w](http://x.y)", "`www.z.a`",
	" ", "  ", "\n", "\n\n", "*", "_", "~", "(", ")", ".", ",", "!", "?", "&amp;", "é", "hé@là.fr", "www.été.fr", "h", "f", "w", "ww", "# ", "- ", "> ", "| a | b |\n|---|---|\n| c | d |\n",
	strings.Repeat("l", 63) + "@m.n", strings.Repeat("o", 64) + "@p.q", strings.Repeat("r", 65) + "@s.t"}

// treeDiff describes the first difference between two goldmark trees of
// src, "" when there is none; it counts the autolinks.
func treeDiff(src []byte, a, b ast.Node, autolinks *int) string {
	if a.Kind() != b.Kind() || a.Type() != b.Type() || a.ChildCount() != b.ChildCount() {
		return fmt.Sprintf("%v (%d children), want %v (%d children)", a.Kind(), a.ChildCount(), b.Kind(), b.ChildCount())
	}
	if a.Type() == ast.TypeBlock && !reflect.DeepEqual(a.Lines(), b.Lines()) {
		return fmt.Sprintf("%v lines %v, want %v", a.Kind(), a.Lines(), b.Lines())
	}
	switch v := a.(type) {
	case *ast.Text:
		w := b.(*ast.Text)
		if v.Segment != w.Segment || v.SoftLineBreak() != w.SoftLineBreak() || v.HardLineBreak() != w.HardLineBreak() || v.IsRaw() != w.IsRaw() {
			return fmt.Sprintf("text %+v, want %+v", v.Segment, w.Segment)
		}
	case *ast.AutoLink:
		w := b.(*ast.AutoLink)
		*autolinks++
		if v.AutoLinkType != w.AutoLinkType || !bytes.Equal(v.URL(src), w.URL(src)) || !bytes.Equal(v.Label(src), w.Label(src)) || !bytes.Equal(v.Protocol, w.Protocol) {
			return fmt.Sprintf("autolink %q, want %q", v.URL(src), w.URL(src))
		}
	}
	for ca, cb := a.FirstChild(), b.FirstChild(); ca != nil; ca, cb = ca.NextSibling(), cb.NextSibling() {
		if d := treeDiff(src, ca, cb, autolinks); d != "" {
			return d
		}
	}
	return ""
}

// TestMayLinkifyEmailLocalPart checks emailLocal against
// util.FindEmailIndex byte by byte: mayLinkify must let through every
// address goldmark's Linkify may find.
func TestMayLinkifyEmailLocalPart(t *testing.T) {
	for c := range 256 {
		line := []byte{byte(c), 'a', '@', 'b', '.', 'c'}
		if want := util.FindEmailIndex(line) >= 0; want != emailLocal[c] || want && !startsEmail(append([]byte{'x'}, line...)) {
			t.Errorf("byte %q: FindEmailIndex finds an address: %v, emailLocal %v", byte(c), want, emailLocal[c])
		}
	}
}

// BenchmarkMarkdownParse is goldmark's parse of every file of the real
// corpora, with NewMarkdown and with goldmark's own extension.GFM.
func BenchmarkMarkdownParse(b *testing.B) {
	srcs := fuzzSeeds(b, []string{corporaDir()}, 1, 1<<20)
	size := 0
	for _, src := range srcs {
		size += len(src)
	}
	for _, md := range []struct {
		name string
		md   goldmark.Markdown
	}{
		{"NewMarkdown", NewMarkdown()},
		{"GFM", goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.Footnote),
			goldmark.WithParserOptions(parser.WithAttribute(), parser.WithHeadingAttribute()),
		)},
	} {
		b.Run(md.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, src := range srcs {
					md.md.Parser().Parse(text.NewReader(src))
				}
			}
		})
	}
}

// TestShortWordWithoutAt compares the eight-byte test with a byte by byte
// reading, on random words of bytes around the ones that matter.
func TestShortWordWithoutAt(t *testing.T) {
	alphabet := []byte{0, ' ', '\t', '\n', '!', '"', '?', '@', 'A', 'a', 'z', 0x7f, 0x80, 0xc3, 0xff}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200000 {
		w := make([]byte, rng.IntN(12))
		for i := range w {
			w[i] = alphabet[rng.IntN(len(alphabet))]
		}
		want := len(w) >= 8 && bytes.IndexByte(w[:8], '@') < 0 && bytes.ContainsFunc(w[:8], func(r rune) bool { return r < '!' })
		if got := shortWordWithoutAt(w); got != want {
			t.Fatalf("shortWordWithoutAt(%q) = %v, want %v", w, got, want)
		}
		if got := shortWordWithoutAt(w); got && startsEmail(w) {
			t.Fatalf("%q: startsEmail, yet shortWordWithoutAt", w)
		}
	}
}

// TestHighlightTagBrokenAfterBraceKeepsLineEndings: a highlight tag may
// break its line right after "{%"; the fence that stands for it must not
// overwrite that line ending (FuzzParseDocument's check).
func TestHighlightTagBrokenAfterBraceKeepsLineEndings(t *testing.T) {
	for _, src := range []string{
		"{%\nhighlight go %}\ncode\n{% endhighlight %}\n",
		"{% highlight go %}\ncode\n{%\nendhighlight %}\n",
		"{%\r\nhighlight go %}\r\ncode\r\n{%\r\nendhighlight %}\r\n",
		"{% highlight go %}\ncode\n{% endhighlight %}\n",
	} {
		d := parseDocument(NewMarkdown(), "x.md", "/x.md", []byte(src), SyntaxLiquid, false, nil)
		if err := checkDocument(d); err != nil {
			t.Errorf("%q: %v", src, err)
		}
		for i := range len(src) {
			if (src[i] == '\r') != (d.Masked[i] == '\r') {
				t.Errorf("%q: masking moved a carriage return at offset %d", src, i)
			}
		}
	}
}
