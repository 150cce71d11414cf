package rules

import (
	"fmt"
	"os"
	"path/filepath"
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

func TestReadFileInto(t *testing.T) {
	dir := t.TempDir()
	var buf []byte
	for _, size := range []int{0, 1, 4095, 4096, 4097, 100000, 10} {
		want := strings.Repeat("é", size/2) + strings.Repeat("x", size%2)
		path := filepath.Join(dir, fmt.Sprint(size))
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		var err error
		if buf, err = readFileInto(buf, path); err != nil || string(buf) != want {
			t.Fatalf("readFileInto of %d bytes: %d bytes, %v", size, len(buf), err)
		}
	}
	if _, err := readFileInto(buf, filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestFrBuffersReusable: buffers kept for the next document hold no
// token of the texts they were used for, and a huge buffer is not kept.
func TestFrBuffersReusable(t *testing.T) {
	b := frBuffers{toks: tokenizeFrench("un texte de cinq mots")}
	b.toks = b.toks[:1]
	got := b.reusable()
	if got == nil || len(got.toks) != 0 || cap(got.toks) == 0 {
		t.Fatalf("reusable buffers: %+v", got)
	}
	for _, tk := range got.toks[:cap(got.toks)] {
		if tk != (frToken{}) {
			t.Fatalf("a reusable buffer keeps %+v", tk)
		}
	}
	if got := (&frBuffers{toks: make([]frToken, 0, maxPooledTokens+1)}).reusable(); got != nil {
		t.Fatalf("a buffer of %d tokens is kept", cap(got.toks))
	}
}
