package lint

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// dumpTree writes every node of a goldmark tree with what the linter reads
// of it: kind, nesting, lines, Text segments and flags.
func dumpTree(root ast.Node, src []byte) string {
	var b strings.Builder
	depth := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%*s%s", depth*2, "", n.Kind())
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " [%d,%d+%d]", s.Start, s.Stop, s.Padding)
			}
		}
		switch v := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %d:%d+%d soft=%v hard=%v raw=%v", v.Segment.Start, v.Segment.Stop, v.Segment.Padding,
				v.SoftLineBreak(), v.HardLineBreak(), v.IsRaw())
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %q", v.Label(src))
		case *ast.Link:
			fmt.Fprintf(&b, " %q", v.Destination)
		}
		b.WriteByte('\n')
		depth++
		return ast.WalkContinue, nil
	})
	return b.String()
}

// checkFastParse fails when the fast parse of src differs from goldmark's
// parse with linkify, and reports whether the fast path was taken.
func checkFastParse(t *testing.T, m *markdown, name string, src []byte, fallbacks map[string]int) bool {
	t.Helper()
	want := dumpTree(m.full.Parser().Parse(text.NewReader(src)), src)
	fast := m.noLinks.Parser().Parse(text.NewReader(src))
	if why := cutLineEnds(fast, src); why != "" {
		fallbacks[why]++
		return false
	}
	if got := dumpTree(fast, src); got != want {
		t.Errorf("%s: the fast parse differs from goldmark's:\n%s", name, firstDiff(want, got))
	}
	return true
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d\nwant:\n%s\ngot:\n%s", i, strings.Join(w[lo:min(len(w), i+3)], "\n"), strings.Join(g[lo:min(len(g), i+3)], "\n"))
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(w), len(g))
}

func TestFastParseMatchesGoldmarkOnCorpora(t *testing.T) {
	root := corporaDir()
	if root == "" {
		t.Skip("no shared/corpora folder above the repository")
	}
	m := newMarkdown()
	fallbacks := map[string]int{}
	files, fast := 0, 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsMarkdown(p) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		if checkFastParse(t, m, p, src, fallbacks) {
			fast++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d files parsed without linkify; parsed again: %v", fast, files, fallbacks)
}

// fastParseCases are small documents at the edges of goldmark's inline
// parsing: line ends, escapes, delimiters, labels, containers.
var fastParseCases = []string{
	"foo bar baz\n",
	"foo bar \nnext line\n",
	"foo \t\nbar\n",
	"foo    \nbar\n",
	"foo bar\\\nbaz qux\n",
	"foo bar\\\\\nbaz\n",
	"foo bar  \r\nbaz\n",
	"a (b) c\n",
	"a \\(b c\n",
	"*em* and more words\n",
	"foo_bar baz qux\n",
	"a * b c\n",
	"[foo] bar baz\n",
	"[foo bar\n",
	"foo ``` bar baz\n",
	"x ~~~ y z\n",
	"x ~ y z\n",
	"see <b>bold</b> text here\n",
	"- item one two\n- item three four\n",
	"> quoted text here\n> and more\n",
	"| a b | c d |\n|---|---|\n| e f | g h |\n",
	"# Title words here\n",
	"# Title {#id}\n",
	"para one\n\npara two words\n",
	"footnote[^1] text\n\n[^1]: note text here\n",
	"![alt text](img.png) after image\n",
	"[link text](http://x.com) after\n",
	"mail me at a@b.com\n",
	"visit www.example.com now\n",
	"visit http://example.com now\n",
	"\tindented tab\n",
	"- a\n\n\tb c\n",
	"foo!bar baz\n",
	"foo]bar baz\n",
	"foo\\*bar baz\n",
	"a `code span` b c\n",
	"a\u00a0b c\n",
	"trailing space at end \n",
	"Object[] elementData\n",
	"a Object[] elementData\nnext\n",
	"See the [GitHub Release][] page for more\n",
}

func TestFastParseMatchesGoldmarkOnCases(t *testing.T) {
	m := newMarkdown()
	for _, c := range fastParseCases {
		checkFastParse(t, m, fmt.Sprintf("%q", c), []byte(c), map[string]int{})
	}
}

// TestFastParseMatchesGoldmarkOnRandomText builds documents from pieces
// that play with goldmark's inline parsers, and holds the fast parse to
// goldmark's on each.
func TestFastParseMatchesGoldmarkOnRandomText(t *testing.T) {
	pieces := []string{
		"word", " ", "  ", "\t", "(", ")", "\\", "*", "_", "~", "~~", "`", "``", "[", "]", "![", "!", "<", ">",
		"<b>", "</b>", "[x](y)", "[^1]", "\n", "\n\n", "  \n", "\\\n", "\r\n", "- ", "> ", "# ", "| ", " |",
		"é", "\u00a0", "\\]", "\\*", "\\~", "\\[", "~~~", "\\\\", "{#id}", ":", ".", "@", "x@y.z", "`x@y`", "a`b@c.d`", "http", "www.", "://", "http://a.b", "ftp", "s", "1. ", "    ",
	}
	// Without links and addresses, most documents take the fast path.
	plain := slices.DeleteFunc(slices.Clone(pieces), func(p string) bool {
		return strings.Contains(p, "@") || strings.Contains(p, "http") || strings.Contains(p, "www")
	})
	m := newMarkdown()
	rng := rand.New(rand.NewPCG(1, uint64(randomSeed())))
	fallbacks := map[string]int{}
	fast := 0
	for i := range randomDocs() {
		from := pieces
		if i%2 == 0 {
			from = plain
		}
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(from[rng.IntN(len(from))])
		}
		src := []byte(b.String())
		if checkFastParse(t, m, fmt.Sprintf("case %d %q", i, src), src, fallbacks) {
			fast++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of %d random documents parsed without linkify; parsed again: %v", fast, randomDocs(), fallbacks)
}

func randomDocs() int {
	if n, err := strconv.Atoi(os.Getenv("FASTPARSE_DOCS")); err == nil {
		return n
	}
	return 10000
}

func benchmarkCorpusParse(b *testing.B, parse func(m *markdown, src []byte)) {
	root := corporaDir()
	if root == "" {
		b.Skip("no shared/corpora folder above the repository")
	}
	var docs [][]byte
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && IsMarkdown(p) {
			src, _ := os.ReadFile(p)
			docs = append(docs, src)
		}
		return nil
	})
	m := newMarkdown()
	b.ResetTimer()
	for range b.N {
		for _, src := range docs {
			parse(m, src)
		}
	}
}

// BenchmarkCorpusParseFast and BenchmarkCorpusParseGoldmark compare the
// fast parse with goldmark's own over the real blogs.
func BenchmarkCorpusParseFast(b *testing.B) {
	benchmarkCorpusParse(b, func(m *markdown, src []byte) { m.Parse(src) })
}

func BenchmarkCorpusParseGoldmark(b *testing.B) {
	benchmarkCorpusParse(b, func(m *markdown, src []byte) { m.full.Parser().Parse(text.NewReader(src)) })
}

func BenchmarkCorpusParseNoLinkify(b *testing.B) {
	benchmarkCorpusParse(b, func(m *markdown, src []byte) { m.noLinks.Parser().Parse(text.NewReader(src)) })
}

func randomSeed() int {
	if n, err := strconv.Atoi(os.Getenv("FASTPARSE_SEED")); err == nil {
		return n
	}
	return 2
}

// FuzzFastParse holds the fast parse to goldmark's own on any input.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastParseCases {
		f.Add(c)
	}
	m := newMarkdown()
	f.Fuzz(func(t *testing.T, doc string) {
		checkFastParse(t, m, fmt.Sprintf("%q", doc), []byte(doc), map[string]int{})
	})
}
