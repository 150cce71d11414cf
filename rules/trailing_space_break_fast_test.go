package rules

import (
	"bytes"
	"strings"
	"testing"
)

// kramdownEndsParagraphByPatterns is kramdownEndsParagraph without its
// first-byte test: the patterns alone.
func kramdownEndsParagraphByPatterns(rest []byte) bool {
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl+1]
	}
	if kramdownBlockIAL.Match(rest) || kramdownEOB.Match(rest) || kramdownDefinition.Match(rest) {
		return true
	}
	if m := kramdownHTMLLine.FindSubmatch(rest); m != nil {
		return !kramdownSpanElements[strings.ToLower(string(m[1]))]
	}
	return false
}

func FuzzKramdownEndsParagraph(f *testing.F) {
	for _, s := range []string{"", "{: .c}\n", "   {:}\nx", "    {: .c}\n", "^\n", " ^\n", ": def\n", "   : d", "<div>\n", "  </p>", "<span>", "text\n{: .c}", "\t<div>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, rest []byte) {
		if got, want := kramdownEndsParagraph(rest), kramdownEndsParagraphByPatterns(rest); got != want {
			t.Errorf("%q: %v, want %v", rest, got, want)
		}
	})
}
