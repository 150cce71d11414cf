package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/client9/gospell"
)

func TestParseCondition(t *testing.T) {
	for _, c := range []struct {
		cond, root string
		want       bool
	}{
		{".", "a", true}, {"er", "marteler", true}, {"[^cg]er", "marteler", true}, {"[^cg]er", "manger", false},
		{"éder", "accéder", true}, {"éder", "der", false}, {"[aeiouy]", "x", false}, {"[aeiouy]", "ami", true},
	} {
		if !validCondition(c.cond) {
			t.Fatalf("validCondition(%q) = false", c.cond)
		}
		if got := matchesEnd(c.root, c.cond); got != c.want {
			t.Errorf("matchesEnd(%q, %q) = %v", c.root, c.cond, got)
		}
	}
	for _, bad := range []string{"[ab", "a]", "^a", "[]", "[^]", "[a-z]"} {
		if validCondition(bad) {
			t.Errorf("validCondition(%q) = true", bad)
		}
	}
}

// TestSuffixFastPathOnTestDict checks the fast path on the tiny test
// dictionary against gospell.
func TestSuffixFastPathOnTestDict(t *testing.T) {
	dir := copyTestDict(t)
	aff, dic := dir+"/fr_TEST.aff", dir+"/fr_TEST.dic"
	checkSuffixFastPathSound(t, aff, []string{dic, dir + "/site.dic"}, 1)
}

// TestSuffixFastPathSound checks the suffix fast path against gospell for
// the installed French dictionary: it enumerates every word the fast path
// can call known (each root with each suffix rule of its flags: about a
// million) and asks gospell about a regular sample of them (every one with
// POSTLINT_SOUNDNESS_ALL=1, which takes long), then about every word of the
// French corpora and of the evaluation set the fast path calls known.
func TestSuffixFastPathSound(t *testing.T) {
	if testing.Short() {
		t.Skip("enumerates every suffixed form of the dictionary: skipped in -short mode")
	}
	main, extra := findFrenchDict("", nil)
	if main == "" {
		t.Skip("no French hunspell dictionary")
	}
	stride := 100
	if os.Getenv("POSTLINT_SOUNDNESS_ALL") != "" {
		stride = 1
	}
	gs, rules, roots := checkSuffixFastPathSound(t, strings.TrimSuffix(main, ".dic")+".aff", append([]string{main}, extra...), stride)
	words := map[string]bool{}
	addWords := func(text string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			words[w] = true
		}
	}
	for _, name := range []string{"errors.txt", "correct.txt", "corpus-findings.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "french-eval", name))
		if err != nil {
			t.Fatal(err)
		}
		addWords(string(b))
	}
	for _, name := range frenchCorpora {
		dir := filepath.Join("..", "..", "shared", "corpora", name)
		if _, err := os.Stat(dir); err != nil {
			dir = filepath.Join("..", "..", "..", "shared", "corpora", name)
		}
		_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")) {
				if b, err := os.ReadFile(p); err == nil {
					addWords(string(b))
				}
			}
			return nil
		})
	}
	known, checked := 0, 0
	for w := range words {
		for _, v := range []string{w, foldAccents(w)} {
			checked++
			if rules.derives(v, roots) {
				known++
				if !gs.Spell(v) {
					t.Errorf("fast path says %q is known; gospell rejects it", v)
				}
			}
		}
	}
	t.Logf("corpora and evaluation set: %d words (and their unaccented forms), %d known by the fast path, all accepted by gospell", checked, known)
}

// checkSuffixFastPathSound asks gospell about every stride-th word the fast
// path can call known.
func checkSuffixFastPathSound(t *testing.T, aff string, dics []string, stride int) (*gospell.GoSpell, *suffixRules, wordSet) {
	t.Helper()
	roots, ok := suffixRootsOf(aff, dics)
	if !ok {
		t.Fatal("the fast path is off for this dictionary")
	}
	data, err := os.ReadFile(aff)
	if err != nil {
		t.Fatal(err)
	}
	rules := parseSuffixRules(string(data))
	if rules == nil {
		t.Fatal("no suffix rules")
	}
	gs, err := gospell.NewGoSpell(aff, dics[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range dics[1:] {
		if err := gs.AddDictionaryFile(p); err != nil {
			t.Fatal(err)
		}
	}
	byFlag := map[string][]suffixRule{}
	for _, list := range rules.byAdd {
		for _, r := range list {
			byFlag[r.flag] = append(byFlag[r.flag], r)
		}
	}
	forms, checked, bad := 0, 0, 0
	roots.each(func(entry string) {
		i := strings.LastIndexByte(entry, '/')
		root, flag := entry[:i], entry[i+1:]
		for _, r := range byFlag[flag] {
			stem, found := strings.CutSuffix(root, r.strip)
			if !found || stem == "" || !matchesEnd(root, r.cond) {
				continue
			}
			w := stem + r.add
			if !rules.derives(w, roots) {
				t.Fatalf("%q from %q by %+v: not derived", w, entry, r)
			}
			forms++
			if forms%stride != 0 {
				continue
			}
			checked++
			if !gs.Spell(w) {
				bad++
				if bad <= 20 {
					t.Errorf("fast path says %q (from %s, -%s +%s) is known; gospell rejects it", w, entry, r.strip, r.add)
				}
			}
		}
	})
	t.Logf("%d root/flag entries, %d suffixed forms, %d asked to gospell, %d rejected", strings.Count(string(roots), "\n")-1, forms, checked, bad)
	if checked == 0 {
		t.Error("no form checked")
	}
	return gs, rules, roots
}

// BenchmarkSuffixKnown times the fast path on inflected forms that used to
// need gospell (loading it takes about half a second).
func BenchmarkSuffixKnown(b *testing.B) {
	main, extra := findFrenchDict("", nil)
	if main == "" {
		b.Skip("no French hunspell dictionary")
	}
	aff := strings.TrimSuffix(main, ".dic") + ".aff"
	roots, ok := suffixRootsOf(aff, append([]string{main}, extra...))
	data, err := os.ReadFile(aff)
	if !ok || err != nil {
		b.Fatal("no fast path")
	}
	rules := parseSuffixRules(string(data))
	words := []string{"martèle", "accèdent", "achètent", "commençait", "préfèrent", "suggère", "gèrent", "lançant"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			if !rules.derives(w, roots) {
				b.Fatalf("%q not known", w)
			}
		}
	}
}

// BenchmarkParseSuffixRules times reading the .aff's suffix rules, done on
// the first Spell of a run.
func BenchmarkParseSuffixRules(b *testing.B) {
	main, _ := findFrenchDict("", nil)
	if main == "" {
		b.Skip("no French hunspell dictionary")
	}
	data, err := os.ReadFile(strings.TrimSuffix(main, ".dic") + ".aff")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if parseSuffixRules(string(data)) == nil {
			b.Fatal("no rules")
		}
	}
}

// TestSuffixFastPathSparesSpeller checks that correct inflected forms the
// older shortcuts missed no longer load gospell once the cache is warm.
func TestSuffixFastPathSparesSpeller(t *testing.T) {
	if main, _ := findFrenchDict("", nil); main == "" {
		t.Skip("no French hunspell dictionary")
	}
	dir := t.TempDir()
	// The first loader fills the cache; the second reads it, as a later run.
	if (&frenchDictLoader{cacheDir: dir}).get("", nil) == nil {
		t.Fatal("no dictionary")
	}
	loader := &frenchDictLoader{cacheDir: dir}
	d := loader.get("", nil)
	var asked []string
	d.onSpell = func(w string) { asked = append(asked, w) }
	for _, s := range []string{
		"Il martèle que les équipes accèdent aux données et les gèrent.",
		"Nous commençons, ils préfèrent et elle suggère.",
	} {
		if fs := checkSentence(s, d); len(fs) > 0 {
			t.Errorf("%q: unexpected findings %v", s, fs)
		}
	}
	if len(asked) > 0 || loader.spellerLoads.Load() != 0 {
		t.Errorf("gospell asked about %q (%d loads)", asked, loader.spellerLoads.Load())
	}
}
