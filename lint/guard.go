package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxNesting is the deepest nesting of block quotes and lists postlint
// checks. Real posts stay under ten levels; goldmark's time grows with the
// cube of the depth, so a file nested thousands of levels deep would take
// minutes.
const MaxNesting = 100

// screen rejects the files postlint cannot check meaningfully, with a
// message that says where and why: binary files and pathological nesting.
// Text that is not UTF-8 is checked (positions count each invalid byte as
// one column) and reported by the encoding rule.
func screen(src []byte) error {
	idx := (*LineIndex)(nil)
	where := func(off int) string {
		if idx == nil {
			idx = NewLineIndex(src)
		}
		p := idx.Position(off)
		return fmt.Sprintf("line %d, column %d (byte offset %d)", p.Line, p.Column, off)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fmt.Errorf("binary file (NUL byte at %s): not checked", where(i))
	}
	if line, depth := deepestNesting(src); depth > MaxNesting {
		return fmt.Errorf("lists or block quotes nested up to %d levels deep on line %d: not checked (postlint checks up to %d levels)", depth, line, MaxNesting)
	}
	return nil
}

// deepestNesting returns an upper bound of the nesting depth of lists and
// block quotes and the line where it is reached: every ">" and list marker
// at the start of a line opens at most one level, and on a line that opens
// one, every two columns of indentation (besides the space that ends each
// marker) may stand for an enclosing list item. Lines that open nothing cannot deepen the
// nesting (indented code may be indented at will).
func deepestNesting(src []byte) (line, depth int) {
	n := 1
	for start := 0; start < len(src); n++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if mayNest[src[start]] {
			if d := lineNesting(src[start:end]); d > depth {
				line, depth = n, d
			}
		}
		start = end + 1
	}
	return line, depth
}

// deepestNestingAfter returns the depth of deepestNesting(b[from:]) (its
// first line starts at from) without looking for line ends: starts are the
// offsets where b's lines start (LineIndex.starts), as they start in the
// source that b masks.
func deepestNestingAfter(b []byte, starts []int, from int) (depth int) {
	k := sort.SearchInts(starts, from+1) // the line after the one holding from
	for start := from; ; k++ {
		end := len(b)
		if k < len(starts) {
			end = starts[k] - 1
		}
		if start < end && mayNest[b[start]] {
			depth = max(depth, lineNesting(b[start:end]))
		}
		if k >= len(starts) {
			return depth
		}
		start = starts[k]
	}
}

// mayNest holds the bytes a line that opens a list or block quote may
// start with: lineNesting gives 0 to any other line.
var mayNest = func() (t [256]bool) {
	for _, c := range []byte(" \t>-*+0123456789") {
		t[c] = true
	}
	return t
}()

func lineNesting(l []byte) int {
	markers, cols := 0, 0
	afterMarker := false
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4
			}
			if afterMarker { // the space that ends a marker
				w--
				afterMarker = false
			}
			cols += w
			i++
			continue
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 10 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				i = j + 1
				break
			}
			return nesting(markers, cols)
		default:
			return nesting(markers, cols)
		}
		markers++
		afterMarker = true
	}
	return nesting(markers, cols)
}

func nesting(markers, cols int) int {
	if markers == 0 {
		return 0
	}
	return markers + cols/2
}

// displayable makes a file name safe to print on a line of its own:
// control characters (a newline would start a line of its own, which CI
// systems read as commands such as GitHub's "::error") and invalid UTF-8
// are written as Go escapes.
func displayable(name string) string {
	clean := true
	for _, r := range name {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			clean = false
			break
		}
	}
	if clean {
		return name
	}
	q := strconv.Quote(name)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
}

// oneLine escapes the line breaks and other control characters of a
// message, which every output format prints on one line: a rule that quotes
// the document must not let it start a line of its own.
func oneLine(msg string) string {
	if !strings.ContainsFunc(msg, func(r rune) bool {
		return r < ' ' && r != '\t' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085'
	}) {
		return msg
	}
	var b strings.Builder
	for _, r := range msg {
		switch {
		case r == '\t':
			b.WriteRune(r)
		case r < ' ' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	errEscapingLink = errors.New("symbolic link that leads outside the site: not followed")
	errNotRegular   = errors.New("not a regular file (a pipe, socket or device): not checked")
	errBrokenLink   = errors.New("symbolic link that leads nowhere (its target is missing, or links loop): not checked")
)

// pathErr drops the path an *fs.PathError repeats: the FileError that
// wraps it names the file already, escaped for display.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readRegular reads a file, refusing what is not a regular file once
// symbolic links are followed: opening a named pipe would block forever,
// and a device may never end.
func readRegular(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, pathErr(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, pathErr(err)
	}
	return b, nil
}

// escapes reports whether abs is a symbolic link (or lies under one) that
// resolves outside the site's root.
func escapes(siteRoot, abs string) bool {
	if _, inside := (&Site{Root: siteRoot}).Rel(abs); !inside {
		return false // named by the user outside a --site-root: not a link's doing
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return false // reading it reports the problem
	}
	root, err := filepath.EvalSymlinks(siteRoot)
	if err != nil {
		root = siteRoot
	}
	r, err := filepath.Rel(root, target)
	return err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator))
}
