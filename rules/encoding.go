package rules

import (
	"fmt"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
)

// Encoding reports files that are not valid UTF-8.
var Encoding = &lint.Rule{
	Name:            "encoding",
	Summary:         "files are UTF-8",
	DefaultSeverity: lint.SeverityError,
	Tags:            []string{"syntax"},
	Doc: `Reports the first byte of a file that is not part of a UTF-8 character,
with the number of such bytes in the file. It is almost always a post saved
in Latin-1 or Windows-1252 by an old editor: "café" written as the single
byte 0xE9.

## Why

Jekyll reads Markdown as UTF-8 and stops the build with "invalid byte
sequence in UTF-8"; Hugo publishes the bytes as they are and readers see
"caf�". The other rules still check the file, but words around the bad
bytes may be misread.

## Example

A post saved in Latin-1:

    Un caf\xE9 noir.

## Fix

Convert the file to UTF-8, e.g. ` + "`iconv -f WINDOWS-1252 -t UTF-8 post.md > post.utf8.md`" + `,
then check that the accented letters look right. There is no automatic
fix: postlint cannot know which encoding the file was written in, and
` + "`--fix`" + ` leaves such files alone.
`,
	Check: checkEncoding,
}

func checkEncoding(pass *lint.Pass) {
	src := pass.Doc.Src
	if utf8.Valid(src) {
		return
	}
	first, count := -1, 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			count++
		}
		i += size
	}
	more := ""
	if count > 1 {
		more = fmt.Sprintf(" (%d such bytes in the file)", count)
	}
	pass.Reportf(first, first+1, "invalid UTF-8: byte 0x%02X is not part of a UTF-8 character%s; save the file as UTF-8", src[first], more)
}
