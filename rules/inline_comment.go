package rules

import (
	"bytes"

	"github.com/postlint/postlint/lint"
)

// InlineComment checks postlint's own inline comments.
var InlineComment = &lint.Rule{
	Name:            "inline-comment",
	Summary:         "postlint comments name rules that exist",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"config"},
	Doc: `Checks the inline comments that turn rules off and on:
a comment that names a rule postlint does not know silences nothing, which is
almost always a typo.

Comments:

    <!-- postlint-disable RULE… -->            off from here on (no RULE: all rules)
    <!-- postlint-enable RULE… -->             on again from here
    <!-- postlint-disable-line RULE… -->       off on this line
    <!-- postlint-disable-next-line RULE… -->  off on the next line
    <!-- postlint-disable-file RULE… -->       off in the whole file

Rule names may be separated by spaces or commas.

## Example

    <!-- postlint-disable-next-line post-urll -->

is reported as "unknown rule post-urll in postlint-disable-next-line; did you
mean post-url?".

## Fix

Correct the rule name; ` + "`postlint rules`" + ` lists them.
`,
	Check: func(pass *lint.Pass) {
		// Every comment holds "postlint-"; finding them walks the whole tree.
		if !bytes.Contains(pass.Doc.Src, []byte("postlint-")) {
			return
		}
		for _, d := range pass.Doc.Directives() {
			for i, name := range d.Rules {
				if pass.KnownRule(name) {
					continue
				}
				s := d.RuleSpans[i]
				pass.Reportf(s.Start, s.End, "unknown rule %s in postlint-%s%s", name, d.Action, lint.Suggest(name, pass.RuleNames()))
			}
		}
	},
}
