// Command profile runs every default rule over the folders given, as
// `postlint check` does, and writes CPU and heap profiles for go tool pprof:
//
//	go run ./bench/profile -cpu cpu.prof -heap heap.prof /tmp/c45
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
)

func main() {
	cpu := flag.String("cpu", "", "write a CPU profile to this file")
	heap := flag.String("heap", "", "write a heap profile (in use at the end of the run, before the result is dropped) to this file")
	flag.Parse()
	if err := run(*cpu, *heap, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(cpu, heap string, paths []string) error {
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
	start := time.Now()
	res, err := lint.Run(context.Background(), lint.Options{Paths: paths, Rules: rules.All()})
	if err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d files, %d findings, %d errors in %v; heap in use %d MiB, %d GCs\n", res.Files, len(res.Findings), len(res.Errors), time.Since(start).Round(time.Millisecond), ms.HeapInuse>>20, ms.NumGC)
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
