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
}

// misspellData is built on the first English document and read-only
// afterwards: compiling the replacer takes tens of milliseconds, so no run
// does it more than once, and a run without English prose not at all.
var misspellData = sync.OnceValue(func() *misspellDict {
	d := &misspellDict{replacer: misspell.New(), keys: make(map[string]bool, len(misspell.DictMain)/2)}
	for i := 0; i < len(misspell.DictMain); i += 2 {
		d.keys[misspell.DictMain[i]] = true
	}
	return d
})

type misspellDict struct {
	replacer *misspell.Replacer
	// keys are the misspellings, lower case.
	keys map[string]bool
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
		text, offs := b.Text(pass.Doc.Src)
		for lineStart := 0; lineStart < len(text); {
			line := text[lineStart:]
			if i := strings.IndexByte(line, '\n'); i >= 0 {
				line = line[:i+1]
			}
			if dict.mayFlag(line) {
				reportMisspellings(pass, dict.replacer, line, lineStart, offs, accepted)
			}
			lineStart += len(line)
		}
	}
}

// reportMisspellings runs misspell over one line of a block's text, which
// starts at text offset lineStart.
func reportMisspellings(pass *lint.Pass, r *misspell.Replacer, line string, lineStart int, offs []int, accepted map[string]bool) {
	_, diffs := r.Replace(line)
	for _, df := range diffs {
		if df.Line != 1 || accepted[strings.ToLower(df.Original)] {
			continue
		}
		if df.Column+len(df.Original) > len(line) || line[df.Column:df.Column+len(df.Original)] != df.Original {
			continue
		}
		start := offs[lineStart+df.Column]
		end := start + len(df.Original)
		if end > len(pass.Doc.Src) || string(pass.Doc.Src[start:end]) != df.Original {
			continue // the word is split by markup in the source
		}
		pass.ReportWithFix(start, end,
			`"`+df.Original+`" is a misspelling of "`+df.Corrected+`"`,
			`replace with "`+df.Corrected+`"`, df.Corrected)
	}
}

// mayFlag reports whether misspell can find anything in line; when false,
// running it would return no diff. misspell reports a word (a run of
// [a-zA-Z0-9']) whose lower case is one of its keys, after blanking URLs,
// paths, e-mail addresses, host names and backslash escapes. Without '/',
// '@', '\\' or a '.' before a letter nothing is blanked and the words are
// the maximal runs, so a line none of whose runs is a key yields nothing. The
// replacer's own scan matches keys inside longer words and then runs several
// regular expressions per line: this test is what keeps misspell linear and
// cheap.
func (d *misspellDict) mayFlag(line string) bool {
	var buf [64]byte
	n, long := 0, false
	for i := 0; i <= len(line); i++ {
		c := byte(' ')
		if i < len(line) {
			c = line[i]
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '/' || c == '@' || c == '\\' || c == '.' && i+1 < len(line) && isASCIILetter(line[i+1]):
			return true
		default:
			if n > 0 && !long && d.keys[string(buf[:n])] {
				return true
			}
			n, long = 0, false
			continue
		}
		if n == len(buf) {
			long = true // longer than any key
			continue
		}
		buf[n] = c
		n++
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
