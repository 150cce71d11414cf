package rules_test

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestInternalLinkJekyll(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-internal-link", rules.InternalLink)
}

func TestInternalLinkHugo(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-internal-link", rules.InternalLink)
}

func TestInternalLinkPlain(t *testing.T) {
	linttest.Run(t, "../testdata/plain-internal-link", rules.InternalLink)
}

func TestInternalLinkKramdownIDs(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-kramdown-ids", rules.InternalLink)
}

func TestInternalLinkHugoLanguages(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-internal-link-i18n", rules.InternalLink)
}
