// Command floor is the lower bound postlint is measured against: it reads
// every Markdown file under the folders given and parses each once with
// goldmark, set up as postlint sets it up (lint.NewMarkdown: the same
// extensions, and the same filter in front of Linkify), on as many workers
// as postlint uses, and does nothing else.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/postlint/postlint/lint"
	"github.com/yuin/goldmark/text"
)

func main() {
	jobs := flag.Int("jobs", runtime.GOMAXPROCS(0), "files parsed at once")
	flag.Parse()
	md := lint.NewMarkdown()
	files := make(chan string, 256)
	var wg sync.WaitGroup
	var count, nodes atomic.Int64
	for range *jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range files {
				src, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				doc := md.Parser().Parse(text.NewReader(src))
				count.Add(1)
				nodes.Add(int64(doc.ChildCount()))
			}
		}()
	}
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != root && lint.SkippedDir(d.Name()) {
					return filepath.SkipDir
				}
				return nil
			}
			if lint.IsMarkdown(p) {
				files <- p
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	close(files)
	wg.Wait()
	fmt.Printf("%d files parsed, %d top-level blocks\n", count.Load(), nodes.Load())
}
