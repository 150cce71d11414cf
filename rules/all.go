// Package rules holds postlint's rules, one file per rule.
package rules

import "github.com/postlint/postlint/lint"

// All returns every rule, in the order `postlint rules` lists them.
func All() []*lint.Rule {
	return []*lint.Rule{
		PostURL,
		MissingImage,
		SeriesOrder,
		FrenchTypos,
		FrenchTypography,
		TrailingSpaceBreak,
		FrontMatter,
		LiquidSyntax,
		InternalLink,
		ImageAlt,
		HeadingIncrement,
		Misspell,
		InlineComment,
		Encoding,
	}
}

// ByName returns the rule with this name, or nil.
func ByName(name string) *lint.Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
