package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position is a place in a source file. Offset is a byte offset into the
// file as read from disk; Line and Column are 1-based and Column counts
// Unicode code points, so that every output format agrees with what an
// editor shows.
type Position struct {
	Offset int `json:"offset"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// LineIndex converts byte offsets to line and column positions.
type LineIndex struct {
	src    []byte
	starts []int // byte offset of the first byte of each line
	bom    int   // length of a leading UTF-8 byte order mark, not counted as a column
	// cps are checkpoints on long lines: the column of a character every
	// checkpointStride bytes or so, so that converting an offset costs at
	// most that many bytes of counting instead of the whole line (a
	// one-line 30 MB file with many findings would otherwise be quadratic).
	cps []checkpoint
}

type checkpoint struct{ off, col int }

const checkpointStride = 1024

// NewLineIndex indexes src. A line ends at "\n"; a "\r" before it belongs to
// the line ending, not to the text. A lone "\r" (old Mac) is not a line end:
// CommonMark treats it as one, but no blog engine in use writes such files.
func NewLineIndex(src []byte) *LineIndex {
	idx := &LineIndex{src: src, starts: make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		idx.starts = append(idx.starts, i)
	}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		idx.bom = 3
	}
	for n := 1; n <= len(idx.starts); n++ {
		// A line's text is no longer than the bytes up to the next line.
		rawEnd := len(src)
		if n < len(idx.starts) {
			rawEnd = idx.starts[n]
		}
		if rawEnd-idx.starts[n-1] <= 2*checkpointStride {
			continue
		}
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

// lineCheckpoints returns the checkpoints between start and end.
func (idx *LineIndex) lineCheckpoints(start, end int) []checkpoint {
	if len(idx.cps) == 0 {
		return nil
	}
	lo := sort.Search(len(idx.cps), func(i int) bool { return idx.cps[i].off >= start })
	hi := sort.Search(len(idx.cps), func(i int) bool { return idx.cps[i].off > end })
	return idx.cps[lo:hi]
}

// Lines returns the number of lines (a final line without "\n" counts; an
// empty file has one empty line).
func (idx *LineIndex) Lines() int { return len(idx.starts) }

// LineOf returns the 1-based line of byte offset off: Position(off).Line,
// without counting columns.
func (idx *LineIndex) LineOf(off int) int {
	off = min(max(off, 0), len(idx.src))
	return sort.Search(len(idx.starts), func(i int) bool { return idx.starts[i] > off })
}

// LineStart returns the byte offset of the start of 1-based line n.
func (idx *LineIndex) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(idx.starts) {
		return len(idx.src)
	}
	if n == 1 {
		return idx.bom
	}
	return idx.starts[n-1]
}

// LineEnd returns the offset of the end of line n's text, before "\r\n" or "\n".
func (idx *LineIndex) LineEnd(n int) int {
	if n < 1 {
		return 0
	}
	if n >= len(idx.starts) {
		return len(idx.src)
	}
	end := idx.starts[n] - 1
	if end > 0 && idx.src[end-1] == '\r' && end-1 >= idx.LineStart(n) {
		end--
	}
	return end
}

// Line returns the text of 1-based line n without its line ending.
func (idx *LineIndex) Line(n int) []byte {
	return idx.src[idx.LineStart(n):idx.LineEnd(n)]
}

// Position returns the position of byte offset off. Offsets past the end are
// clamped; an offset inside a multi-byte character maps to that character.
func (idx *LineIndex) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(idx.src) {
		off = len(idx.src)
	}
	line := sort.Search(len(idx.starts), func(i int) bool { return idx.starts[i] > off })
	start := idx.LineStart(line)
	if off < start { // inside the BOM
		off = start
	}
	// The "\n" of a "\r\n" is not a column of its own: editors put the end
	// of the line just before the "\r".
	end := idx.LineEnd(line)
	if off > end {
		off = end
	}
	// Count code points as OffsetOf does (an invalid byte is one), and map an
	// offset inside a character to that character's start.
	col, i := 1, start
	if cps := idx.lineCheckpoints(start, off); len(cps) > 0 {
		col, i = cps[len(cps)-1].col, cps[len(cps)-1].off
	}
	for ; i < off; col++ {
		if idx.src[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(idx.src[i:end])
		if i+size > off {
			off = i
			break
		}
		i += size
	}
	return Position{Offset: off, Line: line, Column: col}
}

// OffsetOf returns the byte offset of a 1-based line and code point column,
// the inverse of Position. Columns past the end of the line clamp to its end.
func (idx *LineIndex) OffsetOf(line, col int) int {
	off := idx.LineStart(line)
	end := idx.LineEnd(line)
	c := 1
	if cps := idx.lineCheckpoints(off, end); len(cps) > 0 {
		if k := sort.Search(len(cps), func(i int) bool { return cps[i].col > col }); k > 0 {
			c, off = cps[k-1].col, cps[k-1].off
		}
	}
	for ; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(idx.src[off:end])
		off += size
	}
	return off
}
