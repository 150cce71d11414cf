package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// answersProbe are words the test dictionary knows and does not know that
// reach the full speller (no suffix rule derives them).
var answersProbe = map[string]bool{
	"précisément": true, "kubectl": true,
	"precisement": false, "théière": false, "grenouille": false,
}

// spellAll asks a fresh loader about every probe word and returns the
// words that reached gospell.
func spellAll(t *testing.T, dictDir, cacheDir string, want map[string]bool) (asked []string, parsed int32) {
	t.Helper()
	l := &frenchDictLoader{cacheDir: cacheDir}
	d := l.get(dictDir, []string{"fr_TEST.dic", "site.dic"})
	if d == nil {
		t.Fatal("the test dictionary did not load")
	}
	d.onSpell = func(w string) { asked = append(asked, w) }
	for w, known := range want {
		if got := d.spell(w); got != known {
			t.Errorf("spell(%q) = %v, want %v", w, got, known)
		}
	}
	return asked, l.spellerLoads.Load()
}

func answersFile(t *testing.T, cacheDir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(cacheDir, "*.answers"))
	if err != nil || len(files) != 1 {
		t.Fatalf("answers files: %q (%v), want one", files, err)
	}
	return files[0]
}

// TestSpellAnswersReplayed: a second run answers the words the first one
// asked gospell about without parsing the dictionary, and gives the same
// answers.
func TestSpellAnswersReplayed(t *testing.T) {
	dictDir := copyTestDict(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	asked, parsed := spellAll(t, dictDir, cacheDir, answersProbe)
	if len(asked) != len(answersProbe) || parsed != 1 {
		t.Fatalf("cold: asked gospell about %q, parsed %d times", asked, parsed)
	}
	asked, parsed = spellAll(t, dictDir, cacheDir, answersProbe)
	if len(asked) != 0 || parsed != 0 {
		t.Fatalf("warm: asked gospell about %q, parsed %d times; want the answers replayed", asked, parsed)
	}
	// A new word is asked and added; the old ones are still replayed.
	more := map[string]bool{"crapaud": false, "précisément": true}
	if asked, _ = spellAll(t, dictDir, cacheDir, more); strings.Join(asked, ",") != "crapaud" {
		t.Fatalf("asked gospell about %q, want only the new word", asked)
	}
	if asked, parsed = spellAll(t, dictDir, cacheDir, more); len(asked) != 0 || parsed != 0 {
		t.Fatalf("asked gospell about %q, parsed %d times", asked, parsed)
	}
}

// TestSpellAnswersStale: answers of an older dictionary are never used;
// the first new answer replaces the file.
func TestSpellAnswersStale(t *testing.T) {
	dictDir := copyTestDict(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	spellAll(t, dictDir, cacheDir, answersProbe)
	appendLine(t, filepath.Join(dictDir, "fr_TEST.dic"), "théière/S", time.Now().Add(time.Hour))
	changed := map[string]bool{"théière": true, "grenouille": false}
	asked, parsed := spellAll(t, dictDir, cacheDir, changed)
	if len(asked) != 2 || parsed != 1 {
		t.Fatalf("after the .dic changed: asked gospell about %q, parsed %d times; want both words asked again", asked, parsed)
	}
	b, err := os.ReadFile(answersFile(t, cacheDir))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "precisement") || !strings.Contains(string(b), "+théière\n") {
		t.Fatalf("the stale answers were kept:\n%s", b)
	}
	if asked, parsed = spellAll(t, dictDir, cacheDir, changed); len(asked) != 0 || parsed != 0 {
		t.Fatalf("asked gospell about %q, parsed %d times", asked, parsed)
	}
}

// TestSpellAnswersDamaged: reading stops at a damaged or partial line; the
// words after it are asked again, and the answers stay right.
func TestSpellAnswersDamaged(t *testing.T) {
	dictDir := copyTestDict(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	spellAll(t, dictDir, cacheDir, answersProbe)
	file := answersFile(t, cacheDir)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	header, body, _ := strings.Cut(string(b), "\n")
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	// The first answer stays; the second is damaged, the last is cut.
	damaged := header + "\n" + lines[0] + "\n" + "?" + lines[1][1:] + "\n" + strings.Join(lines[2:], "\n")
	damaged = damaged[:len(damaged)-2]
	if err := os.WriteFile(file, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	asked, _ := spellAll(t, dictDir, cacheDir, answersProbe)
	if len(asked) != len(answersProbe)-1 || strings.Contains(strings.Join(asked, ","), lines[0][1:]) {
		t.Fatalf("asked gospell about %q; want every word but %q", asked, lines[0][1:])
	}
}

// TestSpellAnswersForeignFile: a file another run replaced with other
// answers (another dictionary or postlint version) is not appended to.
func TestSpellAnswersForeignFile(t *testing.T) {
	dir := t.TempDir()
	a := newSpellAnswers(filepath.Join(dir, "french-dict-x.cache"), "key 1")
	known := map[string]bool{}
	a.readInto(known)
	a.record("chat", true)
	foreign := newSpellAnswers(filepath.Join(dir, "french-dict-x.cache"), "key 2")
	foreign.record("chien", false)
	file := a.file
	a.record("souris", true) // the file now has the other key's header
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := foreign.header + "-chien\n"; string(b) != want {
		t.Fatalf("answers file:\n%s\nwant:\n%s", b, want)
	}
	again := map[string]bool{}
	newSpellAnswers(filepath.Join(dir, "french-dict-x.cache"), "key 1").readInto(again)
	if len(again) != 0 {
		t.Fatalf("answers of another key read: %v", again)
	}
}

// TestSpellAnswersCapped: the file stops growing at its cap.
func TestSpellAnswersCapped(t *testing.T) {
	dir := t.TempDir()
	a := newSpellAnswers(filepath.Join(dir, "french-dict-x.cache"), "key")
	a.record("premier", true)
	filler := strings.Repeat("+mot\n", maxSpellAnswersBytes/5+1)
	file := a.file
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(filler); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	a.record("dernier", true)
	after, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() != before.Size() {
		t.Fatalf("the file grew past its cap: %d → %d bytes", before.Size(), after.Size())
	}
}
