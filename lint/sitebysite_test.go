package lint

import (
	"slices"
	"testing"
)

func TestSiteBySiteGroupsFilesBySiteInWalkOrder(t *testing.T) {
	// Walk order of a corpus of copies: each copy's README belongs to one
	// plain site rooted at the corpus, its posts to the copy's own site.
	// The corpus site holds the others: it comes last. "/c-x" sorts
	// between "/c" and "/c/1" but is not below "/c".
	corpus := &siteSlot{root: "/c", order: 0}
	copy1, copy2 := &siteSlot{root: "/c/1", order: 1}, &siteSlot{root: "/c/2", order: 2}
	other := &siteSlot{root: "/c-x", order: 3}
	targets := []target{
		{"/c/1/README.md", corpus},
		{"/c/1/a.md", copy1},
		{"/c/1/b.md", copy1},
		{"/c/2/README.md", corpus},
		{"/c/2/a.md", copy2},
		{"/c/2/b.md", copy2},
		{"/c-x/a.md", other},
	}
	var got []string
	for _, i := range siteBySite(targets) {
		got = append(got, targets[i].abs)
	}
	want := []string{"/c/1/a.md", "/c/1/b.md", "/c/2/a.md", "/c/2/b.md", "/c-x/a.md", "/c/1/README.md", "/c/2/README.md"}
	if !slices.Equal(got, want) {
		t.Errorf("check order = %q, want %q", got, want)
	}
}
