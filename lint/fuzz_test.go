package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds returns Markdown files to seed the fuzzers with: the fixture
// sites, a sample of the real corpora (when present) and small hostile
// inputs. Large files are left out: the fuzzer mutates small inputs best,
// and the seeds also run as plain tests.
func fuzzSeeds(tb testing.TB, roots []string, every, maxSize int) [][]byte {
	tb.Helper()
	seeds := [][]byte{
		nil,
		[]byte("\uFEFF---\ntitle: x\n---\nbody\n"),
		[]byte("---\r\ntitle: x\r\n---\r\nline  \r\nnext\nmixed\r\n"),
		[]byte("---\ntitle: [unterminated\n"),
		[]byte("+++\ntitle = \"x\"\n+++\n{{< ref \"a.md\" >}} {{% notice %}}x{{% /notice %}} {{</* ref */>}}\n"),
		[]byte("{\n\"title\": \"x\"\n}\nbody\n"),
		[]byte(strings.Repeat(">", 200) + " deep\n"),
		[]byte(strings.Repeat("- ", 200) + "deep\n"),
		[]byte(strings.Repeat("[", 500) + strings.Repeat("](", 100) + "\n"),
		[]byte(strings.Repeat("{% post_url ", 100) + "\n"),
		[]byte(strings.Repeat("{{ ", 100) + strings.Repeat("{{< ", 100) + "\n"),
		[]byte("{% raw %}{% post_url a %}{% comment %}{% endraw %}{% comment %}{% comment %}x{% endcomment %}\n"),
		[]byte("{% highlight go %}\nx := `{% y %}`\n{% endhighlight %}\n\n```\n{{ z }}\n```\n"),
		[]byte("a\x00b\xff\xfe\xc3(\n[x](/../../etc/passwd) ![i](../../../../etc/shadow \"t\")\n"),
		[]byte("[a]: <b c> \"t\"\n[d][a] [e]\n\n[^1]: note [f](g)\n\nx[^1]\n"),
		[]byte("<!-- postlint-disable x -->\n<!-- postlint-disable-next-line -->\ny <!-- postlint-enable --> {: .c}\n"),
		[]byte("| a | b |\n|---|---|\n| `c` | [d](e) |\n"),
		[]byte("\r\r\n\r"),
	}
	for _, root := range roots {
		if root == "" {
			continue
		}
		n := 0
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !IsMarkdown(p) {
				return nil
			}
			n++
			if n%every != 0 {
				return nil
			}
			b, err := os.ReadFile(p)
			if err == nil && len(b) <= maxSize {
				seeds = append(seeds, b)
			}
			return nil
		})
	}
	return seeds
}

// corporaDir finds the shared real blogs in a parent folder (as
// linttest.Corpora does, which this package's own tests cannot import), or
// returns "" when there are none.
func corporaDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		c := filepath.Join(dir, "shared", "corpora")
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// FuzzParseDocument checks the invariants of parsing on any input: masking
// keeps every offset, prose never includes tags or code, and every position
// lies inside the file and converts back to its offset.
func FuzzParseDocument(f *testing.F) {
	for _, s := range fuzzSeeds(f, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 64<<10) {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	md := NewMarkdown()
	f.Fuzz(func(t *testing.T, src []byte, mode uint8) {
		syntax := []Syntax{SyntaxLiquid, SyntaxShortcode, SyntaxLiquid | SyntaxShortcode, 0}[mode%4]
		kramdown := mode&4 != 0
		d := parseDocument(md, "x.md", "/x.md", src, syntax, kramdown, nil)
		if err := checkDocument(d); err != nil {
			t.Fatal(err)
		}
	})
}

func checkDocument(d *Document) error {
	src, n := d.Src, len(d.Src)
	if len(d.Masked) != n {
		return fmt.Errorf("len(Masked) = %d, len(Src) = %d", len(d.Masked), n)
	}
	for i := range n {
		if (src[i] == '\n') != (d.Masked[i] == '\n') {
			return fmt.Errorf("masking moved a line ending at offset %d", i)
		}
	}
	if d.BOM != 0 && d.BOM != 3 || d.BodyStart < d.BOM || d.BodyStart > n {
		return fmt.Errorf("BOM %d, BodyStart %d, len %d", d.BOM, d.BodyStart, n)
	}
	if fm := d.FrontMatter; fm.Has() {
		if fm.Span.Start > fm.Content.Start || fm.Content.Start > fm.Content.End || fm.Content.End > fm.Span.End || fm.Span.End > n {
			return fmt.Errorf("front matter spans %+v %+v out of order (len %d)", fm.Span, fm.Content, n)
		}
		if fm.Err != nil && (fm.ErrOffset < 0 || fm.ErrOffset > n) {
			return fmt.Errorf("front matter error offset %d out of the file", fm.ErrOffset)
		}
	}
	if err := checkTags(d.Tags, d.BodyStart, n); err != nil {
		return err
	}
	for _, b := range d.Prose() {
		prev := d.BodyStart
		for _, r := range b.Runs {
			if r.Start < prev || r.End < r.Start || r.End > n {
				return fmt.Errorf("prose run %+v out of order or out of the body (previous end %d, len %d)", r, prev, n)
			}
			for o := r.Start; o < r.End; o++ {
				if d.Hidden(o) {
					return fmt.Errorf("prose run %+v includes hidden offset %d", r, o)
				}
				if d.InCode(o) {
					return fmt.Errorf("prose run %+v includes code at offset %d", r, o)
				}
			}
			prev = r.End
		}
		text, offsets := b.Text(src)
		if len(offsets) != len(text)+1 {
			return fmt.Errorf("Text: %d offsets for %d bytes", len(offsets), len(text))
		}
		for i := 1; i < len(offsets); i++ {
			if offsets[i] < offsets[i-1] || offsets[i] > n {
				return fmt.Errorf("Text offsets not ordered or out of the file at %d", i)
			}
		}
	}
	for _, l := range d.Links() {
		if l.DestSpan.Start < 0 || l.DestSpan.Start > l.DestSpan.End || l.DestSpan.End > n {
			return fmt.Errorf("link destination span %+v out of the file (len %d)", l.DestSpan, n)
		}
		if l.Located && l.Dest != string(src[l.DestSpan.Start:l.DestSpan.End]) {
			return fmt.Errorf("located destination %q is not the source at %+v", l.Dest, l.DestSpan)
		}
	}
	for _, dir := range d.Directives() {
		if dir.Span.Start < 0 || dir.Span.End > n || dir.Span.Start > dir.Span.End || dir.Line < 1 {
			return fmt.Errorf("directive %+v out of the file", dir)
		}
		for _, s := range dir.RuleSpans {
			if s.Start < dir.Span.Start || s.End > dir.Span.End {
				return fmt.Errorf("directive rule span %+v outside %+v", s, dir.Span)
			}
		}
	}
	return checkPositions(d.Lines, src)
}

func checkTags(tags []Tag, from, n int) error {
	prev := from
	for i, tg := range tags {
		if tg.Start < prev || tg.End <= tg.Start || tg.End > n {
			return fmt.Errorf("tag %d %+v overlaps the previous one (end %d) or is out of the file (len %d)", i, tg, prev, n)
		}
		if tg.Live() && tg.Args != "" && (tg.ArgsStart < tg.Start || tg.ArgsStart+len(tg.Args) > tg.End) {
			return fmt.Errorf("tag %d args %q at %d outside the tag %d..%d", i, tg.Args, tg.ArgsStart, tg.Start, tg.End)
		}
		prev = tg.End
	}
	return nil
}

// checkPositions checks that Position and OffsetOf are inverses, that
// positions never decrease, and that they lie in the file. Long inputs are
// sampled to keep the check linear.
func checkPositions(idx *LineIndex, src []byte) error {
	step := 1
	if len(src) > 4096 {
		step = len(src) / 2048
	}
	var prev Position
	for off := 0; off <= len(src); off += step {
		p := idx.Position(off)
		if p.Line < 1 || p.Line > idx.Lines() || p.Column < 1 || p.Offset < 0 || p.Offset > len(src) || p.Offset > max(off, idx.bom) {
			return fmt.Errorf("Position(%d) = %+v out of the file (%d lines)", off, p, idx.Lines())
		}
		if p.Line < prev.Line || p.Line == prev.Line && p.Column < prev.Column {
			return fmt.Errorf("Position(%d) = %+v comes before the previous %+v", off, p, prev)
		}
		if back := idx.OffsetOf(p.Line, p.Column); back != p.Offset {
			return fmt.Errorf("OffsetOf(Position(%d) = %+v) = %d", off, p, back)
		}
		prev = p
	}
	if idx.Lines() != bytes.Count(src, []byte("\n"))+1 {
		return fmt.Errorf("Lines() = %d for %d newlines", idx.Lines(), bytes.Count(src, []byte("\n")))
	}
	return nil
}

// FuzzTokenizeTags checks that template tags come out in order, never
// overlap and stay inside the file, whatever the input.
func FuzzTokenizeTags(f *testing.F) {
	for _, s := range fuzzSeeds(f, []string{filepath.Join("..", "testdata")}, 1, 64<<10) {
		f.Add(s, uint8(3))
	}
	for _, s := range []string{"{%", "{{", "{{<", "{{%", "{{</*", "{{%/* */%}}", "{%-", "{% raw", "{% raw %}", "{% comment %}{% comment", "{%%}", "{{}}", "{{<>}}", "{{</>}}"} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, src []byte, mode uint8) {
		syntax := Syntax(mode%3 + 1)
		from := 0
		if len(src) > 0 {
			from = int(mode/3) % (len(src) + 1)
		}
		tags, comments := tokenizeTags(src, from, syntax)
		if err := checkTags(tags, from, len(src)); err != nil {
			t.Fatal(err)
		}
		for _, c := range comments {
			if c.Start < from || c.End < c.Start || c.End > len(src) {
				t.Fatalf("comment %+v out of the file (from %d, len %d)", c, from, len(src))
			}
		}
	})
}
