package rules

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/postlint/postlint/lint"
)

// FrenchTyposOptions are the options of french-typos.
type FrenchTyposOptions struct {
	// Dictionary turns the hunspell check on or off.
	Dictionary bool `yaml:"dictionary"`
	// Ignore lists words and phrases (as written in the list, or any word
	// for the dictionary check) never to report.
	Ignore []string `yaml:"ignore"`
	// SiteWords: a word found in at least this many files of the site is
	// site vocabulary for the dictionary check (0 turns this off).
	SiteWords int `yaml:"site-words"`
}

// Validate checks option values.
func (o *FrenchTyposOptions) Validate() error {
	if o.SiteWords < 0 {
		return fmt.Errorf("site-words must be 0 or more, not %d", o.SiteWords)
	}
	return nil
}

// FrenchTypos reports common French misspellings.
var FrenchTypos = newFrenchTypos(&frenchDictLoader{})

// newFrenchTypos makes the rule around a dictionary loader, which tests
// inspect.
func newFrenchTypos(loader *frenchDictLoader) *lint.Rule {
	return &lint.Rule{
		Name:            "french-typos",
		Summary:         "common French misspellings and safe grammar patterns, with corrections",
		DefaultSeverity: lint.SeverityWarning,
		Tags:            []string{"french", "spelling"},
		Fixable:         true,
		NewOptions: func() any {
			return &FrenchTyposOptions{Dictionary: true, SiteWords: 3}
		},
		Doc:   frenchTyposDoc,
		Check: func(pass *lint.Pass) { checkFrenchTypos(pass, loader) },
		Warm:  func() { frenchTable() },
	}
}

const frenchTyposDoc = `Finds frequent French misspellings in the prose of French documents and
proposes the correction; ` + "`--fix`" + ` applies it where it is unique.

Only documents whose language is French are checked (front matter
` + "`lang`" + `, Hugo language folders and ` + "`.fr.md`" + ` files, site config,
` + "`lang:`" + ` in .postlint.yml, or detection), and only their prose plus the
front matter ` + "`title`, `description`, `excerpt` and `summary`" + `: never code
spans, code blocks, URLs, HTML, or template tags.

## What is checked

1. **A built-in list** of about 15,000 misspellings with their corrections:
   some 700 written from LanguageTool's French replacement lists,
   Wikipédia's list of common errors and the usual lists of French
   mistakes, plus missing or wrong accents of dictionary words generated
   from hunspell-fr (` + "`hebergement`, `complétement`" + `): English spellings (` + "`language` → `langage`" + `,
   ` + "`connection` → `connexion`" + `), doubled or missing consonants
   (` + "`addresse`, `apartement`" + `), wrong or missing accents
   (` + "`complétement`, `succés`, `precisement`" + `) and fixed expressions
   (` + "`quelque soit` → `quel que soit`, `pallier à` → `pallier`" + `). Whole words,
   case-preserving, with either apostrophe (` + "`l'ecosystem`, `l’ecosystem`" + `).
   Entries that are also English words (` + "`language`, `connection`" + `) are
   reported only in French context (after a French article, not before an
   English word: "la connection string" is left alone).
2. **Safe grammar patterns**: ` + "`qui à` + participle → `qui a`" + `; ` + "`il/elle/on à` → `a`" + `;
   ` + "`je suis allez voir` → `allé`" + `; ` + "`il ne faut pas si fier` → `s'y fier`" + `;
   ` + "`ce dernier jours`" + `; ` + "`sont réunit` → `réunis`, `a finit` → `fini`" + `.
3. **A hunspell dictionary**, when one is found: a lowercase word unknown to
   the dictionary whose only accented spelling is a known word
   (` + "`precisement` → `précisément`" + `). Capitalised words, acronyms, words
   with digits, English words, the config's ` + "`words:`" + ` and words used in
   several files of the site are never reported. The dictionary is taken
   from ` + "`dictionaries:`" + ` in .postlint.yml (a ` + "`fr*.dic`" + ` file with its ` + "`.aff`" + `, or
   a folder), then ` + "`$DICPATH`" + `, then /usr/share/hunspell
   (Debian/Ubuntu: ` + "`apt-get install hunspell-fr`" + `). Without one, the list and
   the patterns still run; ` + "`postlint rules french-typos`" + ` says which
   dictionary is in use. Other ` + "`.dic`" + ` files under ` + "`dictionaries:`" + ` add words.

` + frenchDictCacheDoc + `

Never reported: spellings of the 1990 rectification (` + "`connaitre`, `cout`, `évènement`," + `
` + "`opèrerait`" + `), capitals without accents (` + "`ECOLE`, `l'Etat`" + `), ` + "`oe`" + ` for
` + "`œ`" + ` (typography, not spelling), capitalised words inside a sentence whose
only fault is accents (names and terms: ` + "`Referer`" + `), words touching a path or
file name (` + "`parametres.yml`" + `), and English-looking entries before inline code.

## Example

    Nous terminons plus précisement sur l'ecosystem Cilium.

is reported twice: "précisement" (did you mean "précisément"?) and
"ecosystem" (did you mean "écosystème"?).

## Fix

Apply the suggestion (` + "`postlint --fix`" + `). Where several corrections are
possible (` + "`quelque soit` → `quel que soit` or `quelle que soit`" + `) no automatic
fix is attached.

## Options

    rules:
      french-typos:
        dictionary: true   # use a hunspell dictionary when one is found
        site-words: 3      # words used in this many files are site vocabulary
        ignore: [ecosystem, "quelque soit"]   # never report these

To accept a word everywhere, add it to ` + "`words:`" + ` in .postlint.yml (all spelling
rules use it) or to ` + "`ignore:`" + ` here; to accept it once, use
` + "`<!-- postlint-disable-line french-typos -->`" + `.
`

//go:embed data/french_typos.tsv
var frenchTyposTSV string

//go:embed data/french_english.txt
var frenchEnglishTXT string

// frEntry is one misspelling of the list.
type frEntry struct {
	wrong string
	words []string // lowercase tokens of wrong
	seps  []frSep  // separator before words[i], i ≥ 1
	right []string // corrections; a fix only when there is one
	cat   string
	// english marks a wrong form that is also an English word: it needs
	// French context.
	english bool
	// lowerOnly marks a short form that is an acronym in capitals ("CA").
	lowerOnly bool
}

type frTable struct {
	byFirst map[string][]*frEntry
	// firstWords has the keys of byFirst: nine words in ten start no
	// entry, and this filter rules most of them out without the map
	// lookup.
	firstWords *wordFilter
	// shortFirst has the entries of byFirst whose first word has at most
	// shortFirstLen bytes: some 35 words ("à", "en", "par", "plus"), among
	// the most frequent of French, that start most of the entries a text
	// has candidates for. Their small map stays in the CPU's cache where
	// byFirst's 15,000 words do not.
	shortFirst map[string][]*frEntry
	count      int
	// anyEnglish holds the English words of french_english.txt plus the
	// one-word entries that are English: words never checked against the
	// dictionary. englishWords filters them the same way, as the
	// dictionary check asks about most words of a text.
	anyEnglish   map[string]bool
	englishWords *wordFilter
}

// shortFirstLen is the longest first word, in bytes, of shortFirst.
const shortFirstLen = 4

// indexShortFirst fills shortFirst from byFirst.
func (t *frTable) indexShortFirst() {
	t.shortFirst = map[string][]*frEntry{}
	for w, entries := range t.byFirst {
		if len(w) <= shortFirstLen {
			t.shortFirst[w] = entries
		}
	}
}

// entriesStarting returns the entries whose first word is the lowercase
// word w.
func (t *frTable) entriesStarting(w string) []*frEntry {
	if len(w) <= shortFirstLen {
		return t.shortFirst[w]
	}
	return t.byFirst[w]
}

// mayStartEntry reports whether an entry may start with the lowercase
// word w; when false, none does.
func (t *frTable) mayStartEntry(w string) bool {
	return t.firstWords.mayHave(w)
}

// isEnglish reports whether w is one of anyEnglish.
func (t *frTable) isEnglish(w string) bool {
	return t.englishWords.mayHave(w) && t.anyEnglish[w]
}

// wordFilter has the bit frFirstWordHash(w) set for each word w of a set:
// 16 KB that stay in cache, cheaper to ask than the set's map.
type wordFilter [1 << frFirstWordHashBits / 64]uint64

func (f *wordFilter) add(w string) {
	h := frFirstWordHash(w)
	f[h/64] |= 1 << (h % 64)
}

// mayHave reports whether w may be in the set; when false, it is not.
func (f *wordFilter) mayHave(w string) bool {
	h := frFirstWordHash(w)
	return f[h/64]&(1<<(h%64)) != 0
}

const frFirstWordHashBits = 17

// frFirstWordHash mixes the length and four bytes of w into
// frFirstWordHashBits bits: cheaper than the map's hash of the whole word,
// and selective enough that a fifth of the words of a French text pass.
func frFirstWordHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint32(n)*0x9E3779B1 ^ uint32(w[0]) ^ uint32(w[n-1])<<8 ^ uint32(w[n/2])<<16 ^ uint32(w[(n-1)/3])<<24
	x *= 0x85EBCA6B
	return x >> (32 - frFirstWordHashBits)
}

// frenchTable parses the embedded data once; the result is read-only.
var frenchTable = sync.OnceValue(frenchTableBuild)

func frenchTableBuild() *frTable {
	// Sized from the line count up front: the table is built on every run
	// that checks a French document, and growing its maps and entries one
	// by one was half of its 30 ms.
	lines := strings.Count(frenchTyposTSV, "\n") + 1
	t := &frTable{byFirst: make(map[string][]*frEntry, lines), anyEnglish: map[string]bool{}, firstWords: new(wordFilter), englishWords: new(wordFilter)}
	entries := make([]frEntry, 0, lines)
	var cols [4]string
	var toks []frToken
	for rest := frenchTyposTSV; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n := splitTabs(line, &cols)
		if n < 3 {
			continue
		}
		entries = append(entries, frEntry{wrong: cols[0], right: strings.Split(cols[1], "|"), cat: cols[2]})
		e := &entries[len(entries)-1]
		if n > 3 {
			e.english = strings.Contains(cols[3], "en")
			e.lowerOnly = strings.Contains(cols[3], "lc")
		}
		toks = appendFrenchTokens(toks[:0], cols[0])
		if len(toks) == 0 {
			entries = entries[:len(entries)-1]
			continue
		}
		e.words = make([]string, len(toks))
		if len(toks) > 1 {
			e.seps = make([]frSep, 0, len(toks)-1)
		}
		for i, tk := range toks {
			e.words[i] = tk.lower
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

// splitTabs puts the first len(cols) tab-separated fields of line into
// cols (the last one keeps any further tabs) and returns how many there
// are, without allocating.
func splitTabs(line string, cols *[4]string) int {
	n := 0
	for n < len(cols)-1 {
		field, rest, found := strings.Cut(line, "\t")
		cols[n] = field
		n++
		if !found {
			return n
		}
		line = rest
	}
	cols[n] = line
	return n + 1
}

// frenchContextBefore are words after which a word that is both English
// and a French misspelling is surely meant as French.
var frenchContextBefore = setOfWords("le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces",
	"mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs",
	"au", "aux", "en", "et", "par", "pour", "avec", "sans", "sur", "dans", "chaque", "tout", "toute", "tous", "toutes",
	"nouveau", "nouvelle", "autre", "même", "quel", "quelle", "bon", "bonne", "meilleur", "meilleure", "premier", "première")

// englishNext are words that, after a word, show an English phrase ("la
// connection string", "le language server").
var englishNext = setOfWords("the", "of", "and", "or", "to", "in", "on", "for", "with", "is", "are",
	"an", "string", "strings", "server", "servers", "pool", "pooling", "timeout", "manager", "management", "file", "files",
	"name", "type", "types", "error", "errors", "mode", "level", "id", "key", "keys", "data", "set", "map", "model",
	"design", "support", "guide", "pattern", "patterns", "tool", "tools", "service", "services", "api", "box",
	"state", "status", "handler", "handlers", "reset", "refused", "lost", "closed", "request", "requests", "check",
	"checks", "list", "limit", "limits", "settings", "setting", "config", "configuration", "policy", "policies", "page",
	"pages", "test", "tests", "engine", "team", "teams", "center", "specification", "spec", "specs", "feature",
	"features", "protocol", "layer", "version", "versions", "branch", "builder", "plan", "plans", "options",
	"injection", "call", "calls", "binding", "bindings", "advocate", "advocates", "variable", "variables", "serving",
	"solving", "graph", "hell", "tree", "scanning", "update", "updates", "review", "loop", "detection", "shaping",
	"engineering", "engineer", "engineers", "design", "driven", "first", "based", "ready", "friendly", "at")

// elisionPrefixes are the words that end in an apostrophe in French.
var elisionPrefixes = setOfWords("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu")

// maxDictWord is the longest word, in bytes, looked up in the dictionary
// ("anticonstitutionnellement" has 25 letters).
const maxDictWord = 40

// frChecker checks the texts of one document.
type frChecker struct {
	pass     *lint.Pass
	opts     *FrenchTyposOptions
	table    *frTable
	dict     *frenchDict
	accepted map[string]bool
	// site is the site's vocabulary (nil without a site or a dictionary,
	// or with site-words: 0).
	site *siteVocabulary
	// fixCache answers accentFix for the words the worker met last (nil
	// without a dictionary).
	fixCache *fixCache
	// reported holds the source ranges already reported, so the
	// dictionary does not repeat what the list found.
	reported map[[2]int]bool
	// emit reports a finding; fix is nil when none is attached.
	emit func(start, end int, msg string, fix *string)
	// buffers are reused from text to text, and from document to
	// document.
	frBuffers
	// offs maps the prose block being checked to the source.
	offs textOffsets
}

// frBuffers are the buffers of a checker: the tokens of a text and the
// tokens a list entry covers.
type frBuffers struct {
	toks    []frToken
	covered []bool
}

// maxPooledTokens bounds the token buffer kept for the next document, so
// that one huge document does not hold its memory for the whole run.
const maxPooledTokens = 1 << 16

// release puts the buffers in the pool, without the texts their tokens
// point to.
func (b *frBuffers) release(pool *sync.Pool) {
	if r := b.reusable(); r != nil {
		pool.Put(r)
	}
}

// reusable returns the buffers emptied, their tokens cleared, or nil when
// they are too large to keep.
func (b *frBuffers) reusable() *frBuffers {
	if cap(b.toks) > maxPooledTokens {
		return nil
	}
	clear(b.toks[:cap(b.toks)])
	return &frBuffers{toks: b.toks[:0], covered: b.covered[:0]}
}

func checkFrenchTypos(pass *lint.Pass, loader *frenchDictLoader) {
	if pass.Doc.Lang != "fr" {
		return
	}
	opts, _ := pass.Options.(*FrenchTyposOptions)
	if opts == nil {
		opts = &FrenchTyposOptions{Dictionary: true, SiteWords: 3}
	}
	c := &frChecker{pass: pass, opts: opts, table: frenchTable(), accepted: map[string]bool{}, reported: map[[2]int]bool{}}
	if b, ok := loader.buffers.Get().(*frBuffers); ok {
		c.frBuffers = *b
	}
	defer c.release(&loader.buffers)
	c.emit = func(start, end int, msg string, fix *string) {
		if fix != nil {
			pass.ReportWithFix(start, end, msg, fmt.Sprintf("replace with %q", *fix), *fix)
			return
		}
		pass.Reportf(start, end, "%s", msg)
	}
	for _, w := range opts.Ignore {
		c.accepted[strings.ToLower(w)] = true
	}
	if pass.Config != nil {
		for _, w := range pass.Config.Words {
			c.accepted[strings.ToLower(w)] = true
		}
	}
	if opts.Dictionary {
		var entries []string
		dir := ""
		if pass.Config != nil {
			entries = pass.Config.Dictionaries
			if pass.Config.Path != "" {
				dir = filepath.Dir(pass.Config.Path)
			}
		}
		c.dict = loader.get(dir, entries)
		if c.dict != nil {
			c.fixCache = c.dict.takeFixCache()
			defer c.dict.putFixCache(c.fixCache)
		}
		if c.dict != nil && opts.SiteWords > 0 && pass.Site != nil {
			c.site = siteVocabularyOf(pass.Site)
		}
	}
	src := pass.Doc.Src
	blocks := pass.Doc.Prose()
	for i := range blocks {
		c.offs = textOffsets{block: &blocks[i], src: src}
		c.checkText(proseText(src, &blocks[i]), &c.offs)
	}
	c.checkFrontMatter()
}

// siteVocabulary tells, for a lowercase word, how many Markdown files of
// the site use it. Only the few words the dictionary would correct are
// asked about, so rather than counting every word of the site it keeps
// the site's text, lowercased, and looks for the word asked. Reading the
// site is done only when a document first has a word to correct:
// checking one file of a large site often needs none.
type siteVocabulary struct {
	site *lint.Site
	once sync.Once
	// lowered holds the lowercase text of each post and byteCounts how
	// often each byte occurs in them; counts, when the posts are more
	// than maxSiteText bytes, the count of every word instead.
	lowered    []string
	byteCounts [256]int
	counts     map[string]int
	// accents[b&0x3F] lists, in order, where the two bytes 0xC3 b occur
	// in lowered: the accented letters of French, "à" to "ÿ". Nearly every
	// word asked has one (its accents are what is wrong), and the places
	// of its rarest are far fewer than the bytes of the site to search.
	accents [64][]textPlace

	mu      sync.Mutex
	answers map[string]int // uses of the words asked so far
}

// maxSiteText bounds the lowercase text a site's vocabulary keeps; a
// larger site has all its words counted instead.
const maxSiteText = 16 << 20

// siteVocabularyOf returns the site's vocabulary, shared by its documents.
func siteVocabularyOf(site *lint.Site) *siteVocabulary {
	v, _ := site.Memo("french-typos/site-words", func() any { return &siteVocabulary{site: site} }).(*siteVocabulary)
	return v
}

// uses returns how many files of the site use the lowercase word w,
// reading the site on first use.
func (v *siteVocabulary) uses(w string) int {
	v.once.Do(func() { v.read(maxSiteText) })
	if v.counts != nil {
		return v.counts[w]
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if n, ok := v.answers[w]; ok {
		return n
	}
	n := 0
	if k := v.rarestAccent(w); k >= 0 {
		n = v.countAt(w, k)
	} else if w != "" {
		anchor := v.rarestByte(w)
		for _, text := range v.lowered {
			if hasWord(text, w, anchor) {
				n++
			}
		}
	}
	if v.answers == nil {
		v.answers = map[string]int{}
	}
	v.answers[w] = n
	return n
}

// read keeps the lowercase text of the site's posts (a file that cannot
// be read is left out, as countSiteWords does), or counts their words
// when they are more than limit bytes.
func (v *siteVocabulary) read(limit int) {
	total := 0
	var raw, buf []byte
	for _, p := range v.site.Posts {
		var err error
		raw, err = readFileInto(raw, filepath.Join(v.site.Root, filepath.FromSlash(p.Path)))
		if err != nil {
			continue
		}
		buf = appendLower(buf[:0], raw)
		if total += len(buf); total > limit {
			v.lowered, v.accents = nil, [64][]textPlace{}
			v.counts = countSiteWords(v.site)
			return
		}
		// One byte in siteByteSample is counted: enough to tell rare bytes
		// from common ones.
		for i := 0; i < len(buf); i += siteByteSample {
			v.byteCounts[buf[i]]++
		}
		v.indexAccents(len(v.lowered), buf)
		v.lowered = append(v.lowered, string(buf))
	}
}

// textPlace is a byte offset in one of the texts of a siteVocabulary.
type textPlace struct {
	text, off int32
}

// indexAccents adds the places of the accented letters of text number
// n, whose lowercase bytes are lowered, to accents.
func (v *siteVocabulary) indexAccents(n int, lowered []byte) {
	for i := 0; ; i++ {
		j := bytes.IndexByte(lowered[i:], 0xC3)
		if j < 0 || i+j+1 >= len(lowered) {
			return
		}
		// A lead byte, as lowered is valid UTF-8: a continuation byte
		// follows, never 0xC3.
		i += j
		b := lowered[i+1] & 0x3F
		v.accents[b] = append(v.accents[b], textPlace{int32(n), int32(i)})
	}
}

// rarestAccent returns the offset in w of its accented letter ("à" to
// "ÿ") that occurs the fewest times in the site, or -1 when it has none.
func (v *siteVocabulary) rarestAccent(w string) int {
	best := -1
	for i := 0; i+1 < len(w); i++ {
		if w[i] == 0xC3 && w[i+1]&0xC0 == 0x80 &&
			(best < 0 || len(v.accents[w[i+1]&0x3F]) < len(v.accents[w[best+1]&0x3F])) {
			best = i
		}
	}
	return best
}

// countAt counts the texts that have w as a word, trying only the places
// of its accented letter at w[k] (rarestAccent): w occurs nowhere else.
// It finds what hasWord finds, which searches the whole text.
func (v *siteVocabulary) countAt(w string, k int) int {
	n := 0
	last := int32(-1) // the last text found to have w
	for _, p := range v.accents[w[k+1]&0x3F] {
		if p.text == last {
			continue
		}
		text := v.lowered[p.text]
		start := int(p.off) - k
		// The first byte, compared first, rules out most places.
		if start < 0 || text[start] != w[0] || !strings.HasPrefix(text[start:], w) || !wordStartsAt(text, start) {
			continue
		}
		if end, _, _, _ := wordEnd(text, start); end == start+len(w) {
			n++
			last = p.text
		}
	}
	return n
}

// siteByteSample is the stride of the bytes byteCounts counts.
const siteByteSample = 8

// readFileInto reads the file at path into buf, which it grows as needed
// and returns: reading the pages of a site into one buffer spares an
// allocation for each.
func readFileInto(buf []byte, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf, err
	}
	defer func() { _ = f.Close() }()
	buf = buf[:0]
	if st, err := f.Stat(); err == nil && st.Size() < 1<<30 {
		// One more byte, so that the end is found without growing.
		buf = slices.Grow(buf, int(st.Size())+1)
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// rarestByte returns the index in w of the byte least frequent in the
// site's text: searching for it finds the fewest places to compare w.
func (v *siteVocabulary) rarestByte(w string) int {
	best := 0
	for i := 1; i < len(w); i++ {
		if v.byteCounts[w[i]] < v.byteCounts[w[best]] {
			best = i
		}
	}
	return best
}

// hasWord tells whether one of the words frenchWords finds in the
// lowercase text is w, searching for its byte w[anchor]. Lowercasing maps
// each rune on its own and keeps word runes and hyphens as they are
// (TestLowerKeepsWordRunes), so the words of a lowercased text are the
// lowercased words of the text.
func hasWord(text, w string, anchor int) bool {
	for i := anchor; i < len(text); {
		j := strings.IndexByte(text[i:], w[anchor])
		if j < 0 {
			return false
		}
		start := i + j - anchor
		if strings.HasPrefix(text[start:], w) && wordStartsAt(text, start) {
			if end, _, _, _ := wordEnd(text, start); end == start+len(w) {
				return true
			}
		}
		i += j + 1
	}
	return false
}

// wordStartsAt tells whether a word of text starts at byte i: a word rune
// after neither a word rune nor a hyphen that joins it to one (wordEnd).
// text must be valid UTF-8, as appendLower's output always is, so that
// runes decode the same backwards.
func wordStartsAt(text string, i int) bool {
	if r, _ := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
		return false
	}
	before, size := utf8.DecodeLastRuneInString(text[:i])
	if before == '-' {
		before, _ = utf8.DecodeLastRuneInString(text[:i-size])
	}
	return !isWordRune(before)
}

// countSiteWords reads every Markdown file of the site and counts, for
// each lowercase word, the files that use it.
func countSiteWords(site *lint.Site) map[string]int {
	// Words are numbered in the order met: files[n] counts the files that
	// use word n and lastFile[n] is the last of them, so that a file
	// counts once without a set of its own. Each word with capitals is
	// lowercased into one buffer; a word is copied only the first time.
	number := map[string]int{}
	var files, lastFile []int
	var lower []byte
	for f, p := range site.Posts {
		b, err := os.ReadFile(filepath.Join(site.Root, filepath.FromSlash(p.Path)))
		if err != nil {
			continue
		}
		frenchWords(string(b), func(w string, upper bool) {
			// Most words are lowercase: looked up as they are.
			var n int
			var ok bool
			if upper {
				lower = appendLower(lower[:0], w)
				n, ok = number[string(lower)]
			} else {
				n, ok = number[w]
			}
			if !ok {
				n = len(files)
				if upper {
					number[string(lower)] = n
				} else {
					number[strings.Clone(w)] = n // w is part of the file's text
				}
				files = append(files, 0)
				lastFile = append(lastFile, -1)
			}
			if lastFile[n] != f {
				lastFile[n] = f
				files[n]++
			}
		})
	}
	counts := make(map[string]int, len(number))
	for w, n := range number {
		counts[w] = files[n]
	}
	return counts
}

// textOffsets maps the offsets of a text to the source. For a prose
// block it asks ProseBlock.Text for the map, eight bytes per byte of
// text, only when a finding needs it: most blocks have none.
type textOffsets struct {
	offs  []int
	block *lint.ProseBlock // when offs is nil
	src   []byte
}

// at returns the source offset of text offset i.
func (t *textOffsets) at(i int) int {
	if t.offs == nil {
		_, t.offs = t.block.Text(t.src)
	}
	return t.offs[i]
}

// span maps text offsets [s, e) to source offsets; exact is false when the
// source between them is not the text itself (emphasis marks, a line
// break joined), so that replacing it would lose markup.
func span(offs *textOffsets, s, e int) (start, end int, exact bool) {
	start = offs.at(s)
	end = offs.at(e-1) + 1
	return start, end, end-start == e-s
}

func (c *frChecker) report(offs *textOffsets, s, e int, wrong string, rights []string, why string) {
	start, end, exact := span(offs, s, e)
	if c.reported[[2]int{start, end}] {
		return
	}
	c.reported[[2]int{start, end}] = true
	quoted := make([]string, len(rights))
	for i, r := range rights {
		quoted[i] = fmt.Sprintf("%q", r)
	}
	msg := fmt.Sprintf("%q: %s; did you mean %s?", wrong, why, strings.Join(quoted, " or "))
	if len(rights) == 1 && exact {
		c.emit(start, end, msg, &rights[0])
		return
	}
	c.emit(start, end, msg, nil)
}

var frCategoryWhy = map[string]string{
	"anglicisme":  "English spelling of a French word",
	"consonnes":   "doubled or missing consonant",
	"accents":     "wrong or missing accent",
	"accents-gen": "missing or wrong accent",
	"expression":  "wrong fixed expression",
	"orthographe": "common misspelling",
	"grammaire":   "common grammar mistake",
}

func (c *frChecker) checkText(text string, offs *textOffsets) {
	c.toks = appendFrenchTokens(c.toks[:0], text)
	toks := c.toks
	c.covered = slices.Grow(c.covered[:0], len(toks))[:len(toks)]
	clear(c.covered)
	covered := c.covered
	for i := 0; i < len(toks); i++ {
		if n := c.matchList(toks, i, text, offs); n > 0 {
			for k := i; k < i+n; k++ {
				covered[k] = true
			}
			i += n - 1
		}
	}
	c.checkPatterns(toks, text, offs, covered)
	if c.dict != nil {
		c.checkDictionary(toks, offs, covered)
	}
}

// matchList reports the longest list entry starting at token i and returns
// its length in tokens (0 when none matches or it is not reported).
func (c *frChecker) matchList(toks []frToken, i int, text string, offs *textOffsets) int {
	if !c.table.mayStartEntry(toks[i].lower) {
		return 0
	}
	cands := c.table.entriesStarting(toks[i].lower)
	var best *frEntry
	for _, e := range cands {
		if i+len(e.words) > len(toks) || (best != nil && len(e.words) <= len(best.words)) {
			continue
		}
		ok := true
		for k := 1; k < len(e.words); k++ {
			t := toks[i+k]
			if t.lower != e.words[k] || t.sep != e.seps[k-1] {
				ok = false
				break
			}
		}
		if ok {
			best = e
		}
	}
	if best == nil {
		return 0
	}
	first, last := toks[i], toks[i+len(best.words)-1]
	if first.codeLike || last.codeLike {
		return 0
	}
	wrong := text[first.start:last.end]
	if c.accepted[strings.ToLower(wrong)] {
		return 0
	}
	shape := shapeOf(wrong)
	if len(best.words) > 1 {
		shape = shapeOf(first.text)
		if shape == caseUpper && shapeOf(wrong) != caseUpper {
			shape = caseTitle
		}
	}
	if shape == caseMixed {
		return 0
	}
	if best.lowerOnly && shape != caseLower && (shape != caseTitle || !first.sentenceStart) {
		return 0
	}
	if best.english {
		// "le role `common`": before inline code the English word names a
		// technical term.
		if strings.HasPrefix(strings.TrimLeft(text[last.end:], " \u00a0"), string(lint.Placeholder)) ||
			!c.frenchContext(toks, i, len(best.words), shape) {
			return 0
		}
	}
	rights := make([]string, len(best.right))
	for k, r := range best.right {
		rights[k] = applyShape(r, shape)
		if strings.Contains(wrong, "’") {
			// Keep the writer's apostrophe.
			rights[k] = strings.ReplaceAll(rights[k], "'", "’")
		}
	}
	// Capitals may go without accents ("ETAT", "REGENERER"); a capitalised
	// word inside a sentence is a name or a term ("Referer", an HTTP
	// header), unless more than accents are wrong.
	if len(best.right) == 1 && accentOnly(wrong, best.right[0]) && foldAccents(wrong) == wrong {
		if shape == caseUpper || (shape == caseTitle && !first.sentenceStart) {
			return 0
		}
	}
	if best.cat == "accents-gen" && shape == caseTitle && !first.sentenceStart {
		return 0
	}
	// French tolerates unaccented capitals: "Etat" for "État".
	if shape != caseLower && len(best.right) == 1 && foldAccents(rights[0]) == strings.ReplaceAll(wrong, "’", "'") {
		fr, _ := utf8.DecodeRuneInString(rights[0])
		rest := rights[0][utf8.RuneLen(fr):]
		_, ws := utf8.DecodeRuneInString(wrong)
		if foldAccents(string(fr)) != string(fr) && rest == wrong[ws:] {
			return 0
		}
	}
	why := frCategoryWhy[best.cat]
	if why == "" {
		why = "common misspelling"
	}
	c.report(offs, first.start, last.end, wrong, rights, why)
	return len(best.words)
}

// frenchContext tells whether an entry that is also English, matched at
// toks[i:i+n], sits in French: lowercase, after a French article or
// preposition, and not followed by an English word.
func (c *frChecker) frenchContext(toks []frToken, i, n int, shape caseShape) bool {
	if shape != caseLower || i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.sep == sepNone && i-1 > 0 {
		return false
	}
	if !frenchContextBefore[prev.lower] || (toks[i].sep != sepSpace && toks[i].sep != sepApos) {
		return false
	}
	if j := i + n; j < len(toks) && toks[j].sep == sepSpace {
		next := toks[j]
		// "-ing" words are English, or borrowed from it ("traffic shaping").
		if englishNext[next.lower] || c.table.isEnglish(next.lower) ||
			(len(next.lower) > 5 && strings.HasSuffix(next.lower, "ing")) {
			return false
		}
		// With a dictionary: a lowercase word unknown to French makes an
		// English phrase ("le traffic shaping").
		if c.dict != nil && shapeOf(next.text) == caseLower && !next.hasDigit && len(next.text) <= maxDictWord && !c.dict.spell(next.text) {
			return false
		}
	}
	return true
}

// checkDictionary reports lowercase words unknown to the dictionary whose
// accented spelling is unique.
func (c *frChecker) checkDictionary(toks []frToken, offs *textOffsets, covered []bool) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if covered[i] || len(t.text) > maxDictWord {
			// No French word is that long; hunspell lookups of very long
			// strings are slow.
			continue
		}
		if t.sep == sepApos && (i == 0 || !elisionPrefixes[toks[i-1].lower]) {
			// The end of "aujourd'hui", "don't": checked with its start.
			continue
		}
		// The word, or the parts of "peut-etre", that have a fix. The whole
		// token ("aujourd'hui", "vis-à-vis") is looked up only then, as
		// Spell is slow.
		var whole string
		if i+1 < len(toks) && toks[i+1].sep == sepApos {
			if elisionPrefixes[t.lower] {
				// "l'équipe": the word after the apostrophe is checked alone.
				continue
			}
			whole = t.text + "'" + toks[i+1].text
		}
		if t.hasDigit || t.codeLike || !t.plainLower && shapeOf(t.text) != caseLower {
			continue
		}
		parts := []string{t.text}
		if !t.plainLower && strings.Contains(t.text, "-") {
			if c.accepted[t.lower] {
				continue
			}
			parts = strings.Split(t.text, "-")
			whole = t.text
		}
		type found struct {
			start     int
			word, fix string
		}
		var fixes []found
		off := t.start
		for _, part := range parts {
			if fix, ok := c.wordFix(part, t.plainLower); ok {
				fixes = append(fixes, found{off, part, fix})
			}
			off += len(part) + 1
		}
		if len(fixes) == 0 || (whole != "" && c.dict.spell(whole)) {
			continue
		}
		for _, f := range fixes {
			c.report(offs, f.start, f.start+len(f.word), f.word, []string{f.fix}, "unknown word, wrong or missing accent")
		}
	}
}

// frenchAccepted are spellings the dictionary lacks but French usage
// accepts (rectified accents on borrowed words).
var frenchAccepted = setOfWords("sénior", "séniors", "sénioriale", "séniorité")

// wordFix returns the accented spelling of a word unknown to the
// dictionary, when it is unique and the word is none of the site's.
// plainLower tells that w is plainLower (frToken), so only letters.
func (c *frChecker) wordFix(w string, plainLower bool) (string, bool) {
	// Short words and words with other characters than letters go first,
	// without a lookup; the site is searched last, for the few words the
	// dictionary would correct.
	if len(w) < 4 || len(w) < minBytesOfFourRunes(plainLower) && utf8.RuneCountInString(w) < 4 {
		return "", false
	}
	if !plainLower {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return "", false
			}
		}
	}
	// Most words have no fix, which the worker's cache knows: then the
	// other tests need not be made.
	hasFix, cached := c.fixCache.lookup(w)
	if cached && !hasFix {
		return "", false
	}
	if c.accepted[w] || c.table.isEnglish(w) {
		return "", false
	}
	// accentFix returns nothing for a known word.
	fix, ok := c.dict.accentFix(w)
	if !cached {
		c.fixCache.store(w, ok)
	}
	if !ok || tolerated(w, fix) || frenchAccepted[w] || isOELigatureOnly(w, fix) {
		return "", false
	}
	if c.site != nil && c.site.uses(w) >= c.opts.SiteWords {
		return "", false
	}
	return fix, true
}

// minBytesOfFourRunes is the length from which a word has at least four
// runes without counting them: a rune has at most four bytes, or two in a
// plainLower word (frToken), and a byte of invalid UTF-8 counts as one.
func minBytesOfFourRunes(plainLower bool) int {
	if plainLower {
		return 4 * 2
	}
	return 4 * utf8.UTFMax
}

// isOELigatureOnly tells whether fix only writes "oe" as "œ" ("coeur"):
// typography (french-typography), not spelling.
func isOELigatureOnly(w, fix string) bool {
	return strings.Contains(fix, "œ") && strings.ReplaceAll(fix, "œ", "oe") == w
}

// frFrontMatterKeys are the front matter fields that are prose.
var frFrontMatterKeys = []string{"title", "description", "excerpt", "summary"}

func (c *frChecker) checkFrontMatter() {
	doc := c.pass.Doc
	fm := &doc.FrontMatter
	if !fm.Has() || fm.Data == nil {
		return
	}
	for _, key := range frFrontMatterKeys {
		v, ok := fm.Data[key].(string)
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		start := c.frontMatterValueOffset(key, v)
		if start < 0 {
			continue
		}
		offs := make([]int, len(v)+1)
		for i := range offs {
			offs[i] = start + i
		}
		c.checkText(v, &textOffsets{offs: offs})
	}
}

// frontMatterValueOffset finds where the value of key is written verbatim
// in the front matter, or -1 (a value with escapes or folded over lines
// is skipped rather than misplaced).
func (c *frChecker) frontMatterValueOffset(key, value string) int {
	doc := c.pass.Doc
	fm := &doc.FrontMatter
	src := doc.Src
	if fm.Format == lint.FrontMatterYAML && fm.YAML != nil {
		root := fm.YAML
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = root.Content[0]
		}
		if root.Kind != yaml.MappingNode {
			return -1
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			k, val := root.Content[i], root.Content[i+1]
			if k.Value != key || val.Kind != yaml.ScalarNode {
				continue
			}
			base := doc.Lines.Position(fm.Content.Start).Line - 1
			line := base + val.Line
			from := doc.Lines.OffsetOf(line, val.Column)
			if from < fm.Content.Start || from > fm.Content.End {
				return -1
			}
			end := fm.Content.End
			if j := strings.Index(string(src[from:end]), value); j >= 0 && !strings.Contains(value, "\n") {
				// Only on the value's own line.
				if lineEnd := doc.Lines.LineEnd(line); from+j+len(value) <= lineEnd {
					return from + j
				}
			}
			return -1
		}
		return -1
	}
	// TOML and JSON: the line that sets the key, then the value on it.
	first := doc.Lines.Position(fm.Content.Start).Line
	last := doc.Lines.Position(fm.Content.End).Line
	for n := first; n <= last; n++ {
		l := string(doc.Lines.Line(n))
		trim := strings.TrimLeft(l, " \t")
		k := strings.Trim(strings.SplitN(strings.SplitN(trim, "=", 2)[0], ":", 2)[0], " \t\"")
		if k != key {
			continue
		}
		if j := strings.Index(l, value); j >= 0 {
			return doc.Lines.LineStart(n) + j
		}
		return -1
	}
	return -1
}
