package rules_test

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestPostURLJekyll(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-links", rules.PostURL)
}

func TestPostURLHugo(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-links", rules.PostURL)
}
