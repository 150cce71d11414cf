package lint

// Rule is one check. A rule is a value, listed explicitly by rules.All; the
// engine hands it a Pass for each document.
type Rule struct {
	// Name is kebab-case and stable: it appears in config, inline comments,
	// JSON and SARIF.
	Name string
	// Summary is one line, shown by `postlint rules` and as SARIF's
	// shortDescription.
	Summary string
	// Doc is the rule's documentation in Markdown: what it checks, why,
	// an example, how to fix it, and its options.
	Doc string
	// DefaultSeverity applies when the config does not set one.
	DefaultSeverity Severity
	// Tags classify the rule (SARIF properties.tags), e.g. "links", "french".
	Tags []string
	// Fixable says whether some findings carry a Fix.
	Fixable bool
	// NewOptions returns a pointer to the rule's options with their default
	// values. Config values are decoded into it strictly (unknown keys are
	// errors). Nil for a rule without options.
	NewOptions func() any
	// Check inspects pass.Doc and reports findings through pass.Report.
	Check func(pass *Pass)
	// Warm, when set, builds ahead what the rule otherwise builds on its
	// first Check (word tables, compiled patterns): a run over folders
	// calls it while it looks for the files to check, on a CPU that would
	// wait. It must not load what only some documents need (the French
	// dictionary is loaded for the first French document).
	Warm func()
	// WarmSite, when set, builds the site-wide facts (Site.Memo values)
	// that the first Check of almost any of the site's files asks for. A
	// run over folders calls it as soon as it has loaded a site ahead of
	// the workers: otherwise both workers reach the site's first files at
	// once and one waits while the other builds them. options are the
	// rule's options for the run.
	WarmSite func(site *Site, options any)
}

// Pass is what a rule sees while checking one document.
type Pass struct {
	Rule *Rule
	Doc  *Document
	Site *Site
	// Options is the value NewOptions returned, with config applied.
	Options any
	// Config is the whole run's configuration (site-wide word lists,
	// dictionaries, language settings).
	Config *Config
	// Severity is the severity configured for this rule in this run.
	Severity Severity
	// ruleNames are every known rule's name, for checks of inline comments.
	ruleNames []string

	report func(Finding)
}

// Report records a finding. Rule, Path and Severity are filled in when empty;
// Start and End positions are computed from their offsets when their Line is 0.
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.Name
	}
	if f.Severity == SeverityOff {
		f.Severity = p.Severity
	}
	if f.Path == "" {
		f.Path = p.Doc.Path
	}
	f.Message = oneLine(f.Message)
	if f.Fix != nil {
		// Copy the fix only to change it: the rule's fix is not shared with
		// anything else, and most runs report tens of thousands of fixes.
		if msg := oneLine(f.Fix.Message); msg != f.Fix.Message {
			fix := *f.Fix
			fix.Message = msg
			f.Fix = &fix
		}
	}
	if f.Start.Line == 0 {
		f.Start = p.Doc.Lines.Position(f.Start.Offset)
	}
	if f.End.Line == 0 {
		end := f.End.Offset
		if end < f.Start.Offset {
			end = f.Start.Offset
		}
		f.End = p.Doc.Lines.Position(end)
	}
	p.report(f)
}

// Reportf reports a finding over the byte range [start, end) with a
// formatted message and no fix.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Finding{Start: Position{Offset: start}, End: Position{Offset: end}, Message: sprintf(format, args...)})
}

// ReportWithFix reports a finding over [start, end) whose fix replaces that
// same range with newText.
func (p *Pass) ReportWithFix(start, end int, message, fixMessage, newText string) {
	// The fix and its one edit are allocated together: one object instead
	// of two for what most findings carry.
	fe := &fixOfOneEdit{edit: [1]Edit{{Start: start, End: end, NewText: newText}}}
	fe.fix = Fix{Message: fixMessage, Edits: fe.edit[:]}
	p.Report(Finding{
		Start:   Position{Offset: start},
		End:     Position{Offset: end},
		Message: message,
		Fix:     &fe.fix,
	})
}

// fixOfOneEdit holds a fix and the storage of its only edit.
type fixOfOneEdit struct {
	fix  Fix
	edit [1]Edit
}

// RuleNames returns the names of every known rule, enabled or not.
func (p *Pass) RuleNames() []string { return p.ruleNames }

// KnownRule reports whether a rule of this name exists.
func (p *Pass) KnownRule(name string) bool {
	for _, n := range p.ruleNames {
		if n == name {
			return true
		}
	}
	return false
}
