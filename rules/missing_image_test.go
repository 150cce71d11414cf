package rules_test

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestMissingImagePlain(t *testing.T) {
	linttest.Run(t, "../testdata/plain-images", rules.MissingImage)
}

func TestMissingImageThemePrefixes(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-image-prefixes", rules.MissingImage)
}
