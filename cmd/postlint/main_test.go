package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run postlint as a real command, in its own
// process, so exit codes, stdout, stderr and written files are checked end
// to end.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"postlint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
