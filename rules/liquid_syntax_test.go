package rules_test

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestLiquidSyntax(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-liquid-syntax", rules.LiquidSyntax)
}

func TestLiquidSyntaxUnknownPlugin(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-liquid-syntax-open", rules.LiquidSyntax)
}

func TestShortcodeSyntax(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-shortcodes", rules.LiquidSyntax)
}
