// Command postlint lints the Markdown of Jekyll, Hugo and plain static-site
// blogs. This package only wires flags to lint.Run and report formats.
package main

import (
	"os"
)

func main() {
	stopTuning := tuneGC(os.LookupEnv)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopTuning()
	os.Exit(code)
}
