package rules_test

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// The link fixtures hold cases of both rules; each run checks both.

func TestPostURLJekyll(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-links", rules.PostURL, rules.MissingImage)
}

func TestPostURLHugo(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-links", rules.PostURL, rules.MissingImage)
}

func TestPostURLHugoMultilingual(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-links-i18n", rules.PostURL, rules.MissingImage)
}
