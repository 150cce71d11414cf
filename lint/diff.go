package lint

import (
	"bytes"
	"fmt"
)

// diffContext is the number of unchanged lines shown around a change, as
// diff -u does.
const diffContext = 3

// maxDiffCells bounds the work of the line matcher; beyond it the changed
// middle of the file is shown as one replacement, still a correct patch.
const maxDiffCells = 1 << 24

// UnifiedDiff returns a unified diff from a to b with path on both the ---
// and +++ lines, as `patch -p0` and `git apply -p0` read it, or nil when a
// and b are equal. Lines keep their own endings, so a CRLF file gives a CRLF
// patch body; a last line without a newline is marked the standard way.
func UnifiedDiff(path string, a, b []byte) []byte {
	if bytes.Equal(a, b) {
		return nil
	}
	al, bl := splitLines(a), splitLines(b)
	ops := diffLines(al, bl)
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", path, path)
	for _, h := range hunks(ops) {
		writeHunk(&out, h, al, bl)
	}
	return out.Bytes()
}

// splitLines cuts s after each "\n"; the last line may lack one.
func splitLines(s []byte) [][]byte {
	var lines [][]byte
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// diffOp is one line of the edit script: kind ' ' (same), '-' or '+', with
// the line's index in a (for ' ' and '-') or b (for '+'); ' ' also keeps the
// index in b.
type diffOp struct {
	kind byte
	a, b int
}

// diffLines computes an edit script from a to b: common prefix and suffix,
// then a longest common subsequence of the rest.
func diffLines(a, b [][]byte) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	var ops []diffOp
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n*m > maxDiffCells {
		for i := range ma {
			ops = append(ops, diffOp{'-', pre + i, 0})
		}
		for j := range mb {
			ops = append(ops, diffOp{'+', 0, pre + j})
		}
	} else {
		// lcs[i*(m+1)+j] is the LCS length of ma[i:] and mb[j:].
		lcs := make([]int32, (n+1)*(m+1))
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if bytes.Equal(ma[i], mb[j]) {
					lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
				} else {
					lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && bytes.Equal(ma[i], mb[j]):
				ops = append(ops, diffOp{' ', pre + i, pre + j})
				i++
				j++
			case j >= m || (i < n && lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]):
				ops = append(ops, diffOp{'-', pre + i, 0})
				i++
			default:
				ops = append(ops, diffOp{'+', 0, pre + j})
				j++
			}
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, diffOp{' ', len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}

// hunks groups an edit script into runs of changes with their context;
// changes closer than twice the context share a hunk.
func hunks(ops []diffOp) [][]diffOp {
	var out [][]diffOp
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(0, i-diffContext)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			k := end
			for k < len(ops) && ops[k].kind == ' ' {
				k++
			}
			if k == len(ops) || k-end > 2*diffContext {
				end = min(end+diffContext, k)
				break
			}
			end = k
		}
		out = append(out, ops[start:end])
		i = end
	}
	return out
}

func writeHunk(out *bytes.Buffer, h []diffOp, a, b [][]byte) {
	aStart, bStart, aLen, bLen := -1, -1, 0, 0
	for _, op := range h {
		switch op.kind {
		case ' ':
			if aStart < 0 {
				aStart = op.a
			}
			if bStart < 0 {
				bStart = op.b
			}
			aLen++
			bLen++
		case '-':
			if aStart < 0 {
				aStart = op.a
			}
			aLen++
		case '+':
			if bStart < 0 {
				bStart = op.b
			}
			bLen++
		}
	}
	// With context around every change, a side has no line in a hunk only
	// when that side is an empty file.
	aStart, bStart = max(aStart, 0), max(bStart, 0)
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
	for _, op := range h {
		var line []byte
		if op.kind == '+' {
			line = b[op.b]
		} else {
			line = a[op.a]
		}
		out.WriteByte(op.kind)
		out.Write(line)
		if len(line) == 0 || line[len(line)-1] != '\n' {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a 0-based start and a length the way diff -u does: the
// 1-based first line, ",len" unless it is 1, and for an empty range the line
// before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
