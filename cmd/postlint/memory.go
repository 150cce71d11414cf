package main

import (
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Garbage collector settings of a postlint process, each used unless the
// user sets its environment variable (GOGC, GOMEMLIMIT).
const (
	// gcPercent lets the heap grow to five times the live data between
	// collections instead of two: a run allocates a lot of short-lived
	// data (parse trees, prose) over little live data (about 50 MiB on the
	// 20,520-file benchmark corpus once the French dictionary's answers
	// are cached), and each collection scans the live data. On that
	// corpus 400 halves the collections of 200 (56 to 30).
	gcPercent = 400
	// softMemoryLimit caps the heap that gcPercent would let grow, so that
	// a run stays under 256 MiB: it is what bounds the heap when the live
	// data is large (the French dictionary parsed, about 120 MiB live).
	softMemoryLimit = 240 << 20
	// limitCheckEvery is how often the live heap is compared with the
	// limit; it only changes at the end of a collection.
	limitCheckEvery = 50 * time.Millisecond
)

// tuneGC applies the settings above and returns a function that stops
// watching the live heap. While the run goes on, the memory limit is kept
// at least 1.5 times the live heap: a run whose live data outgrows the
// limit (findings accumulate over a huge corpus) collects more often than
// with GOGC=50 at worst, instead of collecting without end.
func tuneGC(lookupEnv func(string) (string, bool)) (stop func()) {
	if _, set := lookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	if _, set := lookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	limit := int64(softMemoryLimit)
	debug.SetMemoryLimit(limit)
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(limitCheckEvery)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
			}
			metrics.Read(live)
			if want := limitFor(int64(live[0].Value.Uint64()), limit); want != limit {
				limit = want
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// limitFor returns the memory limit to use when the live heap is live and
// the limit is current: current, or 1.5 times live when that is more.
func limitFor(live, current int64) int64 {
	return max(current, live+live/2)
}
