package rules

import (
	"fmt"
	"strings"
	"testing"
)

// tsbDescribeWSWithFormat is the former tsbDescribeWS, built with
// fmt.Sprintf and strings.Join.
func tsbDescribeWSWithFormat(ws string) string {
	plural := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	tabs := strings.Count(ws, "\t")
	spaces := len(ws) - tabs
	var parts []string
	if spaces > 0 {
		parts = append(parts, plural(spaces, "space"))
	}
	if tabs > 0 {
		parts = append(parts, plural(tabs, "tab"))
	}
	return strings.Join(parts, " and ")
}

// TestTSBDescribeWSMatchesFormat checks the concatenated description of
// trailing white space against the fmt.Sprintf one it replaces.
func TestTSBDescribeWSMatchesFormat(t *testing.T) {
	for spaces := range 13 {
		for tabs := range 13 {
			for _, ws := range []string{strings.Repeat(" ", spaces) + strings.Repeat("\t", tabs), strings.Repeat("\t", tabs) + strings.Repeat(" ", spaces)} {
				if got, want := tsbDescribeWS(ws), tsbDescribeWSWithFormat(ws); got != want {
					t.Errorf("tsbDescribeWS(%q) = %q, want %q", ws, got, want)
				}
			}
		}
	}
	for _, n := range []int{0, 1, 2, 10, 123456} {
		if got, want := tsbPlural(n, "space"), fmt.Sprintf("%d %ss", n, "space"); n != 1 && got != want {
			t.Errorf("tsbPlural(%d) = %q, want %q", n, got, want)
		}
	}
}
