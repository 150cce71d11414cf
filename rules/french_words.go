package rules

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// frSep is what separates a word from the one before it.
type frSep uint8

const (
	sepNone  frSep = iota // start of the text
	sepSpace              // only white space
	sepApos               // a single apostrophe (' or ’) between letters
	sepOther              // punctuation, a placeholder, anything else
)

// frToken is one word of a prose text: letters (and digits) joined by
// single inner hyphens, as in "peut-être".
type frToken struct {
	start, end int // byte offsets in the text
	text       string
	lower      string
	sep        frSep // separator before this token
	// sentenceStart is set when only white space and sentence punctuation
	// (or nothing) precede the token since the last sentence end.
	sentenceStart bool
	hasDigit      bool
	// plainLower is set when the word is only lowercase letters from a to
	// z and ß to ÿ, as most French words are: then it has no capital,
	// digit, hyphen or mark, and each rune is a letter.
	plainLower bool
	// codeLike is set when the word touches a path, file name, handle or
	// identifier character ("parametres.yml", "/etc/reseau", "@equipe").
	codeLike bool
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// The common case, without the Unicode tables: ASCII has no other
		// letters or digits, and no combining marks.
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r <= 0xFF {
		// Latin-1, the accented letters of French: no digits or marks.
		return r >= 0xC0 && r != 0xD7 && r != 0xF7 || r == 0xAA || r == 0xB5 || r == 0xBA
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenizeFrench splits text into words. Apostrophes split words
// ("l'ecosystem" is "l" then "ecosystem"), and the separator records it so
// multi-word entries like "au jour d'aujourd'hui" can require it.
func tokenizeFrench(text string) []frToken {
	return appendFrenchTokens(nil, text)
}

// appendFrenchTokens appends the words of text to toks: a checker reuses
// one slice for all the texts of a document.
func appendFrenchTokens(toks []frToken, text string) []frToken {
	first := len(toks)
	// The lowercase of the words with capitals, end to end: their tokens
	// get their slice of it at the end, one string per text rather than
	// one per word.
	var buf [256]byte
	lowered := buf[:0]
	i := 0
	sentence := true
	for i < len(text) {
		// Separator.
		sepStart := i
		for i < len(text) {
			// Prose blocks hold no list bullets or heading marks: a new line
			// starts a list item's or a heading's text, a sentence.
			if c := text[i]; c < utf8.RuneSelf {
				// ASCII, most separators, without decoding.
				if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
					break
				}
				switch c {
				case '.', '!', '?', '\n':
					sentence = true
				case ' ', '\t', '\r', '"', '(', '\'':
				default:
					sentence = false
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				break
			}
			switch r {
			case '…':
				sentence = true
			case '\u00a0', '\u202f', '«', '»', '“', '”', '’':
			default:
				sentence = false
			}
			i += size
		}
		if i >= len(text) {
			break
		}
		sep := sepSpace // the common case, one space
		if i != sepStart+1 || text[sepStart] != ' ' {
			sep = classifySep(text[sepStart:i])
		}
		if len(toks) == first && sepStart == 0 && i == 0 {
			sep = sepNone
		}
		// Word.
		start := i
		var hasDigit, upper, plainLower bool
		i, hasDigit, upper, plainLower = wordEnd(text, start)
		w := text[start:i]
		lower := w
		if upper {
			n := len(lowered)
			lowered = appendLower(lowered, w)
			if len(lowered)-n == len(w) {
				lower = "" // its slice of lowered, below
			} else {
				lowered = lowered[:n]
				lower = strings.ToLower(w)
			}
		}
		// A space on either side is the common case, which is not code.
		codeLike := start > 0 && text[start-1] != ' ' && codeBefore(text[:start]) ||
			i < len(text) && text[i] != ' ' && codeAfter(text[i:])
		toks = append(toks, frToken{start: start, end: i, text: w, lower: lower, sep: sep, sentenceStart: sentence, hasDigit: hasDigit, plainLower: plainLower,
			codeLike: codeLike})
		sentence = false
	}
	if len(lowered) > 0 {
		rest := string(lowered)
		for k := first; k < len(toks); k++ {
			if toks[k].lower == "" {
				n := len(toks[k].text)
				toks[k].lower, rest = rest[:n], rest[n:]
			}
		}
	}
	return toks
}

// frenchWords calls fn with the text of each word tokenizeFrench finds,
// without building tokens: counting the words of every post of a site is
// a pass over the whole site. upper tells whether strings.ToLower would
// change w.
func frenchWords(text string, fn func(w string, upper bool)) {
	i := 0
	for i < len(text) {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				break
			}
			i += size
		}
		if i >= len(text) {
			break
		}
		start := i
		var upper bool
		i, _, upper, _ = wordEnd(text, start)
		fn(text[start:i], upper)
	}
}

// appendLower appends w lowercased to buf, rune by rune as
// strings.ToLower does, without making a string; w is a string or the
// bytes of a file. ASCII is lowered eight bytes at a time, and lowercase
// Latin-1 letters ("é", "à", "ç"), most of the rest of a French text,
// are copied as they are.
func appendLower[T string | []byte](buf []byte, w T) []byte {
	buf = slices.Grow(buf, len(w))
	for i := 0; i < len(w); {
		for i+8 <= len(w) {
			b := w[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if x&0x8080808080808080 != 0 {
				break
			}
			// In each byte, below 0x80: adding 0x3F sets its top bit from
			// 'A' up, adding 0x25 from 'Z'+1 up; the top bits of the
			// capitals, moved down two, are the 0x20 that lowers them.
			upper := (x + 0x3F3F3F3F3F3F3F3F) &^ (x + 0x2525252525252525) & 0x8080808080808080
			buf = binary.LittleEndian.AppendUint64(buf, x|upper>>2)
			i += 8
		}
		if i == len(w) {
			break
		}
		switch c := w[i]; {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
		case (c == 0xC2 && i+1 < len(w) && 0x80 <= w[i+1] || c == 0xC3 && i+1 < len(w) && 0x9F <= w[i+1]) && w[i+1] <= 0xBF:
			// U+0080 to U+00BF ("«", "»", no-break space) and U+00DF to
			// U+00FF ("ß" to "ÿ"), which lowercasing keeps.
			buf = append(buf, c, w[i+1])
			i += 2
		case c == 0xE2 && i+2 < len(w) && (w[i+1] == 0x80 || w[i+1] == 0x81) && 0x80 <= w[i+2] && w[i+2] <= 0xBF:
			// U+2000 to U+207F, punctuation ("’", "…", "—"), which has no
			// case.
			buf = append(buf, c, w[i+1], w[i+2])
			i += 3
		default:
			// A rune is at most utf8.UTFMax bytes: only those are made a
			// string.
			r, size := utf8.DecodeRuneInString(string(w[i:min(i+utf8.UTFMax, len(w))]))
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += size
		}
	}
	return buf
}

// wordEnd returns the end of the word that starts at text[start] (letters,
// digits and combining marks; an inner hyphen joins a compound), whether
// it holds a digit, whether strings.ToLower would change it and whether
// it is plainLower (frToken).
func wordEnd(text string, start int) (end int, hasDigit, hasUpper, plainLower bool) {
	i := start
	plainLower = true
	for i < len(text) {
		c := text[i]
		if 'a' <= c && c <= 'z' {
			i++
			continue
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
			plainLower = false
			i++
			continue
		}
		if c < utf8.RuneSelf && c != '-' && (c < '0' || c > '9') {
			// ASCII that is no letter, digit or hyphen ends the word: the
			// common end, without decoding.
			break
		}
		if c == 0xC3 && i+1 < len(text) && 0x9F <= text[i+1] && text[i+1] <= 0xBF && text[i+1] != 0xB7 {
			// U+00DF to U+00FF but "÷": "ß" to "ÿ", lowercase letters.
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			plainLower = false
			if '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) {
				hasDigit = true
			}
			if r >= utf8.RuneSelf && (r <= 0xFF && r >= 0xC0 && r <= 0xDE && r != 0xD7 || r > 0xFF && unicode.ToLower(r) != r) {
				// Latin-1 capitals, "À" to "Þ", change without the tables.
				hasUpper = true
			}
			i += size
			continue
		}
		if r == '-' && i+1 < len(text) {
			n, _ := utf8.DecodeRuneInString(text[i+1:])
			if isWordRune(n) && i > start {
				plainLower = false
				i += size
				continue
			}
		}
		break
	}
	return i, hasDigit, hasUpper, plainLower
}

func classifySep(s string) frSep {
	switch s {
	case "":
		return sepNone
	case " ":
		return sepSpace // the common case
	}
	if s == "'" || s == "’" {
		return sepApos
	}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return sepOther
		}
	}
	return sepSpace
}

// caseShape describes how a matched word is capitalised.
type caseShape uint8

const (
	caseLower caseShape = iota
	caseTitle
	caseUpper
	caseMixed
)

func shapeOf(w string) caseShape {
	// Most words are lowercase ASCII: no uppercase letter, without
	// decoding runes.
	ascii := 0
	for ascii < len(w) && w[ascii] < utf8.RuneSelf && (w[ascii] < 'A' || w[ascii] > 'Z') {
		ascii++
	}
	if ascii == len(w) {
		return caseLower
	}
	upper, lower := 0, 0
	first := true
	firstUpper := false
	for _, r := range w {
		var isLetter, isUpper bool
		if r < utf8.RuneSelf {
			isUpper = 'A' <= r && r <= 'Z'
			isLetter = isUpper || 'a' <= r && r <= 'z'
		} else {
			isLetter, isUpper = unicode.IsLetter(r), unicode.IsUpper(r)
		}
		if !isLetter {
			continue
		}
		if isUpper {
			upper++
			if first {
				firstUpper = true
			}
		} else {
			lower++
		}
		first = false
	}
	switch {
	case upper == 0:
		return caseLower
	case lower == 0 && upper > 1:
		return caseUpper
	case firstUpper && upper == 1:
		return caseTitle
	}
	return caseMixed
}

// applyShape gives the correction the capitalisation of the text it replaces.
func applyShape(s string, shape caseShape) string {
	switch shape {
	case caseUpper:
		return strings.ToUpper(s)
	case caseTitle:
		r, size := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// foldAccents removes French diacritics: "précisément" → "precisement".
func foldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case 'à', 'â', 'ä', 'á':
			b.WriteRune('a')
		case 'é', 'è', 'ê', 'ë':
			b.WriteRune('e')
		case 'î', 'ï', 'í':
			b.WriteRune('i')
		case 'ô', 'ö', 'ó':
			b.WriteRune('o')
		case 'ù', 'û', 'ü', 'ú':
			b.WriteRune('u')
		case 'ç':
			b.WriteRune('c')
		case 'ÿ':
			b.WriteRune('y')
		case 'À', 'Â', 'Ä':
			b.WriteRune('A')
		case 'É', 'È', 'Ê', 'Ë':
			b.WriteRune('E')
		case 'Î', 'Ï':
			b.WriteRune('I')
		case 'Ô', 'Ö':
			b.WriteRune('O')
		case 'Ù', 'Û', 'Ü':
			b.WriteRune('U')
		case 'Ç':
			b.WriteRune('C')
		case 'œ':
			b.WriteString("oe")
		case 'Œ':
			b.WriteString("OE")
		case 'æ':
			b.WriteString("ae")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// accentChoices returns the letters that the folded letter runes[i] may
// stand for in a French word. It keeps to where French puts accents (à only
// at the end, ç before a, o, u, ï and ë after a vowel) so that words with
// many vowels stay cheap to check.
func accentChoices(runes []rune, i int) []rune {
	r := runes[i]
	last := i == len(runes)-1
	afterVowel := i > 0 && strings.ContainsRune("aeiou", runes[i-1])
	switch r {
	case 'a':
		if last {
			return []rune{'a', 'à', 'â'}
		}
		return []rune{'a', 'â'}
	case 'e':
		if afterVowel {
			return []rune{'e', 'é', 'è', 'ê', 'ë'}
		}
		return []rune{'e', 'é', 'è', 'ê'}
	case 'i':
		if afterVowel {
			return []rune{'i', 'î', 'ï'}
		}
		return []rune{'i', 'î'}
	case 'o':
		return []rune{'o', 'ô'}
	case 'u':
		return []rune{'u', 'û'}
	case 'c':
		if !last && strings.ContainsRune("aou", runes[i+1]) {
			return []rune{'c', 'ç'}
		}
	}
	return nil
}

// accentVariants calls fn with every spelling of a folded lowercase word
// that differs only by French accents (and "oe" as "œ"), up to limit
// variants; it reports false when the word has too many.
func accentVariants(folded string, limit int, fn func(string)) bool {
	runes := []rune(folded)
	choices := make([][]rune, len(runes))
	n := 1
	for i, r := range runes {
		choices[i] = accentChoices(runes, i)
		if choices[i] == nil {
			choices[i] = []rune{r}
		}
		n *= len(choices[i])
		if n > limit {
			return false
		}
	}
	buf := make([]rune, 0, len(runes))
	var rec func(i int)
	rec = func(i int) {
		if i == len(runes) {
			fn(string(buf))
			return
		}
		if runes[i] == 'o' && i+1 < len(runes) && runes[i+1] == 'e' {
			buf = append(buf, 'œ')
			rec(i + 2)
			buf = buf[:len(buf)-1]
		}
		for _, c := range choices[i] {
			buf = append(buf, c)
			rec(i + 1)
			buf = buf[:len(buf)-1]
		}
	}
	rec(0)
	return true
}

// rectifiedOnly tells whether wrong differs from right only by a missing
// circumflex on i or u: the 1990 rectified spelling allows it ("connaitre",
// "cout"), so it is no mistake.
func rectifiedOnly(wrong, right string) bool {
	w, r := []rune(wrong), []rune(right)
	if len(w) != len(r) {
		return false
	}
	diff := false
	for i := range w {
		if w[i] == r[i] {
			continue
		}
		if (r[i] != 'î' || w[i] != 'i') && (r[i] != 'û' || w[i] != 'u') {
			return false
		}
		diff = true
	}
	return diff
}

func codeBefore(before string) bool {
	if before == "" {
		return false
	}
	switch before[len(before)-1] {
	case '/', '\\', '_', '@', '#', '=', '~', '$', '<', '{', '.':
		return true
	}
	return false
}

func codeAfter(after string) bool {
	if after == "" {
		return false
	}
	switch after[0] {
	case '/', '\\', '_', '=', '@', '(', '{':
		return true
	case '.', ':':
		n, _ := utf8.DecodeRuneInString(after[1:])
		return unicode.IsLetter(n) || n == '/'
	}
	return false
}

// accentOnly tells whether a and b differ by accents alone.
func accentOnly(a, b string) bool {
	return strings.EqualFold(foldAccents(a), foldAccents(b))
}

// tolerated tells whether writing wrong for right is allowed or too
// uncertain to report: the 1990 rectified spelling (no circumflex on i
// and u, "è" before a mute syllable as in "opèrerait", "évènement"), and
// a final "é" on a borrowed word ("hypé", "forké").
func tolerated(wrong, right string) bool {
	if rectifiedOnly(wrong, right) {
		return true
	}
	w, r := []rune(wrong), []rune(right)
	if len(w) != len(r) {
		return false
	}
	graveBeforeMute := true
	diff := false
	for i := range w {
		if w[i] == r[i] {
			continue
		}
		diff = true
		if w[i] != 'è' || r[i] != 'é' || !muteSyllableAfter(w, i) {
			graveBeforeMute = false
		}
	}
	if diff && graveBeforeMute {
		return true
	}
	for _, suf := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(wrong, suf) && !strings.HasSuffix(right, suf) {
			return true
		}
	}
	return false
}

// muteSyllableAfter tells whether the vowel at w[i] is followed by
// consonants and then a mute "e" ("opèrerait", "évènement").
func muteSyllableAfter(w []rune, i int) bool {
	j := i + 1
	for j < len(w) && !strings.ContainsRune("aeiouyéèêàâîôû", w[j]) {
		j++
	}
	if j == i+1 || j >= len(w) || w[j] != 'e' {
		return false
	}
	// "-ent", "-em…" before a consonant are nasal, not mute ("différentes").
	if j+1 < len(w) && (w[j+1] == 'n' || w[j+1] == 'm') {
		return j+2 < len(w) && strings.ContainsRune("aeiouyé", w[j+2])
	}
	return true
}
