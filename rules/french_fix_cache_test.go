package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFixCache(t *testing.T) {
	var none *fixCache
	none.store("precisement", true)
	if _, known := none.lookup("precisement"); known {
		t.Error("a nil cache knows a word")
	}
	c := (&frenchDict{}).takeFixCache()
	if _, known := c.lookup("precisement"); known {
		t.Error("an empty cache knows a word")
	}
	c.store("precisement", true)
	c.store("maison", false)
	for w, want := range map[string]bool{"precisement": true, "maison": false} {
		if hasFix, known := c.lookup(w); !known || hasFix != want {
			t.Errorf("lookup(%q) = %v, %v; want %v, true", w, hasFix, known, want)
		}
	}
	for _, w := range []string{"", "precis", "precisements", "maiso"} {
		if _, known := c.lookup(w); known {
			t.Errorf("lookup(%q): known", w)
		}
	}
	long := strings.Repeat("e", fixCacheKeyLen+1)
	c.store(long, true)
	if _, known := c.lookup(long); known {
		t.Error("a word longer than a slot's key is kept")
	}
	// A word that takes over one of the slots of another leaves it
	// known by the other slot; one that takes both evicts it.
	recent, other := c.slotsOf("maison")
	var sameRecent, sameOther string
	for i := 0; sameRecent == "" || sameOther == ""; i++ {
		w := fmt.Sprint("mot", i)
		r, o := c.slotsOf(w)
		if r == recent && o != other && sameRecent == "" {
			sameRecent = w
		}
		if o == other && r != recent && sameOther == "" {
			sameOther = w
		}
	}
	c.store(sameRecent, true)
	if hasFix, known := c.lookup("maison"); !known || hasFix {
		t.Errorf("maison, its recent slot taken: %v, %v", hasFix, known)
	}
	c.store(sameOther, true)
	c.store(sameRecent, true)
	if _, known := c.lookup("maison"); known {
		t.Errorf("maison is still known after %q and %q took its slots", sameRecent, sameOther)
	}
	for _, w := range []string{sameRecent, sameOther} {
		if hasFix, known := c.lookup(w); !known || !hasFix {
			t.Errorf("lookup(%q) = %v, %v", w, hasFix, known)
		}
	}
}

// TestFrenchTyposCachesMatchNone: a checker with a worker's fix cache
// and pooled buffers, carried from text to text, finds what checkers
// without them find, on every line of the corpus.
func TestFrenchTyposCachesMatchNone(t *testing.T) {
	d := (&frenchDictLoader{cacheDir: t.TempDir()}).get(copyTestDict(t), []string{"fr_TEST.dic", "site.dic"})
	if d == nil {
		t.Fatal("the test dictionary did not load")
	}
	var lines []string
	forEachCorpusMarkdown(t, func(_ string, src []byte) {
		lines = append(lines, strings.Split(string(src), "\n")...)
	})
	lines = append(lines, "plus precisement", "precisement", "Precisement precisement", "l'ecosysteme, l'ecosysteme")
	cached := &frChecker{opts: &FrenchTyposOptions{Dictionary: true}, table: frenchTable(), dict: d, fixCache: d.takeFixCache(), accepted: map[string]bool{}}
	found := 0
	for round := range 2 {
		for _, line := range lines {
			want := checkSentence(line, d)
			var got []frFinding
			cached.reported = map[[2]int]bool{}
			cached.emit = func(start, end int, msg string, fix *string) {
				got = append(got, frFinding{wrong: line[start:end], msg: msg, fix: fix})
			}
			offs := make([]int, len(line)+1)
			for i := range offs {
				offs[i] = i
			}
			cached.checkText(line, &textOffsets{offs: offs})
			if !slices.EqualFunc(got, want, sameFrFinding) {
				t.Fatalf("round %d, %q: with the caches %v, without %v", round, line, got, want)
			}
			found += len(got)
		}
	}
	if found == 0 {
		t.Fatal("no finding: the test checks nothing")
	}
}

func sameFrFinding(a, b frFinding) bool {
	return a.wrong == b.wrong && a.msg == b.msg && (a.fix == nil) == (b.fix == nil) && (a.fix == nil || *a.fix == *b.fix)
}
