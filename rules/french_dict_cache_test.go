package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/client9/gospell"

	"github.com/postlint/postlint/lint"
)

func TestWordSet(t *testing.T) {
	s := newWordSet([]string{"café", "abri", "zèbre", "abri", "abricot", "b"})
	if s != "\nabri\nabricot\nb\ncafé\nzèbre\n" {
		t.Fatalf("newWordSet = %q", s)
	}
	for w, want := range map[string]bool{
		"abri": true, "abricot": true, "b": true, "café": true, "zèbre": true,
		"": false, "a": false, "abr": false, "abrix": false, "abricots": false, "ba": false,
		"cafe": false, "zz": false, "\n": false, "abri\nabricot": false,
	} {
		if got := s.has(w); got != want {
			t.Errorf("has(%q) = %v", w, got)
		}
	}
	var got []string
	s.each(func(w string) { got = append(got, w) })
	if strings.Join(got, ",") != "abri,abricot,b,café,zèbre" {
		t.Errorf("each: %q", got)
	}
	empty := newWordSet(nil)
	if empty.has("") || empty.has("a") {
		t.Error("the empty set has a word")
	}
	empty.each(func(w string) { t.Errorf("the empty set yields %q", w) })
	if withEmpty := newWordSet([]string{"", "a"}); !withEmpty.has("") || !withEmpty.has("a") || withEmpty.has("b") {
		t.Error("a set holding the empty word")
	}
}

// copyTestDict copies the tiny test dictionary to a new folder, so tests
// can change it.
func copyTestDict(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"fr_TEST.aff", "fr_TEST.dic", "site.dic"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "french-dict", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// appendLine adds a line to a dictionary file and moves its modification
// time, as an edit would.
func appendLine(t *testing.T, file, line string, mtime time.Time) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(file, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.cache"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFrenchDictCacheInvalidation: a second run reads the cache instead of
// parsing the dictionary, and a change to the .dic or to a site word list
// makes the next run parse it again and rewrite the cache.
func TestFrenchDictCacheInvalidation(t *testing.T) {
	dictDir := copyTestDict(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	entries := []string{"fr_TEST.dic", "site.dic"}
	run := func(wantParsed int32, known, unknown string) {
		t.Helper()
		l := &frenchDictLoader{cacheDir: cacheDir}
		d := l.get(dictDir, entries)
		if d == nil {
			t.Fatal("the test dictionary did not load")
		}
		if n := l.spellerLoads.Load(); n != wantParsed {
			t.Errorf("dictionary parsed %d times, want %d", n, wantParsed)
		}
		if !d.words.has(known) || d.words.has(unknown) {
			t.Errorf("words: has(%q) = %v, has(%q) = %v", known, d.words.has(known), unknown, d.words.has(unknown))
		}
		if fix, _ := d.accentFix("precisement"); fix != "précisément" {
			t.Errorf("accentFix(precisement) = %q", fix)
		}
		if files := cacheFiles(t, cacheDir); len(files) != 1 {
			t.Errorf("cache files: %q, want one", files)
		}
	}
	run(1, "café", "théière") // cold: parsed, cache written
	run(0, "café", "théière") // warm: no parsing
	later := time.Now().Add(time.Hour)
	appendLine(t, filepath.Join(dictDir, "fr_TEST.dic"), "théière/S", later)
	run(1, "théière", "grenouille") // the .dic changed
	run(0, "théière", "grenouille")
	appendLine(t, filepath.Join(dictDir, "site.dic"), "grenouille", later.Add(time.Hour))
	run(1, "grenouille", "crapaud") // a site word list changed
	run(0, "grenouille", "crapaud")

	// A damaged cache is parsed again and rewritten.
	files := cacheFiles(t, cacheDir)
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[0], b[:len(b)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	run(1, "grenouille", "crapaud")
	run(0, "grenouille", "crapaud")
}

// TestFrenchDictCacheUnwritable: where the cache cannot be written (its
// folder would be under a file), the dictionary works and is parsed on
// each run.
func TestFrenchDictCacheUnwritable(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	dictDir := filepath.Join("..", "testdata", "french-dict")
	for range 2 {
		l := &frenchDictLoader{cacheDir: filepath.Join(notDir, "cache")}
		d := l.get(dictDir, []string{"fr_TEST.dic", "site.dic"})
		if d == nil {
			t.Fatal("the test dictionary did not load")
		}
		if n := l.spellerLoads.Load(); n != 1 {
			t.Errorf("dictionary parsed %d times, want 1", n)
		}
		if fix, _ := d.accentFix("ecosystemes"); fix != "écosystèmes" {
			t.Errorf("accentFix(ecosystemes) = %q", fix)
		}
		if !d.spell("kubectl") {
			t.Error("the site dictionary's words are not known")
		}
	}
}

// TestFrenchDictCacheEquivalence compares the cached word sets of the
// system dictionary with gospell's own answers (HasWord, and the folded
// set as it was built from gospell's words), over every dictionary word
// and several near misses of each, then compares accent fixes of a cold
// and a warm dictionary over a sample of unaccented words.
func TestFrenchDictCacheEquivalence(t *testing.T) {
	main, extra := findFrenchDict("", nil)
	if main == "" {
		t.Skip("no French hunspell dictionary (apt-get install hunspell-fr)")
	}
	cacheDir := t.TempDir()
	cold := &frenchDictLoader{cacheDir: cacheDir}
	coldDict := cold.get("", nil)
	warm := &frenchDictLoader{cacheDir: cacheDir}
	warmDict := warm.get("", nil)
	if coldDict == nil || warmDict == nil {
		t.Fatal("the dictionary did not load")
	}
	if cold.spellerLoads.Load() != 1 || warm.spellerLoads.Load() != 0 {
		t.Fatalf("parsed %d times cold, %d warm; want 1 and 0", cold.spellerLoads.Load(), warm.spellerLoads.Load())
	}
	gs, err := gospell.NewGoSpell(strings.TrimSuffix(main, ".dic")+".aff", main)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range extra {
		_ = gs.AddDictionaryFile(p)
	}
	folded := map[string]bool{}
	var words []string
	gs.ForEachWord(func(w string) bool {
		folded[foldAccents(w)] = true
		words = append(words, w)
		return true
	})
	checked := 0
	for _, w := range words {
		near := []string{w, w + "s", w + "x", w[:len(w)-1], foldAccents(w), strings.ToUpper(w), "é" + w}
		for _, v := range near {
			if got, want := warmDict.words.has(v), gs.HasWord(v); got != want {
				t.Fatalf("words.has(%q) = %v, gospell says %v", v, got, want)
			}
			f := foldAccents(v)
			if got, want := warmDict.folded.has(f), folded[f]; got != want {
				t.Fatalf("folded.has(%q) = %v, want %v", f, got, want)
			}
			checked++
		}
	}
	n := 0
	warmDict.words.each(func(string) { n++ })
	if n != gs.WordCount() {
		t.Errorf("the cache holds %d words, gospell %d", n, gs.WordCount())
	}
	t.Logf("%d words, %d lookups compared", len(words), checked)

	// Accent fixes, which also use Spell: the warm dictionary parses the
	// dictionary only when a fix needs it.
	for i, w := range words {
		if i%300 != 0 {
			continue
		}
		v := strings.ToLower(foldAccents(w))
		c, cok := coldDict.accentFix(v)
		h, hok := warmDict.accentFix(v)
		if c != h || cok != hok {
			t.Errorf("accentFix(%q): cold %q %v, warm %q %v", v, c, cok, h, hok)
		}
	}
}

func BenchmarkFrenchDictLoad(b *testing.B) {
	if main, _ := findFrenchDict("", nil); main == "" {
		b.Skip("no French hunspell dictionary (apt-get install hunspell-fr)")
	}
	b.Run("parse", func(b *testing.B) {
		// What every run paid before the cache, and a first run still pays.
		for b.Loop() {
			l := &frenchDictLoader{cacheDir: filepath.Join(b.TempDir(), "cache")}
			if l.get("", nil) == nil {
				b.Fatal("no dictionary")
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		dir := b.TempDir()
		(&frenchDictLoader{cacheDir: dir}).get("", nil)
		for b.Loop() {
			l := &frenchDictLoader{cacheDir: dir}
			if l.get("", nil) == nil || l.spellerLoads.Load() != 0 {
				b.Fatal("not read from the cache")
			}
		}
	})
}

// TestFrenchSpellerParsedAtMostOnce: with the cache cold or warm, a run
// parses the dictionary at most once, and never for English documents;
// checking the same documents again does not parse it.
func TestFrenchSpellerParsedAtMostOnce(t *testing.T) {
	dict, err := filepath.Abs(filepath.Join("..", "testdata", "french-dict"))
	if err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	cfg := lint.DefaultConfig()
	cfg.Dictionaries = []string{dict}
	check := func(loader *frenchDictLoader, dirs ...string) {
		t.Helper()
		rule := newFrenchTypos(loader)
		for _, dir := range dirs {
			if _, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join("..", "testdata", dir)}, Rules: []*lint.Rule{rule}, Config: cfg}); err != nil {
				t.Fatal(err)
			}
		}
	}
	english := &frenchDictLoader{cacheDir: cacheDir}
	check(english, "jekyll-series-en", "hugo-series-en")
	if n := english.spellerLoads.Load(); n != 0 {
		t.Errorf("English documents parsed the dictionary %d times", n)
	}
	for _, state := range []string{"cold", "warm"} {
		l := &frenchDictLoader{cacheDir: cacheDir}
		check(l, "jekyll-french-typos", "jekyll-series-fr", "jekyll-french-typos")
		if n := l.spellerLoads.Load(); n > 1 || l.loads.Load() != 1 {
			t.Errorf("%s cache: dictionary read %d times, parsed %d times; want once, at most once", state, l.loads.Load(), n)
		}
		// The same documents again: every word gospell was asked about
		// has its answer on disk.
		if n := l.spellerLoads.Load(); state == "warm" && n != 0 {
			t.Errorf("warm cache: dictionary parsed %d times for words already answered", n)
		}
	}
}
