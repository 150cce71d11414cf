package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/report"
	"github.com/postlint/postlint/rules"
	"github.com/spf13/cobra"
)

// checkFlags are the flags of `postlint check`.
type checkFlags struct {
	format   string
	output   string
	config   string
	enable   []string
	disable  []string
	failOn   string
	siteRoot string
	lang     string
	jobs     int
	noColor  bool
	fixFlags
}

const checkExamples = `  # Check a Jekyll or Hugo site (the site is found from the path)
  postlint check .
  postlint check content/

  # Check only some files; the whole site is still indexed so references resolve
  postlint check _posts/2023-04-30-KubeCon-J3.md

  # Machine-readable output
  postlint check --format json --output postlint.json
  postlint check --format sarif --output postlint.sarif
  postlint check --format github          # annotations in GitHub Actions

  # Choose rules and how strict the exit code is
  postlint check --disable french-typos --enable misspell
  postlint check --fail-on error          # warnings do not fail the build

  # Fix what can be fixed (trailing-space breaks, …), or look first
  postlint check --diff | less
  postlint check --diff > fixes.patch && patch -p0 < fixes.patch
  postlint check --fix`

func newCheckCmd(stdout, stderr io.Writer) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check Markdown files and folders (default: the current folder)",
		Long: `Check Markdown files and folders. Each file's site (Jekyll, Hugo or plain) is
found by walking up to its _config.yml or hugo.toml/config.toml, and the whole
site is indexed so that post_url, link, ref and image references resolve even
when only some files are checked.

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 on a usage, configuration or I/O error (the other files are still
checked and reported).`,
		Example: checkExamples,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd.Context(), &f, args, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.FormatNames(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of standard output")
	fl.StringVarP(&f.config, "config", "c", "", "use this config `FILE` instead of the nearest .postlint.yml")
	fl.StringSliceVar(&f.enable, "enable", nil, "turn these `RULES` on (comma-separated), even if the config turns them off")
	fl.StringSliceVar(&f.disable, "disable", nil, "turn these `RULES` off (comma-separated)")
	fl.StringVar(&f.failOn, "fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning, info or never")
	fl.StringVar(&f.siteRoot, "site-root", "", "treat `DIR` as the site root instead of discovering it")
	fl.StringVar(&f.lang, "lang", "", "treat every document as written in this `LANGUAGE` (fr, en, …)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "check `N` files at once (default: one per CPU)")
	fl.BoolVar(&f.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	f.register(cmd)
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return report.FormatNames(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("fail-on", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"error", "warning", "info", "never"}, cobra.ShellCompDirectiveNoFileComp
	})
	ruleNames := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, r := range rules.All() {
			names = append(names, r.Name+"\t"+r.Summary)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	}
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleNames)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleNames)
	return cmd
}

// failThreshold reads --fail-on; SeverityOff means never fail on findings.
func failThreshold(word string) (lint.Severity, error) {
	if word == "never" {
		return lint.SeverityOff, nil
	}
	sev, err := lint.ParseSeverity(word)
	if err != nil || sev == lint.SeverityOff {
		return 0, fmt.Errorf("--fail-on: %q is not error, warning, info or never", word)
	}
	return sev, nil
}

func loadConfig(flagPath string) (*lint.Config, error) {
	p := flagPath
	if p == "" {
		p = lint.FindConfig(".")
	}
	if p == "" {
		return lint.DefaultConfig(), nil
	}
	cfg, err := lint.LoadConfig(p)
	if err != nil {
		var ce *lint.ConfigError
		if errors.As(err, &ce) {
			return nil, err
		}
		return nil, fmt.Errorf("config %s: %w", p, err)
	}
	return cfg, nil
}

func runCheck(ctx context.Context, f *checkFlags, args []string, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	formatter, ok := report.Formats()[f.format]
	if !ok {
		return fmt.Errorf("--format: unknown format %q (want %s)", f.format, strings.Join(report.FormatNames(), ", "))
	}
	threshold, err := failThreshold(f.failOn)
	if err != nil {
		return err
	}
	if f.jobs < 0 {
		return fmt.Errorf("--jobs: must be 0 (one per CPU) or more, not %d", f.jobs)
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return reportConfigError(err, f, stdout, stderr)
	}
	if f.siteRoot != "" {
		if fi, err := os.Stat(f.siteRoot); err != nil || !fi.IsDir() {
			return fmt.Errorf("--site-root: %s is not a folder", f.siteRoot)
		}
	}
	opts := lint.Options{
		Paths: args, Rules: rules.All(), Config: cfg,
		Enable: f.enable, Disable: f.disable,
		SiteRoot: f.siteRoot, Lang: f.lang, Jobs: f.jobs,
	}
	if f.fix && f.diff {
		return fmt.Errorf("--fix and --diff: choose one (--diff shows what --fix would write)")
	}
	res, err := lint.Run(ctx, opts)
	if err != nil {
		return reportConfigError(err, f, stdout, stderr)
	}
	if f.diff {
		if err := runDiff(ctx, opts, res, f.output, stdout, stderr); err != nil {
			return err
		}
		printProblems(res, stderr)
		return exitStatus(res, threshold)
	}
	if f.fix {
		if res, err = runFix(ctx, opts, res, stderr); err != nil {
			return err
		}
	}

	if err := writeReport(formatter, res, f, stdout); err != nil {
		return err
	}
	printProblems(res, stderr)
	if f.format == "text" {
		fmt.Fprintln(stderr, report.Summarize(res).String())
	}
	return exitStatus(res, threshold)
}

// printProblems prints the files left alone (notes) and the errors.
func printProblems(res *lint.Result, stderr io.Writer) {
	for _, e := range res.Skipped {
		fmt.Fprintf(stderr, "postlint: note: %v\n", e)
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "postlint: %v\n", e)
	}
}

// reportConfigError puts a configuration error into the report too, so
// that CI consumers of a SARIF or JSON file see why no file was checked;
// other errors are returned as they are.
func reportConfigError(err error, f *checkFlags, stdout, stderr io.Writer) error {
	var ce *lint.ConfigError
	if !errors.As(err, &ce) || f.format == "text" {
		return err
	}
	res := &lint.Result{Errors: []error{err}}
	if werr := writeReport(report.Formats()[f.format], res, f, stdout); werr != nil {
		return werr
	}
	fmt.Fprintf(stderr, "postlint: %v\n", err)
	return &exitCodeError{exitError}
}

// writeReport writes res in the chosen format to --output or stdout.
func writeReport(formatter report.Formatter, res *lint.Result, f *checkFlags, stdout io.Writer) error {
	var err error
	out := stdout
	var file *os.File
	if f.output != "" {
		if file, err = os.Create(f.output); err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		out = file
	}
	w := bufio.NewWriterSize(out, 64<<10)
	ropts := report.Options{
		Version:  postlintVersion(),
		ReadFile: func(p string) ([]byte, error) { return os.ReadFile(filepath.FromSlash(p)) },
		Getenv:   os.Getenv,
	}
	if f.output == "" && isTerminal(stdout) {
		ropts.Excerpt = true
		ropts.Color = !f.noColor && os.Getenv("NO_COLOR") == ""
	}
	werr := formatter(w, res, ropts)
	if werr == nil {
		werr = w.Flush()
	}
	if file != nil {
		if cerr := file.Close(); werr == nil {
			werr = cerr
		}
	}
	if werr != nil {
		return fmt.Errorf("writing the report: %w", werr)
	}
	return nil
}

// exitStatus turns a result into the exit status the threshold asks for.
func exitStatus(res *lint.Result, threshold lint.Severity) error {
	switch {
	case len(res.Errors) > 0:
		return &exitCodeError{exitError}
	case threshold != lint.SeverityOff && worst(res.Findings) >= threshold:
		return &exitCodeError{exitFindings}
	}
	return nil
}

func worst(findings []lint.Finding) lint.Severity {
	w := lint.SeverityOff
	for i := range findings {
		w = max(w, findings[i].Severity)
	}
	return w
}

// isTerminal reports whether w is a character device, without a terminal
// library: enough to decide on colour and excerpts.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
