package rules

import (
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

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
	mu   sync.Mutex
	path string
	// extra are the site's word lists, added to the speller when loaded.
	extra []string
	// err is set at load when the dictionary does not parse; the loader
	// then returns no dictionary.
	err error
	// words holds every dictionary word (gospell's HasWord) and folded
	// every one with its accents folded: an unknown word none of whose
	// accent variants can be a candidate is answered without generating
	// them (up to 2,048 variants, each tried with every inflection). Both
	// come from the cache when it is fresh, so most runs never parse the
	// dictionary.
	words, folded wordSet
	// suffixRoots ("marteler/b0") and suffixes, the .aff's suffix rules
	// read on the first Spell, answer "known" for a root plus one suffix
	// without the full speller (see french_dict_affix.go).
	suffixRoots   wordSet
	suffixes      *suffixRules
	suffixesTried bool
	// gs, the full speller, is loaded on the first Spell only (about half
	// a second); spellerLoads counts those loads for tests.
	gs           *gospell.GoSpell
	gsErr        error
	gsTried      bool
	spellerLoads *atomic.Int32
	// known (under mu) and fixes cache answers: Spell is slow on unknown
	// words and blogs repeat their words.
	known map[string]bool
	// answers keeps the full speller's answers across runs; they are read
	// into known on the first Spell.
	answers     *spellAnswers
	answersRead bool
	// fixes is asked about nearly every word of every French document, by
	// every worker: its shards, each with a lock of its own, spare the
	// workers from waiting on mu, which only a new word takes.
	fixes [fixShards]fixShard
	// fixCaches holds the workers' fixCache of this dictionary's answers
	// between documents.
	fixCaches sync.Pool
	// onSpell, when set (by tests), is called with every word the full
	// speller is asked about.
	onSpell func(w string)
}

// frenchDictLoader loads dictionaries at most once per set of paths for
// the life of the process; the rule value owns one.
type frenchDictLoader struct {
	mu    sync.Mutex
	dicts map[string]*frenchDictOnce
	// loads counts the dictionaries read, from the cache or by parsing
	// them: a test holds it to once per run, French documents only.
	loads atomic.Int32
	// spellerLoads counts the dictionaries parsed by gospell (about half a
	// second each): on a cache miss, or for the first real Spell.
	spellerLoads atomic.Int32
	// cacheDir is the folder of the word cache; empty means
	// $POSTLINT_CACHE_DIR, else os.UserCacheDir()/postlint. Tests set it.
	cacheDir string
	// buffers keeps the token buffers of a finished document for the
	// next one, rather than growing new ones for each.
	buffers sync.Pool
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
		e.dict = l.load(configDir, entries)
	})
	if e.dict == nil || e.dict.err != nil {
		return nil
	}
	return e.dict
}

// cacheFolder returns the folder of the word cache, "" when there is none.
func (l *frenchDictLoader) cacheFolder() string {
	if l.cacheDir != "" {
		return l.cacheDir
	}
	if dir := os.Getenv(cacheDirEnv); dir != "" {
		return dir
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "postlint")
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

// load finds the dictionary and reads its word sets from the cache, or
// parses it and fills the cache (silently skipped when the cache folder is
// not writable).
func (l *frenchDictLoader) load(configDir string, entries []string) *frenchDict {
	main, extra := findFrenchDict(configDir, entries)
	if main == "" {
		return nil
	}
	if abs, err := filepath.Abs(main); err == nil {
		main = abs
	}
	for i, p := range extra {
		if abs, err := filepath.Abs(p); err == nil {
			extra[i] = abs
		}
	}
	d := &frenchDict{path: main, extra: extra, spellerLoads: &l.spellerLoads, answers: &spellAnswers{}}
	file := ""
	if dir := l.cacheFolder(); dir != "" {
		file = filepath.Join(dir, frenchDictCacheName(main, extra))
	}
	key, keyErr := frenchDictCacheKey(main, extra)
	if keyErr == nil {
		d.answers = newSpellAnswers(file, key)
		if sets, ok := readFrenchDictCache(file, key); ok {
			d.words, d.folded, d.suffixRoots = sets.words, sets.folded, sets.suffixRoots
			return d
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	gs := d.spellerLocked()
	if gs == nil {
		d.err = d.gsErr
		return d
	}
	d.words, d.folded = wordSetsOf(gs)
	roots, ok := suffixRootsOf(strings.TrimSuffix(main, ".dic")+".aff", append([]string{main}, extra...))
	if !ok {
		roots = newWordSet(nil)
	}
	d.suffixRoots = roots
	if keyErr == nil {
		// The cache only saves time: a run that cannot write it works.
		_ = writeFrenchDictCache(file, key, frenchDictSets{words: d.words, folded: d.folded, suffixRoots: d.suffixRoots})
	}
	return d
}

// wordSetsOf returns the words of the speller and their folded forms.
func wordSetsOf(gs *gospell.GoSpell) (words, folded wordSet) {
	all := make([]string, 0, gs.WordCount())
	gs.ForEachWord(func(w string) bool {
		all = append(all, w)
		return true
	})
	words = newWordSet(all)
	// Folded in the words' order, the list is nearly sorted already,
	// which pdqsort sorts quickly.
	fold := make([]string, len(all))
	for i, w := range all {
		fold[i] = foldAccents(w)
	}
	return words, newWordSet(fold)
}

// spellerLocked returns the full speller, parsing the dictionary on first
// use; nil when it does not load. After a cache hit, which needs
// unchanged files, that cannot happen short of damage; Spell then knows no
// word.
func (d *frenchDict) spellerLocked() *gospell.GoSpell {
	if d.gsTried {
		return d.gs
	}
	d.gsTried = true
	d.spellerLoads.Add(1)
	gs, err := gospell.NewGoSpell(strings.TrimSuffix(d.path, ".dic")+".aff", d.path)
	if err != nil {
		d.gsErr = err
		return nil
	}
	for _, p := range d.extra {
		// A site word list that does not load only loses its words.
		_ = gs.AddDictionaryFile(p)
	}
	d.gs = gs
	return gs
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
	if !d.answersRead {
		d.answersRead = true
		if d.known == nil {
			d.known = map[string]bool{}
		}
		d.answers.readInto(d.known)
		if ok, seen := d.known[w]; seen {
			return ok
		}
	}
	if d.suffixKnownLocked(w) {
		d.known[w] = true
		return true
	}
	if d.onSpell != nil {
		d.onSpell(w)
	}
	gs := d.spellerLocked()
	if gs == nil {
		d.known[w] = false
		return false
	}
	ok := gs.Spell(w)
	d.known[w] = ok
	d.answers.record(w, ok)
	return ok
}

// suffixKnownLocked tells whether one suffix rule of the .aff makes w from
// a dictionary root: then gospell knows w, and need not be loaded.
func (d *frenchDict) suffixKnownLocked(w string) bool {
	if !d.suffixesTried {
		d.suffixesTried = true
		if aff, err := os.ReadFile(strings.TrimSuffix(d.path, ".dic") + ".aff"); err == nil {
			d.suffixes = parseSuffixRules(string(aff))
		}
	}
	return d.suffixes != nil && d.suffixes.derives(w, d.suffixRoots)
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
	if d.words.has(v) {
		return true
	}
	for _, list := range inflections {
		for _, in := range list {
			if stem, ok := strings.CutSuffix(v, in[0]); ok && stem != "" && d.words.has(stem+in[1]) {
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
	if d.folded.has(f) {
		return true
	}
	for _, in := range frInflectionsFolded {
		if stem, ok := strings.CutSuffix(f, in[0]); ok && stem != "" && d.folded.has(stem+in[1]) {
			return true
		}
	}
	return false
}

// accentFix returns the only French word that differs from w (lowercase,
// unknown to the dictionary) by accents alone.
func (d *frenchDict) accentFix(w string) (string, bool) {
	shard := &d.fixes[fixShardOf(w)]
	shard.mu.Lock()
	fix, seen := shard.fixes[w]
	shard.mu.Unlock()
	if seen {
		return fix, fix != ""
	}
	d.mu.Lock()
	fix, ok := d.accentFixLocked(w)
	d.mu.Unlock()
	// Two workers meeting a new word at once both work out its fix, the
	// same one.
	shard.mu.Lock()
	if shard.fixes == nil {
		shard.fixes = map[string]string{}
	}
	// w is most often part of a document's text: a copy does not keep
	// the text alive, and the copies of the words lie together.
	shard.fixes[strings.Clone(w)] = fix
	shard.mu.Unlock()
	return fix, ok
}

// fixShards is the number of shards of the accent fixes: a few times the
// number of workers, so that two rarely want the same lock at once.
const fixShards = 16

// fixShard holds the accent fixes of the words hashed to it ("" for none).
type fixShard struct {
	mu    sync.Mutex
	fixes map[string]string
}

// fixShardOf hashes a word to its shard (FNV-1a).
func fixShardOf(w string) int {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return int(h % fixShards)
}

// fixCacheSlots is the number of slots of a worker's fixCache: 32,768 of
// 32 bytes, 1 MB. A lookup reads one slot, where one in the shared fixes
// reads three or four places of a large map, each likely a cache miss;
// a whole run over a corpus of 20,000 files finds 92% of its words there
// (82% with 8,192 slots, 93% with 65,536).
const fixCacheSlots = 1 << 15

// fixCacheRecentSlots is the number of slots, 32 KB, that keep the words
// met last in front of the others: a page uses its words again and again,
// and they stay in the core's fastest cache where the 1 MB of the others
// do not.
const fixCacheRecentSlots = 1 << 10

// fixCacheKeyLen is the longest word a fixCache keeps.
const fixCacheKeyLen = 30

// fixCache is one worker's cache in front of accentFix: whether each of
// the words it met last has an accent fix. Each word has one slot among
// the recent ones and one among the others, which a word hashed to the
// same slot takes over.
type fixCache struct {
	seed   maphash.Seed
	recent [fixCacheRecentSlots]fixCacheSlot
	slots  [fixCacheSlots]fixCacheSlot
}

type fixCacheSlot struct {
	key    [fixCacheKeyLen]byte
	n      uint8 // length of key; 0 in an empty slot
	hasFix bool
}

func (s *fixCacheSlot) holds(w string) bool {
	return int(s.n) == len(w) && string(s.key[:s.n]) == w
}

func (s *fixCacheSlot) set(w string, hasFix bool) {
	s.n = uint8(copy(s.key[:], w))
	s.hasFix = hasFix
}

// takeFixCache returns a fixCache of the dictionary's answers for one
// worker's use; putFixCache gives it back for another document.
func (d *frenchDict) takeFixCache() *fixCache {
	if c, ok := d.fixCaches.Get().(*fixCache); ok {
		return c
	}
	return &fixCache{seed: maphash.MakeSeed()}
}

func (d *frenchDict) putFixCache(c *fixCache) {
	d.fixCaches.Put(c)
}

// slots returns the recent slot and the other slot of w.
func (c *fixCache) slotsOf(w string) (recent, other *fixCacheSlot) {
	h := maphash.String(c.seed, w)
	return &c.recent[h%fixCacheRecentSlots], &c.slots[h>>32%fixCacheSlots]
}

// lookup tells whether w has an accent fix, when known tells that the
// cache has w. A nil cache has no word.
func (c *fixCache) lookup(w string) (hasFix, known bool) {
	if c == nil || w == "" || len(w) > fixCacheKeyLen {
		return false, false
	}
	recent, other := c.slotsOf(w)
	if recent.holds(w) {
		return recent.hasFix, true
	}
	if !other.holds(w) {
		return false, false
	}
	*recent = *other
	return other.hasFix, true
}

// store records whether w has an accent fix.
func (c *fixCache) store(w string, hasFix bool) {
	if c == nil || w == "" || len(w) > fixCacheKeyLen {
		return
	}
	recent, other := c.slotsOf(w)
	recent.set(w, hasFix)
	other.set(w, hasFix)
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
