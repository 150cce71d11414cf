package report

import (
	"strings"
	"testing"
)

// The expected values were computed by running the hash function of
// github/codeql-action (src/fingerprints.ts) under Node on the same bytes,
// so that postlint's fingerprints are the ones upload-sarif would compute.
func TestGitHubLineHashesMatchCodeQLAction(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "bom crlf tabs blank lone-cr emoji long-line",
			src: "\xef\xbb\xbfHello world\r\n\tindented TODO here\r\n\n  \nlone\rcr line\nsame\nsame\r\nemoji \xf0\x9f\x98\x80 TODO\n" +
				strings.Repeat("x", 150) + "\nend",
			want: []string{"c1882a2a5fa5ffe8:1", "235be5be3522570f:1", "9aa5bfe85041d2f0:1", "61d4968d9a62eabe:1",
				"2b999c71512b5b84:1", "99d4c9bd525ecb8c:1", "4f0017493936ab6d:1", "f9a32fedfd5541c1:1",
				"5cc9f3598d34dda5:1", "52b56201ffb58620:1", "43b6461eda086fe2:1"},
		},
		{name: "one char", src: "a", want: []string{"53b5d4aabe50d64:1"}},
		{name: "empty", src: "", want: []string{"c129715d7a2bc9a3:1"}},
		{name: "invalid utf-8", src: "bad \xe2\x82A \xff ok\nnext\n", want: []string{"39fae79dc1eac506:1", "a5f9e5dec441e0b8:1", "c129715d7a2bc9a3:1"}},
		{name: "invalid utf-8 boundaries", src: "\xe0\x80\x80x\xed\xa0\x80y\xf0\x9f\x98z\xf4\x90\x80\x80w\xc3\n\xe2\x82\xac\xf0\x9f", want: []string{"84642aec9fec4a7c:1", "e03e16d4df9e1e4c:1"}},
		{name: "final newline", src: "x\n", want: []string{"828973aa50c68d6d:1", "c129715d7a2bc9a3:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := githubLineHashes([]byte(tt.src))[1:]
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}
