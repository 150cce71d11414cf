package main

import (
	"runtime/debug"
	"testing"
)

func TestTuneGCHonoursTheEnvironment(t *testing.T) {
	prevPercent := debug.SetGCPercent(100)
	prevLimit := debug.SetMemoryLimit(1 << 40)
	t.Cleanup(func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	})
	env := func(set ...string) func(string) (string, bool) {
		return func(name string) (string, bool) {
			for _, s := range set {
				if s == name {
					return "x", true
				}
			}
			return "", false
		}
	}
	current := func() (percent int, limit int64) {
		percent = debug.SetGCPercent(-1)
		debug.SetGCPercent(percent)
		return percent, debug.SetMemoryLimit(-1)
	}
	for _, tt := range []struct {
		name        string
		set         []string
		wantPercent int
		wantLimit   int64
	}{
		{"neither set", nil, gcPercent, softMemoryLimit},
		{"GOGC set", []string{"GOGC"}, 100, softMemoryLimit},
		{"GOMEMLIMIT set", []string{"GOMEMLIMIT"}, gcPercent, 1 << 40},
		{"both set", []string{"GOGC", "GOMEMLIMIT"}, 100, 1 << 40},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(1 << 40)
		stop := tuneGC(env(tt.set...))
		stop()
		if percent, limit := current(); percent != tt.wantPercent || limit != tt.wantLimit {
			t.Errorf("%s: GC percent %d, memory limit %d; want %d, %d", tt.name, percent, limit, tt.wantPercent, tt.wantLimit)
		}
	}
}

func TestLimitStaysAheadOfTheLiveHeap(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct{ live, current, want int64 }{
		{100 * mib, 240 * mib, 240 * mib}, // room enough: unchanged
		{160 * mib, 240 * mib, 240 * mib},
		{200 * mib, 240 * mib, 300 * mib}, // live data outgrew the limit
		{100 * mib, 300 * mib, 300 * mib}, // never lowered
	} {
		if got := limitFor(tt.live, tt.current); got != tt.want {
			t.Errorf("limitFor(%d MiB, %d MiB) = %d MiB, want %d MiB", tt.live/mib, tt.current/mib, got/mib, tt.want/mib)
		}
	}
}
