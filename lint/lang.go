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

// maxFunctionWord is longer, in bytes, than every function word: longer
// words need no look-up.
const maxFunctionWord = 8

// functionWordCounts counts the function words of each language in a text
// fed to it piece by piece.
type functionWordCounts struct{ fr, en, total int }

// add counts the function words of text. Words are the runs of letters of
// the lower-cased text; text is cut at a word boundary (the caller joins
// pieces with a space).
func (c *functionWordCounts) add(text []byte) {
	var word [maxFunctionWord]byte
	n := 0 // bytes of the current word; > maxFunctionWord when too long
	for i := 0; i <= len(text); {
		// The end of the text closes the last word like a non-letter.
		r, size := rune(' '), 1
		if i < len(text) {
			if b := text[i]; b < utf8.RuneSelf {
				r = rune(b)
			} else {
				r, size = utf8.DecodeRune(text[i:])
			}
		}
		i += size
		if isLetter, lower := lowerLetter(r); isLetter {
			if n+utf8.RuneLen(lower) <= maxFunctionWord {
				n += utf8.EncodeRune(word[n:], lower)
			} else {
				n = maxFunctionWord + 1
			}
			continue
		}
		if n > 0 && n <= maxFunctionWord {
			langs := functionWords[string(word[:n])]
			if langs&french != 0 {
				c.fr++
				c.total++
			}
			if langs&english != 0 {
				c.en++
				c.total++
			}
		}
		n = 0
	}
}

// lowerLetter lower-cases r and reports whether the result is a letter,
// with a shortcut for ASCII, where only A-Z and a-z are.
func lowerLetter(r rune) (bool, rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return 'a' <= r && r <= 'z', r
	}
	r = unicode.ToLower(r)
	return unicode.IsLetter(r), r
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
