package lint

import (
	"unicode"
	"unicode/utf8"
)

// functionWords are frequent short words that tell French from English
// prose; a handful of sentences are enough. Each maps to the languages it
// belongs to ("on" is both).
var functionWords = func() map[string]langSet {
	m := map[string]langSet{}
	for lang, words := range map[langSet][]string{
		french:  {"le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "pour", "dans", "sur", "avec", "que", "qui", "ce", "cette", "nous", "vous", "il", "elle", "pas", "plus", "mais", "ou", "où", "au", "aux", "sont", "ne", "je", "on", "mon", "son", "leur", "comme", "très", "été", "être", "avoir", "fait", "aussi", "donc", "par"},
		english: {"the", "and", "is", "are", "of", "to", "in", "for", "with", "that", "this", "it", "on", "as", "be", "was", "by", "not", "or", "but", "we", "you", "they", "have", "has", "from", "which", "an", "at", "can", "will", "would", "there", "their", "so", "if", "when", "what", "how"},
	} {
		for _, w := range words {
			m[w] |= lang
		}
	}
	return m
}()

// langSet is a set of the languages detection tells apart.
type langSet uint8

const (
	french langSet = 1 << iota
	english
)

// longestFunctionWord is the length in bytes of the longest function
// word: longer words need no look-up.
var longestFunctionWord = func() int {
	n := 0
	for w := range functionWords {
		n = max(n, len(w))
	}
	return n
}()

// wordKey packs a word of at most eight bytes into an integer, its bytes in
// order: words hold no zero byte, so distinct words have distinct keys.
func wordKey(word string) uint64 {
	var k uint64
	for i := 0; i < len(word); i++ {
		k = k<<8 | uint64(word[i])
	}
	return k
}

// functionWordTableSize is the number of slots of functionWordTable: a
// power of two, about three times the number of function words.
const functionWordTableSize = 256

// functionWordSlot is a slot of functionWordTable; key 0 is empty.
type functionWordSlot struct {
	key   uint64
	langs langSet
}

// functionWordTable holds functionWords by wordKey, open addressing with
// linear probing: counting looks up every short word of the text, and this
// costs a multiplication and a comparison or two where a map hashes a
// string.
var functionWordTable = func() *[functionWordTableSize]functionWordSlot {
	var t [functionWordTableSize]functionWordSlot
	for w, langs := range functionWords {
		if len(w) > 8 {
			panic("function word " + w + " is longer than a wordKey")
		}
		i := functionWordSlotOf(wordKey(w))
		for t[i].key != 0 {
			i = (i + 1) % functionWordTableSize
		}
		t[i] = functionWordSlot{wordKey(w), langs}
	}
	return &t
}()

// functionWordSlotOf is the first slot to look at for key.
func functionWordSlotOf(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15 >> 56) % functionWordTableSize
}

// functionWordLangs returns the languages of the word whose wordKey is key
// (none when it is no function word).
func functionWordLangs(key uint64) langSet {
	for i := functionWordSlotOf(key); ; i = (i + 1) % functionWordTableSize {
		switch functionWordTable[i].key {
		case key:
			return functionWordTable[i].langs
		case 0:
			return 0
		}
	}
}

// functionWordCounts counts the function words of each language in a text
// fed to it piece by piece.
type functionWordCounts struct{ fr, en, total int }

// add counts the function words of text. Words are the runs of letters of
// the lower-cased text; text is cut at a word boundary (the caller joins
// pieces with a space).
func (c *functionWordCounts) add(text []byte) {
	// key is the wordKey of the current word, lower-cased, and n its length
	// in bytes: once n passes longestFunctionWord the word is no function
	// word, and what key holds no longer matters.
	var key uint64
	n := 0
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			// ASCII, most prose: only A-Z and a-z are letters.
			i++
			if l := b | ('a' - 'A'); 'a' <= l && l <= 'z' {
				key = key<<8 | uint64(l)
				n++
				continue
			}
		} else {
			r, size := utf8.DecodeRune(text[i:])
			i += size
			if r = unicode.ToLower(r); unicode.IsLetter(r) {
				var enc [utf8.UTFMax]byte
				for _, e := range enc[:utf8.EncodeRune(enc[:], r)] {
					key = key<<8 | uint64(e)
					n++
				}
				continue
			}
		}
		if n > 0 && n <= longestFunctionWord {
			c.count(key)
		}
		key, n = 0, 0
	}
	if n > 0 && n <= longestFunctionWord {
		c.count(key)
	}
}

// count counts the word whose wordKey is key if it is a function word.
func (c *functionWordCounts) count(key uint64) {
	langs := functionWordLangs(key)
	if langs&french != 0 {
		c.fr++
		c.total++
	}
	if langs&english != 0 {
		c.en++
		c.total++
	}
}

// language is the verdict: "fr" or "en" when one language has at least
// twice the other's function words, of at least five in all.
func (c *functionWordCounts) language() string {
	if c.total < 5 {
		return ""
	}
	switch {
	case c.fr >= 2*c.en:
		return "fr"
	case c.en >= 2*c.fr:
		return "en"
	}
	return ""
}

// DetectLanguage guesses "fr" or "en" from function words in text; "" when
// the text is too short or too mixed to tell.
func DetectLanguage(text string) string {
	var c functionWordCounts
	c.add([]byte(text))
	return c.language()
}

// detectionSample is how much prose, in bytes, detection reads: the blocks
// up to the first that takes the sample past it.
const detectionSample = 4000

// detectLanguage sets d.Lang following the documented precedence: --lang,
// front matter, the page's place in a Hugo site, the site config, the
// .postlint.yml `lang`, then detection from the text.
func (d *Document) detectLanguage(override string, site *Site, cfg *Config) {
	set := func(lang, source string) bool {
		if lang == "" {
			return false
		}
		d.Lang, d.LangSource = NormalizeLang(lang), source
		return true
	}
	if set(override, "--lang") {
		return
	}
	if d.FrontMatter.Data != nil && set(firstString(d.FrontMatter.Data, "lang", "language", "locale"), "front matter") {
		return
	}
	if site != nil {
		if rel, ok := site.Rel(d.AbsPath); ok && set(site.langFromPlace(rel), "content folder or file suffix") {
			return
		}
		if set(site.Lang, "site configuration") {
			return
		}
	}
	if cfg != nil && cfg.Lang != "auto" && set(cfg.Lang, "postlint configuration") {
		return
	}
	set(d.guessLanguage(), "detected from the text")
}

// guessLanguage runs DetectLanguage on the sample of the document's prose,
// the runs of its first blocks joined by spaces, without building that text.
func (d *Document) guessLanguage() string {
	var c functionWordCounts
	n := 0
	for _, b := range d.Prose() {
		for _, r := range b.Runs {
			c.add(d.Src[r.Start:r.End])
			n += r.End - r.Start + 1
		}
		if n > detectionSample {
			break
		}
	}
	return c.language()
}
