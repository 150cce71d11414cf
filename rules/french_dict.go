package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/client9/gospell"
)

// frenchDictNames are the hunspell dictionary names tried, in order.
var frenchDictNames = []string{"fr_FR", "fr", "fr-toutesvariantes", "fr-classique", "fr-moderne", "fr_BE", "fr_CA", "fr_CH"}

// systemDictDirs are the usual places of system hunspell dictionaries,
// searched after the config's `dictionaries:` and $DICPATH.
var systemDictDirs = []string{"/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"}

// frenchDict is a loaded French hunspell dictionary plus the site's extra
// dictionaries.
type frenchDict struct {
	// mu serialises lookups: gospell v0.9.2 fills caches (lazy affix
	// expansion) inside Spell, which is not safe for concurrent use.
	mu       sync.Mutex
	gs       *gospell.GoSpell
	path     string
	loadTime time.Duration
	err      error
	// known and fixes cache answers: Spell is slow on unknown words and
	// blogs repeat their words.
	known map[string]bool
	fixes map[string]string
	// folded holds every dictionary word with its accents folded: an
	// unknown word none of whose accent variants can be a candidate is
	// answered without generating them (up to 2,048 variants, each tried
	// with every inflection).
	folded map[string]bool
}

// frenchDictLoader loads dictionaries at most once per set of paths for
// the life of the process; the rule value owns one.
type frenchDictLoader struct {
	mu    sync.Mutex
	dicts map[string]*frenchDictOnce
	// loads counts the dictionaries read: loading one takes about half a
	// second, and a test holds it to once per run, French documents only.
	loads atomic.Int32
}

type frenchDictOnce struct {
	once sync.Once
	dict *frenchDict
}

// get returns the dictionary for these config entries (nil when none is
// found). It loads on first use only.
func (l *frenchDictLoader) get(configDir string, entries []string) *frenchDict {
	key := configDir + "\x00" + strings.Join(entries, "\x00")
	l.mu.Lock()
	if l.dicts == nil {
		l.dicts = map[string]*frenchDictOnce{}
	}
	e, ok := l.dicts[key]
	if !ok {
		e = &frenchDictOnce{}
		l.dicts[key] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		l.loads.Add(1)
		e.dict = loadFrenchDict(configDir, entries)
	})
	if e.dict == nil || e.dict.gs == nil {
		return nil
	}
	return e.dict
}

// findFrenchDict returns the .dic path of the French dictionary to use and
// the other .dic files the config lists (the site's own word lists).
func findFrenchDict(configDir string, entries []string) (main string, extra []string) {
	isFrench := func(p string) bool {
		b := strings.ToLower(filepath.Base(p))
		return strings.HasPrefix(b, "fr") && strings.HasSuffix(b, ".dic")
	}
	inDir := func(dir string) string {
		for _, n := range frenchDictNames {
			p := filepath.Join(dir, n+".dic")
			if fileReadable(p) && fileReadable(strings.TrimSuffix(p, ".dic")+".aff") {
				return p
			}
		}
		// Any other French dictionary of the folder ("fr_FR-custom.dic").
		others, _ := filepath.Glob(filepath.Join(dir, "fr*.dic"))
		for _, p := range others {
			if fileReadable(strings.TrimSuffix(p, ".dic") + ".aff") {
				return p
			}
		}
		return ""
	}
	for _, e := range entries {
		p := e
		if !filepath.IsAbs(p) && configDir != "" {
			p = filepath.Join(configDir, p)
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case st.IsDir():
			if main == "" {
				main = inDir(p)
			}
		case strings.HasSuffix(p, ".dic"):
			if main == "" && isFrench(p) && fileReadable(strings.TrimSuffix(p, ".dic")+".aff") {
				main = p
			} else {
				extra = append(extra, p)
			}
		}
	}
	if main != "" {
		return main, extra
	}
	var dirs []string
	if dp := os.Getenv("DICPATH"); dp != "" {
		dirs = append(dirs, filepath.SplitList(dp)...)
	}
	dirs = append(dirs, systemDictDirs...)
	for _, d := range dirs {
		if p := inDir(d); p != "" {
			return p, extra
		}
	}
	return "", extra
}

func fileReadable(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	_ = f.Close()
	return true
}

func loadFrenchDict(configDir string, entries []string) *frenchDict {
	main, extra := findFrenchDict(configDir, entries)
	if main == "" {
		return nil
	}
	start := time.Now()
	gs, err := gospell.NewGoSpell(strings.TrimSuffix(main, ".dic")+".aff", main)
	if err != nil {
		return &frenchDict{path: main, err: err}
	}
	for _, p := range extra {
		// A site word list that does not load only loses its words.
		_ = gs.AddDictionaryFile(p)
	}
	folded := make(map[string]bool, gs.WordCount())
	gs.ForEachWord(func(w string) bool {
		folded[foldAccents(w)] = true
		return true
	})
	return &frenchDict{gs: gs, path: main, loadTime: time.Since(start), folded: folded}
}

// FrenchDictionaryStatus says which French hunspell dictionary
// french-typos uses when the config names none, for `postlint rules
// french-typos`.
func FrenchDictionaryStatus() string {
	main, _ := findFrenchDict("", nil)
	if main == "" {
		return "no French hunspell dictionary found (searched $DICPATH and " + strings.Join(systemDictDirs, ", ") +
			"); only the built-in list and patterns are used. Install one (Debian/Ubuntu: apt-get install hunspell-fr) or name it under `dictionaries:` in .postlint.yml."
	}
	return fmt.Sprintf("French hunspell dictionary: %s (with its .aff)", main)
}

// spell reports whether w is a known French word.
func (d *frenchDict) spell(w string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.spellLocked(w)
}

func (d *frenchDict) spellLocked(w string) bool {
	if ok, seen := d.known[w]; seen {
		return ok
	}
	if d.known == nil {
		d.known = map[string]bool{}
	}
	ok := d.gs.Spell(w)
	d.known[w] = ok
	return ok
}

// frInflections pair an inflection ending with the ending of the
// dictionary root it comes from ("déployées" → "déployer").
var frInflections = [][2]string{
	{"s", ""}, {"x", ""}, {"e", ""}, {"es", ""}, {"aux", "al"}, {"e", "er"}, {"es", "er"},
	{"é", "er"}, {"ée", "er"}, {"és", "er"}, {"ées", "er"},
	{"i", "ir"}, {"ie", "ir"}, {"is", "ir"}, {"ies", "ir"},
	{"ent", "er"}, {"ant", "er"}, {"ait", "er"}, {"ais", "er"}, {"aient", "er"},
	{"ons", "er"}, {"ez", "er"}, {"ions", "er"}, {"iez", "er"}, {"era", "er"}, {"erait", "er"},
	{"ment", ""}, {"ement", ""},
}

// frMoreInflections are used only to recognise a word as known without
// Spell; as sources of corrections they would turn English or Latin words
// into French ones ("consecutive", "vehicula").
var frMoreInflections = [][2]string{
	{"ive", "if"}, {"ives", "if"}, {"ifs", "if"}, {"euse", "eur"}, {"euses", "eur"}, {"eurs", "eur"},
	{"elle", "el"}, {"elles", "el"}, {"els", "el"}, {"enne", "en"}, {"ennes", "en"}, {"ère", "er"}, {"ères", "er"},
	{"ales", "al"}, {"ale", "al"},
	{"eront", "er"}, {"erons", "er"}, {"erez", "er"}, {"erai", "er"}, {"eras", "er"}, {"eraient", "er"}, {"erais", "er"},
	{"aient", "er"}, {"èrent", "er"}, {"a", "er"}, {"as", "er"}, {"ai", "er"}, {"âmes", "er"},
	{"it", "ir"}, {"issent", "ir"}, {"issait", "ir"}, {"issaient", "ir"}, {"issons", "ir"}, {"issez", "ir"}, {"issant", "ir"}, {"issement", "ir"},
	{"ions", "er"}, {"iez", "er"},
}

// mayBeWord is a cheap test that v could be a dictionary word: it is a
// root, or an inflection of one. Spell, which is slow on unknown words, is
// asked only when this holds.
func (d *frenchDict) mayBeWord(v string, inflections ...[][2]string) bool {
	if d.gs.HasWord(v) {
		return true
	}
	for _, list := range inflections {
		for _, in := range list {
			if stem, ok := strings.CutSuffix(v, in[0]); ok && stem != "" && d.gs.HasWord(stem+in[1]) {
				return true
			}
		}
	}
	return false
}

// frInflectionsFolded are frInflections with their accents folded.
var frInflectionsFolded = func() [][2]string {
	out := make([][2]string, len(frInflections))
	for i, in := range frInflections {
		out[i] = [2]string{foldAccents(in[0]), foldAccents(in[1])}
	}
	return out
}()

// mayHaveVariant reports whether some accent variant v of the folded word
// f can pass mayBeWord(v, frInflections): every such v folds to f, so v
// itself, or its stem plus a root ending, folds to a folded dictionary
// word.
func (d *frenchDict) mayHaveVariant(f string) bool {
	if d.folded[f] {
		return true
	}
	for _, in := range frInflectionsFolded {
		if stem, ok := strings.CutSuffix(f, in[0]); ok && stem != "" && d.folded[stem+in[1]] {
			return true
		}
	}
	return false
}

// accentFix returns the only French word that differs from w (lowercase,
// unknown to the dictionary) by accents alone.
func (d *frenchDict) accentFix(w string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if fix, seen := d.fixes[w]; seen {
		return fix, fix != ""
	}
	if d.fixes == nil {
		d.fixes = map[string]string{}
	}
	fix, ok := d.accentFixLocked(w)
	d.fixes[w] = fix
	return fix, ok
}

func (d *frenchDict) accentFixLocked(w string) (string, bool) {
	// A known word (a root or a regular form of one) has no fix, and most
	// words are known: answer before generating variants. Then a word none
	// of whose variants can be a candidate has none either.
	if d.mayBeWord(w, frInflections, frMoreInflections) || !d.mayHaveVariant(foldAccents(w)) {
		return "", false
	}
	// Cheap candidates first: most words have none, and then the slow
	// Spell of w itself is not needed.
	var cands []string
	ok := accentVariants(foldAccents(w), 2048, func(v string) {
		if v != w && len(cands) < 8 && d.mayBeWord(v, frInflections) {
			cands = append(cands, v)
		}
	})
	if !ok || len(cands) == 0 || d.spellLocked(w) {
		return "", false
	}
	found := ""
	for _, v := range cands {
		if d.spellLocked(v) {
			if found != "" {
				return "", false
			}
			found = v
		}
	}
	return found, found != ""
}
