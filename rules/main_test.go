package rules

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points the dictionary cache at a folder of this run: tests must
// neither read the user's cache (a stale answer would hide a bug) nor
// write it (a test binary's cache key differs from the installed
// postlint's, so each would keep replacing the other's files).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "postlint-rules-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.Setenv(cacheDirEnv, dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}
