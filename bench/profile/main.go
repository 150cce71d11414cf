// Command profile runs every default rule over the folders given, as
// `postlint check` does, and writes CPU and heap profiles for go tool pprof:
//
//	go run ./bench/profile -cpu cpu.prof -heap heap.prof -peak peak.prof /tmp/c45
//
// -heap is what is in use at the end of the run (the result included);
// -peak is what was in use after the garbage collection that found the
// most live heap, which is what bounds the run's peak memory.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to this file")
	heap := flag.String("heap", "", "write a heap profile (in use at the end of the run, before the result is dropped) to this file")
	peak := flag.String("peak", "", "write a heap profile taken after the garbage collection that found the most live heap to this file")
	traceOut := flag.String("trace", "", "write an execution trace to this file (go tool trace; -pprof=sync shows where workers wait)")
	flag.Parse()
	err := withTrace(*traceOut, func() error { return run(*cpu, *heap, *peak, flag.Args()) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

// withTrace runs f, writing an execution trace of it to path unless path
// is empty.
func withTrace(path string, f func() error) error {
	if path == "" {
		return f()
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	if err := trace.Start(out); err != nil {
		return err
	}
	defer trace.Stop()
	return f()
}

func run(cpu, heap, peak string, paths []string) error {
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var watch *peakWatcher
	if peak != "" {
		watch = startPeakWatcher(peak)
	}
	start := time.Now()
	res, err := lint.Run(context.Background(), lint.Options{Paths: paths, Rules: rules.All()})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	if watch != nil {
		if err := watch.stop(); err != nil {
			return err
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d files, %d findings, %d errors in %v; heap in use %d MiB, %d GCs\n", res.Files, len(res.Findings), len(res.Errors), elapsed.Round(time.Millisecond), ms.HeapInuse>>20, ms.NumGC)
	if watch != nil {
		fmt.Printf("peak live heap %d MiB after GC %d\n", watch.maxLive>>20, watch.atCycle)
	}
	if heap != "" {
		f, err := os.Create(heap)
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			return err
		}
	}
	runtime.KeepAlive(res)
	return nil
}

// peakWatcher polls the runtime after each garbage collection and rewrites
// the heap profile whenever the live heap is the largest seen so far. A
// heap profile describes the heap as of the last completed collection, so
// the profile written right after the collection that found the most live
// heap shows what was live at the peak.
type peakWatcher struct {
	path    string
	quit    chan struct{}
	wg      sync.WaitGroup
	maxLive uint64
	atCycle uint64
	err     error
}

func startPeakWatcher(path string) *peakWatcher {
	w := &peakWatcher{path: path, quit: make(chan struct{})}
	w.wg.Add(1)
	go w.loop()
	return w
}

func (w *peakWatcher) loop() {
	defer w.wg.Done()
	samples := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/live:bytes"}}
	var lastCycle uint64
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-w.quit:
			return
		case <-tick.C:
		}
		metrics.Read(samples)
		cycle, live := samples[0].Value.Uint64(), samples[1].Value.Uint64()
		if cycle == lastCycle || live <= w.maxLive {
			lastCycle = cycle
			continue
		}
		lastCycle = cycle
		w.maxLive, w.atCycle = live, cycle
		if err := writeHeapProfile(w.path); err != nil {
			w.err = err
			return
		}
	}
}

// stop ends the polling and returns the first error writing the profile.
func (w *peakWatcher) stop() error {
	close(w.quit)
	w.wg.Wait()
	return w.err
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
