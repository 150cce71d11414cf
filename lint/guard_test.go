package lint

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

func TestScreen(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct {
		name, src, want string
	}{
		{"plain", "# Titre\n\nTexte.\n", ""},
		{"bom and crlf", "\uFEFF---\r\ntitle: x\r\n---\r\nok\r\n", ""},
		{"empty", "", ""},
		{"binary", "ab\ncd\x00ef", "binary file (NUL byte at line 2, column 3 (byte offset 5))"},
		{"latin-1 is checked", "ok\ncaf\xe9\n", ""},
		{"real nesting", nested(12) + strings.Repeat(">", 10) + " q\n1. 2. 3) x\n", ""},
		{"deep quotes", "x\n" + strings.Repeat(">", 101) + " deep\n", "nested up to 101 levels deep on line 2"},
		{"deep lists", nested(150), "nested up to 150 levels deep on line 150"},
		{"deep same-line lists", strings.Repeat("- ", 120) + "x\n", "nested up to 120 levels deep on line 1"},
		{"lists inside a deep quote", "> " + strings.ReplaceAll(nested(120), "\n", "\n> "), "nested up to 121 levels deep on line 120"},
		{"indented code is not nesting", strings.Repeat(" ", 400) + "code\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := screen([]byte(tt.src))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("screen: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("screen: %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDisplayableAndOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"_posts/a.md":                 "_posts/a.md",
		"_posts/été.md":               "_posts/été.md",
		"_posts/a\n::error::pwned.md": `_posts/a\n::error::pwned.md`,
		"a\r\x1b[31m.md":              `a\r\x1b[31m.md`,
		"bad\xffutf8.md":              `bad\xffutf8.md`,
		"quote\".md":                  `quote".md`,
		"line\u2028sep.md":            `line\u2028sep.md`,
	} {
		if got := displayable(in); got != want {
			t.Errorf("displayable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := oneLine("lien {% post_url a\n::warning::x %} cassé\tici"); got != `lien {% post_url a\n::warning::x %} cassé`+"\tici" {
		t.Errorf("oneLine = %q", got)
	}
}

// Rules parse other files of the site with ParseFile, which the runner's
// screen does not guard: a file nested thousands of levels deep must parse
// at once (to an empty body) there too.
func TestParseFileOfDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: deep\n---\n")
	for i := range 3000 {
		b.WriteString(strings.Repeat("  ", i) + "- [item](x)\n")
	}
	src := []byte(b.String())
	d := ParseFile(nil, "/deep.md", "deep.md", src, "", nil)
	if len(d.Masked) != len(src) || d.FrontMatter.Data["title"] != "deep" {
		t.Fatalf("masked %d bytes of %d, front matter %v", len(d.Masked), len(src), d.FrontMatter.Data)
	}
	if n := len(d.Links()); n != 0 {
		t.Errorf("%d links in a body too deep to parse", n)
	}
}

// TestDeepestNestingAfterMatchesScan compares deepestNesting and
// deepestNestingAfter with lineNesting of every line of the same bytes,
// on the fixtures, the real corpora and random pages of markers, from
// several offsets and on what parseDocument masks.
func TestDeepestNestingAfterMatchesScan(t *testing.T) {
	pages := fuzzSeeds(t, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 1<<20)
	pieces := []string{"> ", ">", "- ", "-", "* ", "+\t", "1. ", "12) ", "3.", "  ", "\t", " ", "x", "\n", "\r\n", "{% highlight x %}", "{%\nhighlight x %}", "{% endhighlight %}", "---\n", "{: .c}"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		pages = append(pages, []byte(b.String()))
	}
	// deepestNesting as it was: lineNesting of every line.
	scanNesting := func(src []byte) (line, depth int) {
		for n, l := range bytes.Split(src, []byte("\n")) {
			if d := lineNesting(l); d > depth {
				line, depth = n+1, d
			}
		}
		return line, depth
	}
	md := NewMarkdown()
	for _, src := range pages {
		starts := NewLineIndex(src).starts
		for _, from := range []int{0, min(len(src), 1), len(src) / 3, len(src)} {
			if _, want := scanNesting(src[from:]); deepestNestingAfter(src, starts, from) != want {
				t.Fatalf("%.100q from %d: %d, want %d", src, from, deepestNestingAfter(src, starts, from), want)
			}
		}
		line, depth := scanNesting(src)
		if gotLine, gotDepth := deepestNesting(src); gotLine != line || gotDepth != depth {
			t.Fatalf("%.100q: deepestNesting = %d, %d, want %d, %d", src, gotLine, gotDepth, line, depth)
		}
		d := parseDocument(md, "x.md", "/x.md", src, SyntaxLiquid, true, nil)
		if _, want := scanNesting(d.Masked[d.BodyStart:]); deepestNestingAfter(d.Masked, starts, d.BodyStart) != want {
			t.Fatalf("%.100q masked: %d, want %d", src, deepestNestingAfter(d.Masked, starts, d.BodyStart), want)
		}
	}
}

// BenchmarkDeepestNesting is the nesting guard over every file of the
// real corpora: deepestNesting as the runner's screen runs it on a source,
// and deepestNestingAfter as parseDocument runs it on the masked body.
func BenchmarkDeepestNesting(b *testing.B) {
	srcs := fuzzSeeds(b, []string{corporaDir()}, 1, 1<<20)
	starts := make([][]int, len(srcs))
	size := 0
	for i, src := range srcs {
		starts[i] = NewLineIndex(src).starts
		size += len(src)
	}
	b.Run("Scan", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, src := range srcs {
				deepestNesting(src)
			}
		}
	})
	b.Run("AfterLineIndex", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for i, src := range srcs {
				deepestNestingAfter(src, starts[i], 0)
			}
		}
	})
}
