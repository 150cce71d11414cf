package lint

import "testing"

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
