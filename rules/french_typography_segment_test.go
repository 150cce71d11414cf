package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// frSegmentReference is frSegment before its shortcut for sentences
// without parentheses.
func frSegmentReference(text string, i int) string {
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	lineEnd := strings.IndexByte(text[i:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text)
	} else {
		lineEnd += i
	}
	line, at := text[lineStart:lineEnd], i-lineStart
	for _, q := range [][2]string{{"\"", "\""}, {"“", "”"}} {
		if open := strings.LastIndex(line[:at], q[0]); open >= 0 {
			if strings.Count(line[:open], q[0])%2 == 0 || q[0] != q[1] {
				if end := strings.Index(line[at:], q[1]); end >= 0 {
					return line[open+len(q[0]) : at+end]
				}
			}
		}
	}
	// The sentence: from after the last ". ", "! ", "? " before the mark to
	// the next one after it.
	start := 0
	for j := 0; j+1 < at; j++ {
		if strings.IndexByte(".!?", line[j]) >= 0 && line[j+1] == ' ' {
			start = j + 2
		}
	}
	end := len(line)
	for j := at + 1; j+1 < len(line); j++ {
		if strings.IndexByte(".!?", line[j]) >= 0 && line[j+1] == ' ' {
			end = j
			break
		}
	}
	sent, at := line[start:end], at-start
	// Drop the parenthesised parts that do not contain the mark; keep only
	// the inside of the one that does.
	var b strings.Builder
	depth, inner := 0, -1
	for j, r := range sent {
		switch r {
		case '(':
			if depth == 0 && j < at && strings.IndexByte(sent[j:at], ')') < 0 {
				inner = j + 1
			}
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
			}
			if inner >= 0 && j >= at && depth == 0 {
				return sent[inner:j]
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if inner >= 0 {
		return sent[inner:]
	}
	return b.String()
}

// TestFrSegmentMatchesReference checks frSegment against the former code at
// every mark of the corpus texts and of a few hand-made ones: the same
// segment for valid UTF-8, the same language always.
func TestFrSegmentMatchesReference(t *testing.T) {
	texts := []string{
		"Bonjour: le monde (voir: ici) et (là)? Fin.",
		"a) premier: b) second; \"cité: ici\" et “autre: là”",
		"invalide \xff: oui (\xfe: non) ) fin!",
		"((: ))) : ( ? ! ;",
	}
	forEachCorpusMarkdown(t, func(_ string, src []byte) {
		texts = append(texts, strings.SplitAfter(string(src), "\n\n")...)
	})
	checked := 0
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			if !strings.ContainsRune(":;!?.»«", rune(text[i])) && !strings.HasPrefix(text[i:], "»") {
				continue
			}
			got, want := frSegment(text, i), frSegmentReference(text, i)
			if utf8.ValidString(text) && got != want {
				t.Fatalf("frSegment(%q, %d) = %q, want %q", text, i, got, want)
			}
			if frLanguageOf(got) != frLanguageOf(want) {
				t.Fatalf("language of frSegment(%q, %d) = %v, want %v", text, i, frLanguageOf(got), frLanguageOf(want))
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d marks checked", checked)
	}
}
