package rules

import (
	"fmt"
	"strconv"
	"testing"
)

// TestFrenchTypographyMessagesMatchFormats checks the concatenated messages
// against the fmt.Sprintf formats they replace.
func TestFrenchTypographyMessagesMatchFormats(t *testing.T) {
	words := []string{"", "mot", "Écrit", "…", "a\xffb", "%s"}
	marks := []rune{':', ';', '!', '?', ',', '.', '»', '«', '…'}
	for _, mark := range marks {
		for _, w := range words {
			if got, want := frMissingSpaceBeforeMessage(mark, w), fmt.Sprintf(`missing space before "%c" (%s): write "%s %c"`, mark, frTypoLabel, w, mark); got != want {
				t.Errorf("frMissingSpaceBeforeMessage(%q, %q) = %q, want %q", mark, w, got, want)
			}
			if got, want := frSpaceBeforeMessage(mark, w), fmt.Sprintf(`space before "%c" (%s): write "%s%c", with no space`, mark, frTypoLabel, w, mark); got != want {
				t.Errorf("frSpaceBeforeMessage(%q, %q) = %q, want %q", mark, w, got, want)
			}
			if got, want := `missing space after "«" (`+frTypoLabel+`): write "« `+w+`"`, fmt.Sprintf(`missing space after "«" (%s): write "« %s"`, frTypoLabel, w); got != want {
				t.Errorf("opening guillemet message %q, want %q", got, want)
			}
			tail := "..."
			if got, want := `"`+w+tail+`": etc. already ends with a period; write "`+w+`." (`+frTypoLabel+`)`, fmt.Sprintf(`"%s%s": etc. already ends with a period; write "%s." (%s)`, w, tail, w, frTypoLabel); got != want {
				t.Errorf("etc. message %q, want %q", got, want)
			}
		}
		for _, want := range []rune{nbsp, narrowNbsp} {
			if got, exp := frInsertSpaceMessage(want, mark), fmt.Sprintf("insert %s before %q", spaceName(want), mark); got != exp {
				t.Errorf("frInsertSpaceMessage = %q, want %q", got, exp)
			}
			for _, side := range []string{"before", "after"} {
				for _, mode := range []string{"nbsp", "narrow"} {
					if got, exp := frWrongSpaceMessage(side, mark, want, mode), fmt.Sprintf(`the space %s "%c" must be %s (%s, space: %s)`, side, mark, spaceName(want), frTypoLabel, mode); got != exp {
						t.Errorf("frWrongSpaceMessage = %q, want %q", got, exp)
					}
				}
			}
		}
		if got, exp := "remove the space before "+strconv.QuoteRune(mark), fmt.Sprintf("remove the space before %q", mark); got != exp {
			t.Errorf("remove message %q, want %q", got, exp)
		}
	}
	if got, want := `three periods: write the ellipsis character "`+frEllipsis+`" (`+frTypoLabel+`)`, fmt.Sprintf(`three periods: write the ellipsis character "%s" (%s)`, frEllipsis, frTypoLabel); got != want {
		t.Errorf("ellipsis message %q, want %q", got, want)
	}
}
