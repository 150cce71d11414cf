package rules

import (
	"strings"

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
	// Building the replacer takes a while: once per site and run; it is
	// only read afterwards.
	var r *misspell.Replacer
	if pass.Site != nil {
		r = pass.Site.Memo("misspell.replacer", func() any { return misspell.New() }).(*misspell.Replacer)
	} else {
		r = misspell.New()
	}
	skip := codeShortcodeBodies(pass.Doc)
	for _, b := range pass.Doc.Prose() {
		if inSpans(skip, b.Runs[0].Start) {
			continue
		}
		text, offs := b.Text(pass.Doc.Src)
		_, diffs := r.Replace(text)
		if len(diffs) == 0 {
			continue
		}
		lineStarts := []int{0}
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				lineStarts = append(lineStarts, i+1)
			}
		}
		for _, df := range diffs {
			if df.Line < 1 || df.Line > len(lineStarts) || accepted[strings.ToLower(df.Original)] {
				continue
			}
			i := lineStarts[df.Line-1] + df.Column
			if i+len(df.Original) > len(text) || text[i:i+len(df.Original)] != df.Original {
				continue
			}
			start := offs[i]
			end := start + len(df.Original)
			if end > len(pass.Doc.Src) || string(pass.Doc.Src[start:end]) != df.Original {
				continue // the word is split by markup in the source
			}
			pass.ReportWithFix(start, end,
				`"`+df.Original+`" is a misspelling of "`+df.Corrected+`"`,
				`replace with "`+df.Corrected+`"`, df.Corrected)
		}
	}
}
