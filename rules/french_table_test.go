package rules

import (
	"reflect"
	"strings"
	"testing"
)

// referenceFrenchTable is the table built the first, plain way: one split
// and one allocation per field and entry.
func referenceFrenchTable() *frTable {
	t := &frTable{byFirst: map[string][]*frEntry{}, anyEnglish: map[string]bool{}, firstWords: new(wordFilter), englishWords: new(wordFilter)}
	for _, line := range strings.Split(frenchTyposTSV, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			continue
		}
		e := &frEntry{wrong: cols[0], right: strings.Split(cols[1], "|"), cat: cols[2]}
		if len(cols) > 3 {
			e.english = strings.Contains(cols[3], "en")
			e.lowerOnly = strings.Contains(cols[3], "lc")
		}
		toks := tokenizeFrench(cols[0])
		if len(toks) == 0 {
			continue
		}
		for i, tk := range toks {
			e.words = append(e.words, tk.lower)
			if i > 0 {
				e.seps = append(e.seps, tk.sep)
			}
		}
		t.byFirst[e.words[0]] = append(t.byFirst[e.words[0]], e)
		t.firstWords.add(e.words[0])
		t.count++
		if len(e.words) == 1 && e.english {
			t.anyEnglish[e.words[0]] = true
		}
	}
	for _, line := range strings.Split(frenchEnglishTXT, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			t.anyEnglish[w] = true
		}
	}
	for w := range t.anyEnglish {
		t.englishWords.add(w)
	}
	t.indexShortFirst()
	return t
}

// TestFrenchTableMatchesReference holds the presized, allocation-light
// table build to the plain one, entry by entry.
func TestFrenchTableMatchesReference(t *testing.T) {
	if got, want := frenchTableBuild(), referenceFrenchTable(); !reflect.DeepEqual(got, want) {
		t.Fatal("frenchTableBuild differs from the reference build")
	}
}

// TestEntriesStarting: the entries of every first word are found, short
// or long.
func TestEntriesStarting(t *testing.T) {
	tab := frenchTable()
	short := 0
	for w, entries := range tab.byFirst {
		if !reflect.DeepEqual(tab.entriesStarting(w), entries) {
			t.Fatalf("entriesStarting(%q) differs from byFirst", w)
		}
		if len(w) <= shortFirstLen {
			short++
		}
	}
	if short == 0 || short != len(tab.shortFirst) || tab.entriesStarting("zzz") != nil || tab.entriesStarting("zzzzzzzz") != nil {
		t.Fatalf("%d short first words, %d in shortFirst", short, len(tab.shortFirst))
	}
}

// BenchmarkFrenchTable is the table build every run that checks a French
// document pays once.
func BenchmarkFrenchTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		frenchTableBuild()
	}
}
