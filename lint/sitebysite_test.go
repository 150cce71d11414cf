package lint

import (
	"slices"
	"testing"
)

func TestSiteBySiteGroupsFilesBySiteInWalkOrder(t *testing.T) {
	// Walk order of a corpus of copies: each copy's README belongs to one
	// plain site rooted at the corpus, its posts to the copy's own site.
	corpus, copy1, copy2 := &siteSlot{order: 0}, &siteSlot{order: 1}, &siteSlot{order: 2}
	targets := []target{
		{"c/1/README.md", corpus},
		{"c/1/a.md", copy1},
		{"c/1/b.md", copy1},
		{"c/2/README.md", corpus},
		{"c/2/a.md", copy2},
		{"c/2/b.md", copy2},
	}
	var got []string
	for _, i := range siteBySite(targets) {
		got = append(got, targets[i].abs)
	}
	want := []string{"c/1/README.md", "c/2/README.md", "c/1/a.md", "c/1/b.md", "c/2/a.md", "c/2/b.md"}
	if !slices.Equal(got, want) {
		t.Errorf("check order = %q, want %q", got, want)
	}
}
