package rules

import "github.com/postlint/postlint/lint"

// proseText returns the text of b.Text(src) without its offsets, which
// take eight bytes per byte of text: rules that look at every block but
// report in few ask b.Text for them only when they report.
func proseText(src []byte, b *lint.ProseBlock) string {
	return b.PlainText(src)
}
