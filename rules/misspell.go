package rules

import (
	"strings"
	"sync"

	"github.com/client9/misspell"
	"github.com/postlint/postlint/lint"
)

// Misspell reports common English misspellings.
//
//nolint:misspell // the documentation shows misspellings on purpose
var Misspell = &lint.Rule{
	Name:            "misspell",
	Summary:         "common English misspellings, with corrections",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"english", "spelling", "prose"},
	Fixable:         true,
	Doc: `Reports common English misspellings ("recieve", "seperate",
"occured") in English documents, with the correction, using the word list
of github.com/client9/misspell (the list behind the misspell linter of Go
projects). It knows only frequent mistakes, so it almost never flags a
correct word.

Only documents whose language is English are checked (front matter
` + "`lang`" + `, Hugo's ` + "`*.en.md`" + `, the site's language, the ` + "`lang`" + ` of
.postlint.yml, or detection from the text), and only their prose: code,
template tags, raw HTML, URLs and link destinations never are. A word in
camelCase or mixed case is taken for a name and left alone, as are words
listed under ` + "`words:`" + ` in .postlint.yml.

## Example

    We recieve the events in a seperate queue.

is reported twice: "recieve" → "receive", "seperate" → "separate".

## Fix

The fix writes the correction, keeping the case of the word ("Recieve" →
"Receive"). A word that is right for your site (a name, a term of art)
goes to the site's word list:

` + "```yaml" + `
words: [Teh]
` + "```" + `
`,
	Check: checkMisspell,
	Warm:  func() { misspellData() },
}

// misspellData is built on the first English document and read-only
// afterwards: compiling the replacer takes tens of milliseconds, so no run
// does it more than once, and a run without English prose not at all.
var misspellData = sync.OnceValue(func() *misspellDict {
	d := &misspellDict{replacer: misspell.New(), keys: make(map[string]bool, len(misspell.DictMain)/2)}
	for i := 0; i < len(misspell.DictMain); i += 2 {
		k := misspell.DictMain[i]
		d.keys[k] = true
		d.maxKeyLen = max(d.maxKeyLen, len(k))
		if d.minKeyLen == 0 || len(k) < d.minKeyLen {
			d.minKeyLen = len(k)
		}
		word, bits := filterSlot(keyFilterHash(k))
		d.filter[word] |= bits
	}
	return d
})

type misspellDict struct {
	replacer *misspell.Replacer
	// keys are the misspellings, lower case.
	keys map[string]bool
	// minKeyLen and maxKeyLen are the lengths of the shortest and the
	// longest key.
	minKeyLen, maxKeyLen int
	// filter has the bits of each key's keyFilterHash set (see filterSlot):
	// a word with a bit clear is no key, which spares most words a map
	// lookup. It is read for every word of English prose, between the
	// work of other rules: 32 KB stay in the processor's nearest cache
	// where the former 256 KB missed it (0.17 s on c45). Two bits per key
	// keep false positives near 1%.
	filter [misspellFilterWords]uint64
}

// keyFilterHash is FNV-1a: isKey computes it while it lowers a word.
func keyFilterHash(key string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	return h
}

func checkMisspell(pass *lint.Pass) {
	if pass.Doc.Lang != "en" {
		return
	}
	accepted := map[string]bool{}
	if pass.Config != nil {
		for _, w := range pass.Config.Words {
			accepted[strings.ToLower(w)] = true
		}
	}
	var dict *misspellDict
	skip := codeShortcodeBodies(pass.Doc)
	for _, b := range pass.Doc.Prose() {
		if inSpans(skip, b.Runs[0].Start) {
			continue
		}
		if dict == nil {
			dict = misspellData()
		}
		text := proseText(pass.Doc.Src, &b)
		var offs []int // source offsets of text, for the rare line that may hold a misspelling
		for lineStart := 0; lineStart < len(text); {
			line := text[lineStart:]
			if i := strings.IndexByte(line, '\n'); i >= 0 {
				line = line[:i+1]
			}
			for _, df := range dict.lineDiffs(line) {
				if offs == nil {
					_, offs = b.Text(pass.Doc.Src)
				}
				reportMisspelling(pass, df, line, lineStart, offs, accepted)
			}
			lineStart += len(line)
		}
	}
}

// lineDiffs returns what misspell's replacer reports in line, a line of
// text (no line break but a last one), in the order it reports them.
//
// The replacer costs tens of microseconds per line: a lookup in its trie
// at every byte, then five regular expressions. It runs only on the lines
// mayFlag lets through and, in a line without a slash, only on the chunks
// of the line around the runs that may hold a misspelling, a chunk starting
// after a space (or where the line does) and ending after one (or where the
// line does). That finds what the whole line would, because what misspell
// does to a line without a slash never looks across a space:
//   - the spans it blanks (URLs, which need "://", and paths need a
//     slash; e-mail addresses, host names, backslash escapes) are matched
//     by expressions that match no space, but as the last byte of an
//     address: a span never holds a space and the byte after it;
//   - the words it looks up are runs of letters, digits and apostrophes;
//   - it rechecks a line, word by word, only when its trie finds a key in
//     the line, which it does whenever the word it would report is in the
//     line (no key is its own correction).
//
// TestMisspellChunksCorpora and FuzzMisspellChunks compare the two.
func (d *misspellDict) lineDiffs(line string) []misspell.Diff {
	run := d.candidateRun(line, 0)
	if run < 0 {
		return nil
	}
	if strings.IndexByte(line, '/') >= 0 {
		_, diffs := d.replacer.Replace(line)
		return diffs
	}
	var out []misspell.Diff
	for run >= 0 {
		start := strings.LastIndexByte(line[:run], ' ') + 1
		end := len(line)
		if i := strings.IndexByte(line[run:], ' '); i >= 0 {
			end = run + i + 1
		}
		_, diffs := d.replacer.Replace(line[start:end])
		for _, df := range diffs {
			df.Column += start
			df.FullLine = line
			out = append(out, df)
		}
		run = d.candidateRun(line, end)
	}
	return out
}

// reportMisspelling reports df, a diff of misspell in line, a line of a
// block's text that starts at text offset lineStart.
func reportMisspelling(pass *lint.Pass, df misspell.Diff, line string, lineStart int, offs []int, accepted map[string]bool) {
	if df.Line != 1 || accepted[strings.ToLower(df.Original)] {
		return
	}
	if df.Column+len(df.Original) > len(line) || line[df.Column:df.Column+len(df.Original)] != df.Original {
		return
	}
	start := offs[lineStart+df.Column]
	end := start + len(df.Original)
	if end > len(pass.Doc.Src) || string(pass.Doc.Src[start:end]) != df.Original {
		return // the word is split by markup in the source
	}
	pass.ReportWithFix(start, end,
		`"`+df.Original+`" is a misspelling of "`+df.Corrected+`"`,
		`replace with "`+df.Corrected+`"`, df.Corrected)
}

// candidateRun returns the start of the first run of word bytes at or after
// from (where a run of line starts) that may hold a word misspell reports,
// or -1 when there is none.
//
// When no run of a line is a candidate, misspell can find nothing in it:
// running it would return no diff, so the replacer (a scan for keys inside
// any word, then several regular expressions per line) runs only on the rare
// lines that may hold a misspelling.
//
// misspell reports a word, a run of [a-zA-Z0-9'] in the line after it blanks
// URLs, paths, e-mail addresses, host names and backslash escapes, whose lower
// case is one of its keys. Blanking removes words but can also cut a run of
// the line: mayWord lists where such a cut can fall, so that every word
// misspell can see is among the substrings it looks up.
func (d *misspellDict) candidateRun(line string, from int) int {
	for i := from; i < len(line); {
		if misspellByteClass[line[i]] == notWordByte {
			i++
			continue
		}
		// Read the run of word bytes, hashing its lower case as isKey
		// would, so that a plain word costs one pass.
		start := i
		h := uint32(2166136261) // keyFilterHash of the run's lower case, when all letters
		letters := true
	run:
		for ; i < len(line); i++ {
			switch c := line[i]; misspellByteClass[c] {
			case letterByte:
				h = (h ^ uint32(c|('a'-'A'))) * 16777619
			case digitOrQuoteByte:
				letters = false
			default:
				break run
			}
		}
		n := i - start
		if letters && n < d.minKeyLen {
			continue // every word mayWord could see is shorter than any key
		}
		// Most runs end before a space and start after one: look for "://"
		// only after a colon.
		plain := letters && (start == 0 || line[start-1] != '\\') &&
			(i == len(line) || line[i] != ':' || !strings.HasPrefix(line[i:], "://"))
		if plain {
			// The only word the run can hold (see mayWord).
			if n <= d.maxKeyLen && d.filterHas(h) && d.isKey(line[start:i]) {
				return start
			}
			continue
		}
		if d.mayWord(line, start, i) {
			return start
		}
	}
	return -1
}

// mayWord reports whether a word misspell can see inside the run
// line[start:end] of word bytes is a key. A word starts where the run does,
// or where a blanked span ends inside the run:
//   - after the letter of a backslash escape ("\nWORD"): start+1;
//   - after the last byte of an e-mail address, which can be a digit or an
//     apostrophe, or before the digit or apostrophe that ends a host name;
//
// and ends where the run does, or where a blanked span starts inside it:
//   - after an apostrophe, which neither a host name nor an e-mail address
//     can start with;
//   - before the scheme of a URL ("WORDhttp://"), up to five letters before
//     the "://" that follows the run.
//
// Every other blanked span begins and ends next to a byte that is not a
// word byte (a slash, a space, a bracket), so it cuts no run.
func (d *misspellDict) mayWord(line string, start, end int) bool {
	afterBackslash := start > 0 && line[start-1] == '\\'
	beforeURL := strings.HasPrefix(line[end:], "://")
	plain := !afterBackslash && !beforeURL
	for i := start; i < end && plain; i++ {
		plain = isASCIILetter(line[i])
	}
	if plain {
		return d.isKey(line[start:end]) // the only word the run can hold
	}
	for a := start; a < end; a++ {
		canStart := a == start || a == start+1 && afterBackslash || isDigitOrQuote(line[a-1]) || isDigitOrQuote(line[a])
		if !canStart {
			continue
		}
		for b := a + 1; b <= end && b-a <= d.maxKeyLen; b++ {
			canEnd := b == end || line[b-1] == '\'' || beforeURL && end-b <= len("https")
			if canEnd && d.isKey(line[a:b]) {
				return true
			}
		}
	}
	return false
}

// isKey reports whether the lower case of word is a misspelling.
func (d *misspellDict) isKey(word string) bool {
	if len(word) < d.minKeyLen || len(word) > d.maxKeyLen {
		return false
	}
	var buf [64]byte
	if len(word) > len(buf) {
		return d.keys[strings.ToLower(word)]
	}
	lower := buf[:len(word)]
	h := uint32(2166136261) // keyFilterHash of lower
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
		h = (h ^ uint32(c)) * 16777619
	}
	if !d.filterHas(h) {
		return false
	}
	return d.keys[string(lower)]
}

// filterHas reports whether the bits of keyFilterHash h are set in the
// filter.
func (d *misspellDict) filterHas(h uint32) bool {
	word, bits := filterSlot(h)
	return d.filter[word]&bits == bits
}

// misspellFilterWords is the size of misspellDict.filter in 64-bit words.
const misspellFilterWords = 1 << 12

// filterSlot returns the filter word and the two bits of keyFilterHash h,
// taken from distinct bits of h.
func filterSlot(h uint32) (word uint32, bits uint64) {
	return h >> 12 % misspellFilterWords, 1<<(h%64) | 1<<(h>>6%64)
}

// Classes of bytes for misspell's words.
const (
	notWordByte = iota
	letterByte
	digitOrQuoteByte
)

// misspellByteClass is the class of each byte.
var misspellByteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case isASCIILetter(byte(c)):
			t[c] = letterByte
		case isDigitOrQuote(byte(c)):
			t[c] = digitOrQuoteByte
		}
	}
	return t
}()

func isDigitOrQuote(c byte) bool { return c >= '0' && c <= '9' || c == '\'' }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
