package rules

import (
	"bytes"
	"strings"

	"github.com/postlint/postlint/lint"
)

// proseText returns the text of b.Text(src) without its offsets, which
// take eight bytes per byte of text: rules that look at every block but
// report in few ask b.Text for them only when they report.
func proseText(src []byte, b *lint.ProseBlock) string {
	n := 0
	for _, r := range b.Runs {
		n += r.End - r.Start + len(string(lint.Placeholder))
	}
	var sb strings.Builder
	sb.Grow(n)
	for i, r := range b.Runs {
		if i > 0 {
			gap := src[b.Runs[i-1].End:r.Start]
			switch {
			case bytes.IndexByte(gap, '\n') >= 0:
				sb.WriteByte('\n')
			case len(bytes.Trim(gap, "*_~[]!")) == 0:
			default:
				sb.WriteRune(lint.Placeholder)
			}
		}
		sb.Write(src[r.Start:r.End])
	}
	return sb.String()
}
