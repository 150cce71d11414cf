package rules

import (
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

func TestEncoding(t *testing.T) {
	linttest.Run(t, "../testdata/plain-encoding", Encoding)
}
