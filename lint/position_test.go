package lint

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPositions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		find string // the text whose first byte is located
		line int
		col  int
	}{
		{"lf", "ab\ncd\nef", "e", 3, 1},
		{"crlf", "ab\r\ncd\r\nxef", "e", 3, 2},
		{"bom on first line", "\uFEFFabc\ndef", "c", 1, 3},
		{"bom then second line", "\uFEFFabc\ndef", "f", 2, 3},
		{"tab counts as one column", "\tx", "x", 1, 2},
		{"multi-byte", "é€😀x", "x", 1, 4},
		{"accents after CRLF", "a\r\nça va", "v", 2, 4},
		{"end of file", "abc", "", 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			off := len(src)
			if tt.find != "" {
				off = indexOf(src, tt.find)
			}
			idx := NewLineIndex(src)
			pos := idx.Position(off)
			if pos.Line != tt.line || pos.Column != tt.col {
				t.Errorf("Position(%d) = %d:%d, want %d:%d", off, pos.Line, pos.Column, tt.line, tt.col)
			}
			if back := idx.OffsetOf(pos.Line, pos.Column); back != off {
				t.Errorf("OffsetOf(%d, %d) = %d, want %d", pos.Line, pos.Column, back, off)
			}
		})
	}
}

func TestLineText(t *testing.T) {
	idx := NewLineIndex([]byte("\uFEFFone\r\ntwo\nthree"))
	for n, want := range []string{"one", "two", "three"} {
		if got := string(idx.Line(n + 1)); got != want {
			t.Errorf("Line(%d) = %q, want %q", n+1, got, want)
		}
	}
	if idx.Lines() != 3 {
		t.Errorf("Lines() = %d, want 3", idx.Lines())
	}
}

func indexOf(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

// Offsets that are not the start of a character map to one that is, and the
// position always converts back to it (found by FuzzParseDocument).
func TestPositionOfInnerOffsets(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		off       int
		line, col int
		back      int
	}{
		{"inside a two-byte character", "aé", 2, 1, 2, 1},
		{"after it", "aéb", 3, 1, 3, 3},
		{"the LF of a CRLF is the end of the line", "ab\r\ncd", 3, 1, 3, 2},
		{"the CR itself", "ab\r\ncd", 2, 1, 3, 2},
		{"a lone CR is text", "\r\r\n", 2, 1, 2, 1},
		{"stray continuation bytes are one column each", "\x80\x80x", 2, 1, 3, 2},
		{"truncated character", "a\xc3", 2, 1, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := NewLineIndex([]byte(tt.src))
			p := idx.Position(tt.off)
			if p.Line != tt.line || p.Column != tt.col || p.Offset != tt.back {
				t.Errorf("Position(%d) = %+v, want %d:%d at offset %d", tt.off, p, tt.line, tt.col, tt.back)
			}
			if got := idx.OffsetOf(p.Line, p.Column); got != p.Offset {
				t.Errorf("OffsetOf(%d, %d) = %d, want %d", p.Line, p.Column, got, p.Offset)
			}
		})
	}
}

// Checkpoints on long lines give the same positions as counting from the
// start of the line.
func TestPositionsOnLongLines(t *testing.T) {
	var b []byte
	b = append(b, "\uFEFFshort\r\n"...)
	for i := 0; len(b) < 20000; i++ {
		b = append(b, "aé€😀\xff\x80 "[:1+i%13]...)
	}
	b = append(b, "\r\nend\n"...)
	for i := 0; i < 5000; i++ {
		b = append(b, 'x')
	}
	idx := NewLineIndex(b)
	if len(idx.cps) == 0 {
		t.Fatal("no checkpoints on long lines")
	}
	plain := *idx
	plain.cps = nil
	for off := 0; off <= len(b); off++ {
		got, want := idx.Position(off), plain.Position(off)
		if got != want {
			t.Fatalf("Position(%d) = %+v with checkpoints, %+v without", off, got, want)
		}
		if back, want := idx.OffsetOf(got.Line, got.Column), plain.OffsetOf(got.Line, got.Column); back != want || back != got.Offset {
			t.Fatalf("OffsetOf(%d, %d) = %d with checkpoints, %d without, want %d", got.Line, got.Column, back, want, got.Offset)
		}
	}
	if got := idx.OffsetOf(2, 1<<30); got != idx.LineEnd(2) {
		t.Errorf("OffsetOf past the end of a long line = %d, want %d", got, idx.LineEnd(2))
	}
}

// lineIndexByScan is how NewLineIndex indexed before it searched for line
// breaks: every byte looked at, every line measured.
func lineIndexByScan(src []byte) *LineIndex {
	idx := &LineIndex{src: src, starts: make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))}
	for i, b := range src {
		if b == '\n' {
			idx.starts = append(idx.starts, i+1)
		}
	}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		idx.bom = 3
	}
	for n := 1; n <= len(idx.starts); n++ {
		start, end := idx.LineStart(n), idx.LineEnd(n)
		if end-start <= 2*checkpointStride {
			continue
		}
		next := start + checkpointStride
		col := 1
		for i := start; i < end; col++ {
			if i >= next {
				idx.cps = append(idx.cps, checkpoint{i, col})
				next = i + checkpointStride
			}
			if src[i] < utf8.RuneSelf {
				i++
				continue
			}
			_, size := utf8.DecodeRune(src[i:end])
			i += size
		}
	}
	return idx
}

func TestNewLineIndexMatchesScan(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n/2) + strings.Repeat("a", n%2) }
	for _, src := range []string{
		"", "\n", "a", "a\n", "a\nb", "\r\n\r\n", "\uFEFF", "\uFEFFa\nb\n",
		long(2 * checkpointStride), long(2*checkpointStride) + "\r\n", long(2*checkpointStride+1) + "\n",
		long(2*checkpointStride+2) + "\r\nx\n" + long(3*checkpointStride),
		"\uFEFF" + long(2*checkpointStride-2) + "\n", "\uFEFF" + long(2*checkpointStride+1),
		"x\n" + long(5*checkpointStride+3) + "\r\n" + long(2*checkpointStride-1) + "\n\n",
	} {
		got, want := NewLineIndex([]byte(src)), lineIndexByScan([]byte(src))
		if !slices.Equal(got.starts, want.starts) || got.bom != want.bom || !slices.Equal(got.cps, want.cps) {
			t.Errorf("%d bytes: index %v %d %v, want %v %d %v", len(src), got.starts, got.bom, got.cps, want.starts, want.bom, want.cps)
		}
	}
}

// BenchmarkNewLineIndex indexes a typical post of a few kilobytes.
func BenchmarkNewLineIndex(b *testing.B) {
	src := []byte(strings.Repeat("A line of prose in a post, as long as most are.\n\n", 80))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		NewLineIndex(src)
	}
}

// BenchmarkLineIndexByScan is the former way, for comparison.
func BenchmarkLineIndexByScan(b *testing.B) {
	src := []byte(strings.Repeat("A line of prose in a post, as long as most are.\n\n", 80))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		lineIndexByScan(src)
	}
}

func TestLineOfIsPositionLine(t *testing.T) {
	for _, src := range []string{"", "\uFEFFa\r\nb\n\nc", "x\n" + strings.Repeat("é", 3000) + "\ny"} {
		idx := NewLineIndex([]byte(src))
		for off := -2; off <= len(src)+2; off++ {
			if got, want := idx.LineOf(off), idx.Position(off).Line; got != want {
				t.Errorf("%q: LineOf(%d) = %d, want %d", src, off, got, want)
			}
		}
	}
}
