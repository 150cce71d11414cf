package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

// Text writes `path:line:col: severity rule: message`, one finding a line;
// with opts.Excerpt the source line follows with a caret under the column.
func Text(w io.Writer, res *lint.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	var cachedPath string
	var cached *lint.LineIndex
	for i := range res.Findings {
		f := &res.Findings[i]
		sevColor := ansiBlue
		switch f.Severity {
		case lint.SeverityError:
			sevColor = ansiRed
		case lint.SeverityWarning:
			sevColor = ansiYellow
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n",
			paint(ansiBold, f.Path), f.Start.Line, f.Start.Column,
			paint(sevColor, f.Severity.String()), paint(ansiDim, f.Rule), oneLine(f.Message))
		if !opts.Excerpt || opts.ReadFile == nil {
			continue
		}
		if f.Path != cachedPath {
			cachedPath, cached = f.Path, nil
			if src, err := opts.ReadFile(f.Path); err == nil {
				cached = lint.NewLineIndex(src)
			}
		}
		if cached == nil || f.Start.Line > cached.Lines() {
			continue
		}
		writeExcerpt(bw, string(cached.Line(f.Start.Line)), f, paint, sevColor)
	}
	return bw.Flush()
}

// writeExcerpt prints the finding's line (tabs expanded so the caret lines
// up) and carets under the reported range.
func writeExcerpt(w io.Writer, line string, f *lint.Finding, paint func(string, string) string, color string) {
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	var shown, marks strings.Builder
	endCol := f.End.Column
	if f.End.Line != f.Start.Line {
		endCol = utf8.RuneCountInString(line) + 1
	}
	if endCol <= f.Start.Column {
		endCol = f.Start.Column + 1
	}
	col := 1
	for _, r := range line {
		width := 1
		text := string(r)
		if r == '\t' {
			width, text = 4, "    "
		} else if r < ' ' || r == 0x7f {
			text = "?"
		}
		shown.WriteString(text)
		mark := " "
		if col >= f.Start.Column && col < endCol {
			mark = "^"
		}
		marks.WriteString(strings.Repeat(mark, width))
		col++
	}
	if f.Start.Column >= col { // the range starts at the end of the line
		marks.WriteString("^")
	}
	fmt.Fprintf(w, "    %s\n    %s\n", shown.String(), paint(color, strings.TrimRight(marks.String(), " ")))
}

// oneLine keeps a message on one line so that every finding is one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
