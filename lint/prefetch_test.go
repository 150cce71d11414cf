package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestLoadAheadRunsAheadOfSmallSitesOnly: the prefetcher loads the sites in
// check order, and warms each, while the sites loaded that no worker has
// started are few and hold few files; it goes on as the workers start them.
func TestLoadAheadRunsAheadOfSmallSitesOnly(t *testing.T) {
	sizes := []int{1, 1, aheadFiles + 10, 1, 1}
	var slots []*siteSlot
	var targets []target
	for i, n := range sizes {
		sl := &siteSlot{root: t.TempDir(), kind: SitePlain, order: i, started: make(chan struct{})}
		slots = append(slots, sl)
		for k := range n {
			targets = append(targets, target{filepath.Join(sl.root, fmt.Sprintf("%d.md", k)), sl})
			sl.left.Add(1)
		}
	}
	warmed := make(chan int, len(slots))
	rule := EnabledRule{Rule: &Rule{Name: "warm-site", WarmSite: func(site *Site, _ any) {
		warmed <- slices.IndexFunc(slots, func(sl *siteSlot) bool { return sl.root == site.Root })
	}}}
	p := loadAhead(context.Background(), targets, siteBySite(targets), nil, []EnabledRule{rule})
	defer p.stop()

	expect := func(want ...int) {
		t.Helper()
		for _, w := range want {
			select {
			case got := <-warmed:
				if got != w {
					t.Fatalf("site %d loaded, want site %d", got, w)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("site %d never loaded", w)
			}
		}
		select {
		case got := <-warmed:
			t.Fatalf("site %d loaded too early", got)
		case <-time.After(100 * time.Millisecond):
		}
	}
	// No worker started: two one-file sites ahead are not enough, the
	// large third one is; the fourth waits.
	expect(0, 1, 2)
	slots[0].start()
	expect() // sites 1 and 2 still hold more than aheadFiles files
	slots[1].start()
	slots[2].start()
	expect(3, 4)
}
