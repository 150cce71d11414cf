package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/postlint/postlint/rules"
	"github.com/spf13/cobra"
)

func newInitCmd(stdout io.Writer) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter .postlint.yml in the current folder",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			const name = ".postlint.yml"
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(name, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists; not overwriting it (use --force to replace it)", name)
			}
			if err != nil {
				return err
			}
			if _, err := io.WriteString(f, starterConfig()); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(stdout, "wrote %s\n", name)
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing .postlint.yml")
	return cmd
}

// starterConfig lists every rule with its default severity, commented out,
// so the file documents what can be set.
func starterConfig() string {
	var b strings.Builder
	b.WriteString(`# postlint configuration. Every key is optional; the values shown are the
# defaults. Documentation: postlint rules NAME, and the README.

# Which generator builds the site: auto, jekyll, hugo or plain.
site: auto

# Language of documents without a front matter lang: auto (detected) or a
# code such as fr or en.
lang: auto

# Files not to check (globs relative to this file).
ignore:
  - "_site/**"
  - "vendor/**"

# Words the spelling rules accept (product names, jargon of the site).
words: []

# Rules: a severity (off, info, warning, error) or a mapping with
# severity and the rule's options.
rules:
`)
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "  # %s: %s  # %s\n", r.Name, r.DefaultSeverity, r.Summary)
	}
	return b.String()
}
